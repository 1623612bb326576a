/** What both alignments produce: which old points correspond to which new points, before classification. */

/**
 * Indices into the old and new `points` arrays, each list in reading order. A `pair` becomes unchanged,
 * modified or moved once build-changes has looked at order, text, tags, status and area.
 */
export interface AlignedGroup {
  kind: 'pair' | 'split' | 'merged' | 'added' | 'deleted';
  old: number[];
  new: number[];
}

/** Completes an alignment: every old point not yet grouped is deleted, every new one added. */
export function withUnmatched(groups: AlignedGroup[], oldCount: number, newCount: number): AlignedGroup[] {
  const oldSeen = new Uint8Array(oldCount);
  const newSeen = new Uint8Array(newCount);
  for (const g of groups) {
    for (const i of g.old) oldSeen[i] = 1;
    for (const j of g.new) newSeen[j] = 1;
  }
  const out = [...groups];
  for (let i = 0; i < oldCount; i++) if (!oldSeen[i]) out.push({ kind: 'deleted', old: [i], new: [] });
  for (let j = 0; j < newCount; j++) if (!newSeen[j]) out.push({ kind: 'added', old: [], new: [j] });
  return out;
}

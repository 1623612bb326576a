import type { Area, PlanContent, PlanNote, Point } from '../../domain/plans/plan.ts';

/** One unit of a plan in reading order; every exporter walks the same sequence so they agree. */
export type PlanBlock =
  | { kind: 'area'; area: Area }
  | { kind: 'point'; point: Point }
  | { kind: 'note'; note: PlanNote };

/** Paragraphs of a Markdown-subset text: blank lines separate them, stray whitespace does not count. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Areas, points and notes interleaved as a reader meets them. Notes follow their point (or the
 * preamble when unanchored); areas without points still appear, in their place, so nothing is lost.
 */
export function planBlocks(plan: PlanContent): PlanBlock[] {
  const notesAfter = new Map<string | null, PlanNote[]>();
  const pointIds = new Set(plan.points.map((p) => p.id));
  for (const note of plan.notes) {
    // A dangling anchor (rejected by the schema, but exporters take what they are given) reads as a leading note.
    const anchor = note.afterPointId !== null && pointIds.has(note.afterPointId) ? note.afterPointId : null;
    notesAfter.set(anchor, [...(notesAfter.get(anchor) ?? []), note]);
  }
  const areaIndex = new Map(plan.areas.map((a, i) => [a.id, i]));
  const blocks: PlanBlock[] = (notesAfter.get(null) ?? []).map((note) => ({ kind: 'note', note }));
  let nextArea = 0;
  let currentArea: string | null = null;
  const openAreasUpTo = (index: number) => {
    for (; nextArea <= index; nextArea++) {
      const area = plan.areas[nextArea];
      if (area) blocks.push({ kind: 'area', area });
    }
  };
  for (const point of plan.points) {
    const index = point.areaId === null ? undefined : areaIndex.get(point.areaId);
    if (index !== undefined && point.areaId !== currentArea) {
      // An area listed out of order is still headed where its points start.
      if (index < nextArea) blocks.push({ kind: 'area', area: plan.areas[index]! });
      else openAreasUpTo(index);
      currentArea = point.areaId;
    }
    blocks.push({ kind: 'point', point });
    for (const note of notesAfter.get(point.id) ?? []) blocks.push({ kind: 'note', note });
  }
  openAreasUpTo(plan.areas.length - 1);
  return blocks;
}

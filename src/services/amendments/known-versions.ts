import { can, type Viewer } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { findVersion } from '../../store/plans/plans.repository.ts';
import { versionsHeldBy } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { KnownVersion } from './amendment-presenter.ts';

/**
 * The versions among `ids` the viewer may read, with their texts: every one for the mediator
 * team, those released to the viewer's party for everyone else.
 */
export async function loadKnownVersions(
  tx: Tx,
  viewer: Viewer,
  planId: string,
  ids: Iterable<string | null>,
): Promise<Map<string, KnownVersion>> {
  const wanted = new Set([...ids].filter((id): id is string => id !== null));
  if (!can(viewer, 'version.read')) {
    const held = await versionsHeldBy(tx, planId, viewer.membership?.partyId ?? '');
    const heldIds = new Set(held.map((v) => v.id));
    for (const id of wanted) if (!heldIds.has(id)) wanted.delete(id);
  }
  const known = new Map<string, KnownVersion>();
  for (const id of wanted) {
    const v = await findVersion(tx, planId, id);
    if (v) known.set(id, { id, label: v.label, seq: v.seq, content: JSON.parse(v.content) as PlanContent });
  }
  return known;
}

import { can, type Viewer } from '../../domain/access/policies.ts';
import type { PositionWithAuthor } from '../../store/negotiation/positions.repository.ts';

/**
 * A position as its reader sees it: the stance and priority always (the reader passed
 * position.read for its party), the rationale only when rationale.read allows it, so a rationale
 * the party keeps to itself never reaches the mediator, not even as an empty string.
 */
export function presentPosition(
  viewer: Viewer,
  row: PositionWithAuthor,
  labelOf: ReadonlyMap<string, string>,
) {
  const shared = row.rationale_shared === 1;
  const readable = can(viewer, 'rationale.read', {
    record: { partyId: row.party_id, sharedWithMediator: shared },
  });
  return {
    id: row.id,
    pointId: row.point_id,
    partyId: row.party_id,
    version: { id: row.version_id, label: labelOf.get(row.version_id) ?? '' },
    stance: row.stance,
    priority: Number(row.priority),
    rationale: readable ? row.rationale : null,
    rationaleShared: shared,
    author: { id: row.author_id, name: row.author_name },
    recordedAt: row.recorded_at,
  };
}

export type PresentedPosition = ReturnType<typeof presentPosition>;

/** The domain's view of a stored row. */
export function asEntry(row: PositionWithAuthor) {
  return {
    row,
    id: row.id,
    pointId: row.point_id,
    partyId: row.party_id,
    versionId: row.version_id,
    stance: row.stance,
    recordedAt: row.recorded_at,
  };
}

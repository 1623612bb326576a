import type { TimelineItem, TimelineKind, TimelineParty } from '../../domain/timeline/timeline-item.ts';
import type { Role } from '../api/types.ts';

export type { TimelineItem, TimelineKind, TimelineParty };

/** GET /processes/:id/timeline */
export interface TimelineResponse {
  processId: string;
  scope: 'all-parties' | 'own-party';
  viewer: { role: Role; partyId: string } | null;
  parties: TimelineParty[];
  span: { first: string; last: string } | null;
  items: TimelineItem[];
}

/** The four lanes of the axis, top to bottom; versions and releases share one. */
export const LANES: { key: string; label: string; kinds: TimelineKind[] }[] = [
  { key: 'meetings', label: 'Meetings', kinds: ['meeting'] },
  { key: 'versions', label: 'Versions & releases', kinds: ['version', 'release'] },
  { key: 'amendments', label: 'Amendments', kinds: ['amendment'] },
  { key: 'positions', label: 'Positions', kinds: ['position'] },
];

export const KIND_LABELS: Record<TimelineKind, string> = {
  meeting: 'Meeting',
  version: 'Version',
  release: 'Release',
  amendment: 'Amendment',
  position: 'Position',
};

/** The lane an item is drawn in. */
export function laneOf(kind: TimelineKind): number {
  return LANES.findIndex((l) => l.kinds.includes(kind));
}

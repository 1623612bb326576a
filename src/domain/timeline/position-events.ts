/** A party's stance on a point (the values of positions.stance). */
export type Stance = 'support' | 'reservations' | 'oppose' | 'undecided';

/** One recorded position, as the timeline needs it. */
export interface PositionRecord {
  id: string;
  planId: string;
  pointId: string;
  partyId: string;
  versionId: string;
  stance: Stance;
  priority: number;
  recordedAt: string;
}

/** A party's stance on a point moved away from its previous one. */
export interface StanceChange {
  type: 'changed';
  position: PositionRecord;
  from: Stance;
}

/** A party stated its first positions on some points of a plan on one (UTC) day. */
export interface PositionsStated {
  type: 'stated';
  partyId: string;
  planId: string;
  day: string;
  positions: PositionRecord[];
}

export type PositionEvent = StanceChange | PositionsStated;

/**
 * What a position history means on a timeline: each point's first position, gathered per party,
 * plan and day (one statement of many points is one event), and every later position whose stance
 * differs from the party's previous one on that point. A restated stance (say, a changed priority)
 * is no event. Input order does not matter.
 */
export function positionEvents(records: readonly PositionRecord[]): PositionEvent[] {
  const byPoint = new Map<string, PositionRecord[]>();
  for (const r of records) {
    const key = `${r.partyId}\u0000${r.planId}\u0000${r.pointId}`;
    byPoint.set(key, [...(byPoint.get(key) ?? []), r]);
  }
  const stated = new Map<string, PositionsStated>();
  const changes: StanceChange[] = [];
  for (const history of byPoint.values()) {
    history.sort((a, b) =>
      a.recordedAt === b.recordedAt ? (a.id < b.id ? -1 : 1) : a.recordedAt < b.recordedAt ? -1 : 1,
    );
    const [first, ...later] = history;
    if (!first) continue;
    const day = first.recordedAt.slice(0, 10);
    const key = `${first.partyId}\u0000${first.planId}\u0000${day}`;
    const group = stated.get(key) ?? {
      type: 'stated' as const,
      partyId: first.partyId,
      planId: first.planId,
      day,
      positions: [],
    };
    group.positions.push(first);
    stated.set(key, group);
    let previous = first;
    for (const next of later) {
      if (next.stance !== previous.stance)
        changes.push({ type: 'changed', position: next, from: previous.stance });
      previous = next;
    }
  }
  for (const group of stated.values())
    group.positions.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  return [...stated.values(), ...changes];
}

/** When a position event happened: a statement when its first position was recorded. */
export function positionEventAt(event: PositionEvent): string {
  return event.type === 'changed' ? event.position.recordedAt : (event.positions[0]?.recordedAt ?? event.day);
}

/** How a stance reads in a sentence. */
export const STANCE_LABELS: Record<Stance, string> = {
  support: 'support',
  reservations: 'support with reservations',
  oppose: 'oppose',
  undecided: 'undecided',
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PositionRecord, positionEvents, type Stance } from './position-events.ts';

const STANCES: Stance[] = ['support', 'reservations', 'oppose', 'undecided'];

const record = (
  over: Partial<PositionRecord> & Pick<PositionRecord, 'id' | 'recordedAt'>,
): PositionRecord => ({
  planId: 'pln',
  pointId: 'p1',
  partyId: 'krf',
  versionId: 'v2',
  stance: 'support',
  priority: 3,
  ...over,
});

describe('positionEvents', () => {
  it('gathers first positions per party and day, and reports only real changes of stance', () => {
    const events = positionEvents([
      record({ id: 'a', pointId: 'p1', stance: 'oppose', recordedAt: '2025-03-01T09:00:00Z' }),
      record({ id: 'b', pointId: 'p2', stance: 'support', recordedAt: '2025-03-01T10:00:00Z' }),
      // Same stance, new priority: no event.
      record({ id: 'c', pointId: 'p1', stance: 'oppose', priority: 5, recordedAt: '2025-03-04T09:00:00Z' }),
      record({ id: 'd', pointId: 'p1', stance: 'reservations', recordedAt: '2025-03-08T09:00:00Z' }),
      record({
        id: 'e',
        partyId: 'vel',
        pointId: 'p1',
        stance: 'support',
        recordedAt: '2025-03-01T11:00:00Z',
      }),
    ]);
    const stated = events.filter((e) => e.type === 'stated');
    expect(stated.map((e) => [e.partyId, e.day, e.positions.map((p) => p.id)])).toEqual([
      ['krf', '2025-03-01', ['a', 'b']],
      ['vel', '2025-03-01', ['e']],
    ]);
    const changes = events.filter((e) => e.type === 'changed');
    expect(changes.map((e) => [e.position.id, e.from, e.position.stance])).toEqual([
      ['d', 'oppose', 'reservations'],
    ]);
  });

  it('accounts for every position exactly once as a first statement or against its predecessor', () => {
    const history = fc.array(
      fc.record({
        partyId: fc.constantFrom('a', 'b'),
        pointId: fc.constantFrom('p1', 'p2', 'p3'),
        stance: fc.constantFrom(...STANCES),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(history, (rows) => {
        const records = rows.map((r, i) =>
          record({
            id: `r${String(i).padStart(3, '0')}`,
            partyId: r.partyId,
            pointId: r.pointId,
            stance: r.stance,
            recordedAt: `2025-03-${String(r.day).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`,
          }),
        );
        const events = positionEvents(records);
        const firsts = events.flatMap((e) => (e.type === 'stated' ? e.positions : []));
        expect(new Set(firsts.map((p) => `${p.partyId}/${p.pointId}`)).size).toBe(firsts.length);
        // Count the changes the slow way: sort each point's history and compare neighbours.
        let expected = 0;
        const keys = new Set(records.map((r) => `${r.partyId}/${r.pointId}`));
        for (const key of keys) {
          const h = records
            .filter((r) => `${r.partyId}/${r.pointId}` === key)
            .sort((x, y) =>
              x.recordedAt < y.recordedAt ? -1 : x.recordedAt > y.recordedAt ? 1 : x.id < y.id ? -1 : 1,
            );
          for (let i = 1; i < h.length; i++) if (h[i]!.stance !== h[i - 1]!.stance) expected++;
        }
        expect(events.filter((e) => e.type === 'changed').length).toBe(expected);
        expect(firsts.length).toBe(keys.size);
      }),
    );
  });
});

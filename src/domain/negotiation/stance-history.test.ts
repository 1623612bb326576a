import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyMove,
  contestWeight,
  currentPositions,
  historiesByCell,
  historyOf,
  isContested,
  movesByParty,
  type PositionEntry,
  STANCES,
  type Stance,
  stanceByVersion,
} from './stance-history.ts';

const SEQ = new Map([
  ['v1', 1],
  ['v2', 2],
  ['v3', 3],
]);

let n = 0;
const entry = (
  partyId: string,
  versionId: string,
  stance: Stance,
  recordedAt: string,
  pointId = 'p1',
): PositionEntry => ({ id: `pos_${++n}`, pointId, partyId, versionId, stance, recordedAt });

const day = (d: number) => new Date(Date.UTC(2025, 0, d)).toISOString();

const entryArb = fc.record({
  id: fc.uuid(),
  pointId: fc.constantFrom('p1', 'p2', 'p3'),
  partyId: fc.constantFrom('vel', 'krf', 'bcc'),
  versionId: fc.constantFrom('v1', 'v2', 'v3'),
  stance: fc.constantFrom(...STANCES),
  recordedAt: fc.integer({ min: 1, max: 20 }).map(day),
});
const entriesArb = fc.array(entryArb, { maxLength: 40 });

describe('stance history', () => {
  it('takes the newest recorded position as current', () => {
    const rows = [
      entry('vel', 'v1', 'oppose', day(1)),
      entry('vel', 'v2', 'support', day(5)),
      entry('vel', 'v2', 'reservations', day(3)),
      entry('krf', 'v2', 'undecided', day(2)),
    ];
    const current = currentPositions(rows);
    expect(current.get('p1|vel')?.stance).toBe('support');
    expect(current.get('p1|krf')?.stance).toBe('undecided');
    expect(historyOf(rows, 'p1', 'vel').map((e) => e.stance)).toEqual(['oppose', 'reservations', 'support']);
  });

  it('reads a history per version: the last stance on each, and how it moved', () => {
    const rows = [
      entry('vel', 'v1', 'undecided', day(1)),
      entry('vel', 'v1', 'oppose', day(2)),
      entry('vel', 'v2', 'reservations', day(4)),
      entry('vel', 'v3', 'reservations', day(6)),
      entry('vel', 'v3', 'undecided', day(7)),
    ];
    const steps = stanceByVersion(historyOf(rows, 'p1', 'vel'), SEQ);
    expect(steps.map((s) => [s.versionId, s.position.stance, s.move])).toEqual([
      ['v1', 'oppose', 'first'],
      ['v2', 'reservations', 'towards'],
      ['v3', 'undecided', 'away'],
    ]);
  });

  it('orders versions by their place, not by when the stance was recorded', () => {
    // A party that states its stance on Draft 1 late, after it already spoke on Draft 2.
    const rows = [entry('vel', 'v2', 'support', day(1)), entry('vel', 'v1', 'oppose', day(9))];
    expect(stanceByVersion(rows, SEQ).map((s) => [s.versionId, s.move])).toEqual([
      ['v1', 'first'],
      ['v2', 'towards'],
    ]);
    // An unknown version (not one the reader holds) is left out.
    expect(stanceByVersion([entry('vel', 'v9', 'support', day(1))], SEQ)).toEqual([]);
  });

  it('classifies moves in the order support > reservations > undecided > oppose', () => {
    expect(classifyMove(null, 'oppose')).toBe('first');
    expect(classifyMove('oppose', 'undecided')).toBe('towards');
    expect(classifyMove('reservations', 'support')).toBe('towards');
    expect(classifyMove('support', 'reservations')).toBe('away');
    expect(classifyMove('undecided', 'undecided')).toBe('unchanged');
  });

  it('calls a point contested when someone opposes or the parties split between accepting and not', () => {
    expect(isContested([])).toBe(false);
    expect(isContested(['support', 'reservations'])).toBe(false);
    expect(isContested(['undecided', 'undecided'])).toBe(false);
    expect(isContested(['oppose'])).toBe(true);
    expect(isContested(['support', 'oppose'])).toBe(true);
    expect(isContested(['reservations', 'undecided'])).toBe(true);
    expect(contestWeight(['support', 'oppose', 'oppose'])).toBeGreaterThan(
      contestWeight(['support', 'oppose']),
    );
    expect(contestWeight(['support', 'oppose'])).toBeGreaterThan(contestWeight(['support', 'undecided']));
  });

  it('counts moves per party over all points', () => {
    const rows = [
      entry('vel', 'v1', 'oppose', day(1), 'p1'),
      entry('vel', 'v2', 'support', day(2), 'p1'),
      entry('vel', 'v1', 'support', day(1), 'p2'),
      entry('vel', 'v2', 'support', day(2), 'p2'),
      entry('vel', 'v3', 'oppose', day(3), 'p2'),
      entry('krf', 'v2', 'oppose', day(2), 'p1'),
    ];
    const moves = movesByParty(rows, SEQ);
    expect(moves.get('vel')).toEqual({ towards: 1, away: 1, unchanged: 1 });
    expect(moves.get('krf')).toEqual({ towards: 0, away: 0, unchanged: 0 });
  });

  it('does not depend on the order rows arrive in (property)', () => {
    fc.assert(
      fc.property(
        entriesArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const a = historiesByCell(rows);
          const b = historiesByCell(shuffled);
          expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
          for (const [key, history] of a)
            expect(b.get(key)?.map((e) => e.id)).toEqual(history.map((e) => e.id));
          expect(movesByParty(shuffled, SEQ)).toEqual(movesByParty(rows, SEQ));
          const ca = currentPositions(rows);
          const cb = currentPositions(shuffled);
          for (const [key, e] of ca) expect(cb.get(key)?.id).toBe(e.id);
        },
      ),
    );
  });

  it('has the current position as the last of the history, and history ordered by time (property)', () => {
    fc.assert(
      fc.property(entriesArb, (rows) => {
        const current = currentPositions(rows);
        for (const [key, history] of historiesByCell(rows)) {
          expect(current.get(key)).toBe(history.at(-1));
          for (let i = 1; i < history.length; i++)
            expect(history[i - 1]!.recordedAt <= history[i]!.recordedAt).toBe(true);
        }
        expect(current.size).toBe(historiesByCell(rows).size);
      }),
    );
  });

  it('reads each version once, in version order, with moves that match the ranks (property)', () => {
    fc.assert(
      fc.property(entriesArb, (rows) => {
        for (const history of historiesByCell(rows).values()) {
          const steps = stanceByVersion(history, SEQ);
          const seqs = steps.map((s) => SEQ.get(s.versionId)!);
          expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
          steps.forEach((s, i) => {
            const before = i === 0 ? null : steps[i - 1]!.position.stance;
            expect(s.move).toBe(classifyMove(before, s.position.stance));
            // The stance as of a version is the last one recorded against it.
            const onVersion = history.filter((e) => e.versionId === s.versionId);
            expect(s.position).toBe(onVersion.at(-1));
          });
        }
      }),
    );
  });
});

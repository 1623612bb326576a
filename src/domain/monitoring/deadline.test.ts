import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { resolveLocalTime, utcToLocal } from '../meetings/meeting-time.ts';
import { AppError } from '../shared/app-error.ts';
import {
  absoluteDeadlineMs,
  absoluteDeadlineUtc,
  addDeadlineOffset,
  addDeadlineOffsetIso,
  deadlineProblems,
  resolveDeadline,
} from './deadline.ts';
import type { DeadlineUnit } from './monitoring-model.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof AppError) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
};

describe('absolute deadlines', () => {
  it('turn a wall-clock time in a zone into a UTC instant', () => {
    expect(absoluteDeadlineUtc('2027-03-15T23:59', 'Europe/Kyiv')).toBe('2027-03-15T21:59:00.000Z');
    expect(absoluteDeadlineUtc('2027-03-15T12:00', 'asia/jerusalem')).toBe('2027-03-15T10:00:00.000Z');
  });

  it('refuse unknown zones, impossible dates and the hour skipped in spring, naming the field', () => {
    expect(problemsOf(() => absoluteDeadlineUtc('2027-03-15T12:00', 'Mars/Olympus'))).toEqual([
      { field: 'body.deadline.zone', reason: expect.stringContaining('unknown time zone "Mars/Olympus"') },
    ]);
    expect(problemsOf(() => absoluteDeadlineUtc('2027-02-30T12:00', 'Europe/Kyiv'))).toEqual([
      { field: 'body.deadline.local', reason: expect.stringContaining('not a real date') },
    ]);
    expect(problemsOf(() => absoluteDeadlineUtc('2027-03-28T03:30', 'Europe/Kyiv', 'deadline'))).toEqual([
      { field: 'deadline.local', reason: expect.stringContaining('does not exist in Europe/Kyiv') },
    ]);
  });

  it('read in bulk the same as checked, throwing the same errors', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 60 * 365 * 24 * 4 }),
        (z, quarters) => {
          const local = new Date(Date.UTC(1980, 0, 1) + quarters * 900_000).toISOString().slice(0, 16);
          const checked = (() => {
            try {
              return Date.parse(absoluteDeadlineUtc(local, z));
            } catch {
              return 'refused';
            }
          })();
          const bulk = (() => {
            try {
              return absoluteDeadlineMs(local, z);
            } catch {
              return 'refused';
            }
          })();
          expect(bulk).toBe(checked);
        },
      ),
      { numRuns: 1000 },
    );
    expect(() => absoluteDeadlineMs('2027-02-30T12:00', 'Europe/Kyiv')).toThrow(AppError);
  });

  it('validate relative deadlines too', () => {
    expect(deadlineProblems({ kind: 'after_entry_into_force', amount: 72, unit: 'hours' })).toEqual([]);
    expect(deadlineProblems({ kind: 'after_entry_into_force', amount: 2.5, unit: 'days' })).toEqual([
      { field: 'body.deadline.amount', reason: expect.stringContaining('whole number of days') },
    ]);
    expect(
      deadlineProblems({
        kind: 'after_commitment',
        amount: 1,
        unit: 'years' as DeadlineUnit,
        commitmentId: '',
      }).map((p) => p.field),
    ).toEqual(['body.deadline.unit', 'body.deadline.commitmentId']);
  });
});

describe('relative deadlines', () => {
  const at = (iso: string) => Date.parse(iso);
  const plus = (start: string, amount: number, unit: DeadlineUnit, zone: string) =>
    addDeadlineOffsetIso(start, amount, unit, zone);

  it('count hours as elapsed time: 72 hours across the spring change is 72 real hours, another wall time', () => {
    // Noon in Zurich on Friday 28 March 2025; clocks go forward on Sunday 30 March.
    const end = plus('2025-03-28T11:00:00.000Z', 72, 'hours', 'Europe/Zurich');
    expect(at(end) - at('2025-03-28T11:00:00.000Z')).toBe(72 * HOUR);
    expect(utcToLocal(end, 'Europe/Zurich')).toBe('2025-03-31T13:00');
  });

  it('count days as calendar days: 30 days keeps the wall time, 719 real hours across the change', () => {
    const end = plus('2025-03-15T11:00:00.000Z', 30, 'days', 'Europe/Zurich');
    expect(utcToLocal(end, 'Europe/Zurich')).toBe('2025-04-14T12:00');
    expect(at(end) - at('2025-03-15T11:00:00.000Z')).toBe(719 * HOUR);
    expect(utcToLocal(plus('2025-10-20T10:00:00.000Z', 2, 'weeks', 'Europe/Zurich'), 'Europe/Zurich')).toBe(
      '2025-11-03T12:00',
    );
  });

  it('clamp month ends: 31 January + 1 month is the last day of February', () => {
    expect(utcToLocal(plus('2027-01-31T10:00:00.000Z', 1, 'months', 'Europe/Kyiv'), 'Europe/Kyiv')).toBe(
      '2027-02-28T12:00',
    );
    expect(utcToLocal(plus('2028-01-31T10:00:00.000Z', 1, 'months', 'Europe/Kyiv'), 'Europe/Kyiv')).toBe(
      '2028-02-29T12:00',
    );
    expect(utcToLocal(plus('2027-08-31T09:00:00.000Z', 3, 'months', 'Europe/Kyiv'), 'Europe/Kyiv')).toBe(
      '2027-11-30T12:00',
    );
  });

  it('move a wall time the target day skips forward by the gap, and take the first of a repeated one', () => {
    // 02:30 on 29 March 2025 in Zurich + 1 day: 02:30 does not exist on the 30th.
    expect(utcToLocal(plus('2025-03-29T01:30:00.000Z', 1, 'days', 'Europe/Zurich'), 'Europe/Zurich')).toBe(
      '2025-03-30T03:30',
    );
    // 02:30 on 26 October 2025 happens twice; the deadline is the first, still on summer time, as
    // for meetings — whether counted from summer time (26 October 2024) or winter time (26 November).
    expect(plus('2024-10-26T00:30:00.000Z', 12, 'months', 'Europe/Zurich')).toBe('2025-10-26T00:30:00.000Z');
    expect(plus('2024-11-26T01:30:00.000Z', 11, 'months', 'Europe/Zurich')).toBe('2025-10-26T00:30:00.000Z');
  });

  it('wait for their clock: entry into force, or the anchor commitment', () => {
    const clock = { entryIntoForceAt: null, zone: 'Europe/Kyiv' };
    const none = () => null;
    expect(resolveDeadline({ kind: 'after_entry_into_force', amount: 3, unit: 'days' }, clock, none)).toEqual(
      {
        deadlineAt: null,
        waitingFor: 'entry_into_force',
      },
    );
    const anchored = { kind: 'after_commitment', amount: 30, unit: 'days', commitmentId: 'c1' } as const;
    expect(resolveDeadline(anchored, clock, none)).toEqual({ deadlineAt: null, waitingFor: 'commitment' });
    expect(resolveDeadline(anchored, clock, () => '2027-03-10T08:00:00.000Z')).toEqual({
      deadlineAt: '2027-04-09T07:00:00.000Z',
      waitingFor: null,
    });
    expect(resolveDeadline({ kind: 'none' }, clock, none)).toEqual({ deadlineAt: null, waitingFor: null });
  });

  // Zones a browser offers, and instants from 1980 to 2036 (whole minutes, modern offsets).
  const zones = Intl.supportedValuesOf('timeZone');
  const zone = fc.constantFrom(...zones);
  const instant = fc
    .integer({ min: Date.UTC(1980, 0, 1) / 60_000, max: Date.UTC(2036, 0, 1) / 60_000 })
    .map((m) => m * 60_000);
  const offsetOf = (ms: number, z: string) => IANAZone.create(z).offset(ms) * 60_000;

  it('hours are always exactly that many real hours, in any zone', () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 24 * 400 }), (z, start, hours) => {
        expect(addDeadlineOffset(start, hours, 'hours', z) - start).toBe(hours * HOUR);
      }),
      { numRuns: 500 },
    );
  });

  it('days and weeks keep the wall time unless the target day skips it, in any zone', () => {
    fc.assert(
      fc.property(
        zone,
        instant,
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('days', 'weeks'),
        (z, start, n, unit) => {
          const days = unit === 'weeks' ? 7 * n : n;
          const end = addDeadlineOffset(start, n, unit as DeadlineUnit, z);
          const wantedWall = start + offsetOf(start, z) + days * DAY;
          const wanted = resolveLocalTime(new Date(wantedWall).toISOString().slice(0, 16), z);
          if (wanted.kind === 'gap') {
            // Moved forward by the gap: later wall time, but never by more than a day (Samoa 2011).
            expect(end + offsetOf(end, z)).toBeGreaterThan(wantedWall);
            expect(end + offsetOf(end, z) - wantedWall).toBeLessThanOrEqual(DAY);
            return;
          }
          // The wall time is kept; elapsed time differs from n × 24 h by exactly the change of offset.
          expect(end + offsetOf(end, z)).toBe(wantedWall);
          expect(end - start).toBe(days * DAY + offsetOf(start, z) - offsetOf(end, z));
          expect(new Date(end).toISOString()).toBe(wanted.utc);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('months land on the same wall time and day of month, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 48 }), (z, start, months) => {
        const end = addDeadlineOffset(start, months, 'months', z);
        const from = new Date(start + offsetOf(start, z));
        const to = new Date(end + offsetOf(end, z));
        const monthIndex = from.getUTCFullYear() * 12 + from.getUTCMonth() + months;
        const lastDay = new Date(
          Date.UTC(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 0),
        ).getUTCDate();
        const wantedWall = Date.UTC(
          Math.floor(monthIndex / 12),
          monthIndex % 12,
          Math.min(from.getUTCDate(), lastDay),
          from.getUTCHours(),
          from.getUTCMinutes(),
        );
        if (resolveLocalTime(new Date(wantedWall).toISOString().slice(0, 16), z).kind === 'gap') return;
        expect(to.getTime()).toBe(wantedWall);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips: n days on and n days back is the start, when neither end is in a gap or a repeat', () => {
    fc.assert(
      fc.property(zone, instant, fc.integer({ min: 0, max: 400 }), (z, start, n) => {
        const local = (ms: number) => new Date(ms + offsetOf(ms, z)).toISOString().slice(0, 16);
        const end = addDeadlineOffset(start, n, 'days', z);
        const plain = (ms: number) => resolveLocalTime(local(ms), z).kind === 'exact';
        if (!plain(start) || !plain(end)) return;
        expect(addDeadlineOffset(end, -n, 'days', z)).toBe(start);
        // …and an absolute deadline entered as the wall time shown is the same instant.
        expect(absoluteDeadlineUtc(local(end), z)).toBe(new Date(end).toISOString());
        expect(absoluteDeadlineMs(local(end), z)).toBe(end);
      }),
      { numRuns: 1000 },
    );
  });
});

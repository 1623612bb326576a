import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import {
  canonicalTimeZone,
  localToUtc,
  meetingInstants,
  offsetAt,
  resolveLocalTime,
  utcToLocal,
} from './meeting-time.ts';

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof AppError) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
};

describe('meeting times', () => {
  it('turns a wall-clock time at the venue into UTC instants', () => {
    expect(
      meetingInstants({
        startsAt: '2025-06-12T10:00',
        endsAt: '2025-06-12T12:30',
        timeZone: 'Europe/Zurich',
      }),
    ).toEqual({
      startsAt: '2025-06-12T08:00:00.000Z',
      endsAt: '2025-06-12T10:30:00.000Z',
      timeZone: 'Europe/Zurich',
    });
    expect(localToUtc('2025-01-15T09:30', 'America/New_York')).toBe('2025-01-15T14:30:00.000Z');
    expect(localToUtc('2025-01-15T09:30', 'Asia/Kathmandu')).toBe('2025-01-15T03:45:00.000Z');
  });

  it('spells zones canonically and refuses unknown ones, naming the field', () => {
    expect(canonicalTimeZone('europe/vienna')).toBe('Europe/Vienna');
    expect(canonicalTimeZone('Mars/Base')).toBeNull();
    expect(canonicalTimeZone(' Europe/Vienna')).toBeNull();
    const problems = problemsOf(() =>
      meetingInstants({ startsAt: '2025-06-12T10:00', endsAt: '2025-06-12T11:00', timeZone: 'Mars/Base' }),
    );
    expect(problems).toEqual([
      { field: 'body.timeZone', reason: expect.stringContaining('unknown time zone "Mars/Base"') },
    ]);
  });

  it('refuses an end before or at the start', () => {
    for (const endsAt of ['2025-06-12T09:00', '2025-06-12T10:00'])
      expect(
        problemsOf(() =>
          meetingInstants({ startsAt: '2025-06-12T10:00', endsAt, timeZone: 'Europe/Zurich' }),
        ),
      ).toEqual([{ field: 'body.endsAt', reason: 'must be after the start' }]);
  });

  it('refuses dates that do not exist on the calendar', () => {
    const problems = problemsOf(() =>
      meetingInstants({
        startsAt: '2025-04-31T10:00',
        endsAt: '2025-05-01T24:00',
        timeZone: 'Europe/Zurich',
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['body.startsAt', 'body.endsAt']);
  });

  it('refuses a time in the hour skipped when clocks go forward, and says so', () => {
    expect(resolveLocalTime('2025-03-30T02:30', 'Europe/Zurich')).toEqual({ kind: 'gap' });
    const problems = problemsOf(() =>
      meetingInstants({
        startsAt: '2025-03-30T02:30',
        endsAt: '2025-03-30T04:00',
        timeZone: 'Europe/Zurich',
      }),
    );
    expect(problems).toEqual([
      { field: 'body.startsAt', reason: expect.stringContaining('does not exist in Europe/Zurich') },
    ]);
    // Samoa skipped 30 December 2011 altogether.
    expect(resolveLocalTime('2011-12-30T12:00', 'Pacific/Apia')).toEqual({ kind: 'gap' });
  });

  it('reads a time in the repeated autumn hour as its first occurrence', () => {
    expect(resolveLocalTime('2025-10-26T02:30', 'Europe/Zurich')).toEqual({
      kind: 'ambiguous',
      utc: '2025-10-26T00:30:00.000Z',
      later: '2025-10-26T01:30:00.000Z',
    });
    expect(offsetAt(localToUtc('2025-10-26T02:30', 'Europe/Zurich'), 'Europe/Zurich')).toBe('+02:00');
  });

  // The zones a browser offers in the picker, which is what people choose from.
  const zones = Intl.supportedValuesOf('timeZone');
  // Minutes from 1980 to 2037: modern offsets, all whole minutes.
  const instants = fc
    .integer({ min: Date.UTC(1980, 0, 1) / 60_000, max: Date.UTC(2037, 11, 31) / 60_000 })
    .map((minutes) => new Date(minutes * 60_000).toISOString());

  it('round-trips UTC → local → UTC in any zone (the earlier instant when the hour repeats)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, utc) => {
        const local = utcToLocal(utc, zone);
        const resolved = resolveLocalTime(local, zone);
        expect(resolved.kind).not.toBe('gap');
        if (resolved.kind === 'exact') expect(resolved.utc).toBe(utc);
        if (resolved.kind === 'ambiguous') expect([resolved.utc, resolved.later]).toContain(utc);
        expect(utcToLocal(localToUtc(local, zone), zone)).toBe(local);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips local → UTC → local for every local time that exists', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, someInstant) => {
        // Any wall-clock time (read off UTC, so gaps and repeats of every zone are hit too).
        const local = someInstant.slice(0, 16);
        const resolved = resolveLocalTime(local, zone);
        if (resolved.kind === 'gap') {
          expect(() => localToUtc(local, zone)).toThrow(AppError);
          return;
        }
        expect(utcToLocal(resolved.utc, zone)).toBe(local);
        if (resolved.kind === 'ambiguous') {
          expect(utcToLocal(resolved.later, zone)).toBe(local);
          expect(resolved.later > resolved.utc).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

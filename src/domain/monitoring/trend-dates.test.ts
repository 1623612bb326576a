import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcToLocal } from '../meetings/meeting-time.ts';
import { MAX_TREND_POINTS, trendDates, trendStart } from './trend-dates.ts';

describe('dates of the implementation-over-time series', () => {
  it('steps weekly in the zone, keeping the wall time across clock changes, and ends at "as of"', () => {
    const dates = trendDates('2027-03-01T10:00:00.000Z', '2027-04-10T00:00:00.000Z', 'Europe/Kyiv');
    expect(dates.map((d) => utcToLocal(d, 'Europe/Kyiv'))).toEqual([
      '2027-03-01T12:00',
      '2027-03-08T12:00',
      '2027-03-15T12:00',
      '2027-03-22T12:00',
      '2027-03-29T12:00',
      '2027-04-05T12:00',
      '2027-04-10T03:00',
    ]);
  });

  it('widens the step to stay within the cap, in order, between start and "as of"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 * 365 }), fc.integer({ min: 2, max: 80 }), (days, cap) => {
        const start = '2027-03-01T10:00:00.000Z';
        const asOf = new Date(Date.parse(start) + days * 86_400_000 + 3_600_000).toISOString();
        const dates = trendDates(start, asOf, 'America/New_York', cap);
        expect(dates.length).toBeLessThanOrEqual(cap);
        expect(dates.at(-1)).toBe(asOf);
        expect(dates[0]).toBe(start);
        for (let i = 1; i < dates.length; i++) expect(dates[i]! > dates[i - 1]!).toBe(true);
        if (days >= 7 * cap) expect(dates.length).toBeGreaterThan(cap / 2);
      }),
    );
    expect(trendDates('2027-03-01T00:00:00Z', '2027-02-01T00:00:00Z', 'UTC')).toEqual([
      '2027-02-01T00:00:00.000Z',
    ]);
    expect(MAX_TREND_POINTS).toBe(60);
  });

  it('starts at entry into force, else at the start of the adoption day in the zone', () => {
    expect(trendStart('2027-03-01T10:00:00.000Z', '2027-02-20', 'Europe/Kyiv')).toBe(
      '2027-03-01T10:00:00.000Z',
    );
    expect(trendStart(null, '2027-02-20', 'Europe/Kyiv')).toBe('2027-02-19T22:00:00.000Z');
    expect(trendStart(null, 'soon', 'Europe/Kyiv')).toBeNull();
  });
});

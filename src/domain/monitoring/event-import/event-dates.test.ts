import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventWhen, parseTimePrecision, startOfPeriod } from './event-dates.ts';

const iso = (when: ReturnType<typeof parseEventWhen>) =>
  when.ok ? new Date(when.epochMs).toISOString() : when.message;

describe('parseEventWhen', () => {
  it.each([
    ['2024-03-07', '', '2024-03-07T00:00:00.000Z', 'day'],
    ['07 March 2024', '', '2024-03-07T00:00:00.000Z', 'day'],
    ['7 Mar 2024', '', '2024-03-07T00:00:00.000Z', 'day'],
    ['07-Sept-2024', '', '2024-09-07T00:00:00.000Z', 'day'],
    ['March 7, 2024', '', '2024-03-07T00:00:00.000Z', 'day'],
    ['07.03.2024', '', '2024-03-07T00:00:00.000Z', 'day'],
    ['2024-03-07T14:30Z', '', '2024-03-07T14:30:00.000Z', 'minute'],
    ['2024-03-07T14:30:15+02:00', '', '2024-03-07T12:30:15.000Z', 'minute'],
    ['2024-03-07 14:30', '', '2024-03-07T14:30:00.000Z', 'minute'],
    ['2024-03-07T01:00-0530', '', '2024-03-07T06:30:00.000Z', 'minute'],
    ['2024-03-07 00:00:00.000', '', '2024-03-07T00:00:00.000Z', 'day'],
    ['07.03.2024', '14:30', '2024-03-07T14:30:00.000Z', 'minute'],
    ['2024-03-07', '06:15+02:00', '2024-03-07T04:15:00.000Z', 'minute'],
    ['2024-02-29', '', '2024-02-29T00:00:00.000Z', 'day'],
  ])('reads %s %s', (date, time, expected, precision) => {
    const when = parseEventWhen(date, time);
    expect(iso(when)).toBe(expected);
    expect(when.ok && when.precision).toBe(precision);
  });

  it.each([
    ['2024-02-30', '2024-02 has no day 30'],
    ['2023-02-29', '2023-02 has no day 29'],
    ['31 June 2024', '2024-06 has no day 31'],
    ['2024-13-01', 'month 13 does not exist'],
    ['0224-03-07', 'year 224 is outside 1900–2100'],
    ['07 Marz 2024', '"Marz" is not a month name'],
    ['03/07/2024', 'could be day/month or month/day'],
    ['yesterday', '"yesterday" is not a date'],
    ['', 'the date is empty'],
    ['2024-03-07T24:00Z', '24:00 is not a time of day'],
    ['2024-03-07T10:00+15:00', '"+15:00" is not a UTC offset'],
  ])('refuses %s', (date, message) => {
    const when = parseEventWhen(date);
    expect(when.ok).toBe(false);
    expect(!when.ok && when.message).toContain(message);
  });

  it('refuses an impossible time in the time column', () => {
    expect(iso(parseEventWhen('2024-03-07', '25:00'))).toContain('25:00 is not a time of day');
    expect(iso(parseEventWhen('2024-03-07', 'noon'))).toContain('"noon" is not a time');
  });

  it('reads every real day alike in ISO, ACLED and dotted form, and refuses the day after the last', () => {
    const months = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
          const pad = (n: number) => String(n).padStart(2, '0');
          const forms = [
            `${y}-${pad(m)}-${pad(d)}`,
            `${pad(d)} ${months[m - 1]} ${y}`,
            `${pad(d)}.${pad(m)}.${y}`,
          ];
          const results = forms.map((f) => parseEventWhen(f));
          if (d > last) return results.every((r) => !r.ok);
          return results.every((r) => r.ok && r.epochMs === Date.UTC(y, m - 1, d));
        },
      ),
    );
  });
});

describe('time precision', () => {
  it('reads ACLED codes and our words', () => {
    expect(['1', '2', '3', 'Minute', ' hour ', 'week', 'MONTH', '4', ''].map(parseTimePrecision)).toEqual([
      'day',
      'week',
      'month',
      'minute',
      'hour',
      'week',
      'month',
      null,
      null,
    ]);
  });

  it('starts a period on the minute, hour, day, ISO week Monday or first of the month', () => {
    const t = Date.parse('2024-03-07T14:31:45.500Z'); // a Thursday
    const at = (p: Parameters<typeof startOfPeriod>[1]) => new Date(startOfPeriod(t, p)).toISOString();
    expect(at('minute')).toBe('2024-03-07T14:31:00.000Z');
    expect(at('hour')).toBe('2024-03-07T14:00:00.000Z');
    expect(at('day')).toBe('2024-03-07T00:00:00.000Z');
    expect(at('week')).toBe('2024-03-04T00:00:00.000Z');
    expect(at('month')).toBe('2024-03-01T00:00:00.000Z');
    expect(new Date(startOfPeriod(Date.parse('2024-03-10T23:00:00Z'), 'week')).toISOString()).toBe(
      '2024-03-04T00:00:00.000Z',
    );
    expect(new Date(startOfPeriod(Date.parse('2024-03-11T00:00:00Z'), 'week')).toISOString()).toBe(
      '2024-03-11T00:00:00.000Z',
    );
  });
});

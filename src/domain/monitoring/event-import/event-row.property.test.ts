import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, checkMapping, suggestMapping } from './event-columns.ts';
import { eventDedupeKey } from './event-dedupe.ts';
import { parseEventRow } from './event-row.ts';
import { readEventCsvSync } from './read-event-csv.ts';

const headers = [...ACLED_COLUMNS];
const check = checkMapping(suggestMapping(headers), headers);
if (!check.ok) throw new Error('the ACLED layout must map');
const { columns } = check;

/** RFC 4180 quoting, written out here because csv-stringify is not a dependency. */
function csvLine(cells: readonly string[]): string {
  return cells
    .map((c) => (/[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replaceAll('"', '""')}"` : c))
    .join(',');
}

/** Text with what breaks naive CSV: quotes, commas, semicolons, line breaks, accents, emoji. */
const tricky = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.constantFrom('"', '""', ',', ';', '\n', '\r\n', ' ', '\t', 'é', 'Київ', '🕊️', "l'ordre"),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join('').replaceAll('\u0000', ''));

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
const date = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .chain((d) =>
        fc.constantFrom(
          d.toISOString().slice(0, 10),
          `${String(d.getUTCDate()).padStart(2, '0')} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
          `${d.toISOString().slice(0, 16)}Z`,
        ),
      ),
  },
  { weight: 1, arbitrary: tricky },
);
const decimal = (min: number, max: number) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: min * 1e4, max: max * 1e4 }).map((n) => (n / 1e4).toFixed(4)) },
    { weight: 1, arbitrary: fc.constantFrom('', '0', '91', '-181', '48,5', 'abc') },
  );

const record = fc.record({
  event_id_cnty: fc.oneof(fc.constant(''), fc.stringMatching(/^[A-Z]{3}\d{1,7}$/)),
  event_date: date,
  time_precision: fc.constantFrom('', '1', '2', '3', 'day', '', '1', '4'),
  event_type: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('Battles', 'Protests', 'Explosions/Remote violence') },
    { weight: 1, arbitrary: tricky },
  ),
  sub_event_type: tricky,
  actor1: tricky,
  actor2: tricky,
  country: tricky,
  admin1: tricky,
  location: tricky,
  latitude: decimal(-90, 90),
  longitude: decimal(-180, 180),
  geo_precision: fc.constantFrom('', '1', '2', '3', '1', '2', '3', '0'),
  source: tricky,
  notes: tricky,
  fatalities: fc.oneof(
    { weight: 9, arbitrary: fc.nat({ max: 5000 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('', '-1', '2.5') },
  ),
});

describe('event rows and CSV', () => {
  it('any row parseEventRow accepts survives a CSV round trip with the same event and dedupe key', () => {
    let accepted = 0;
    fc.assert(
      fc.property(record, (cellsByName) => {
        const cells = headers.map((h) => (cellsByName as Record<string, string>)[h] ?? '');
        const parsed = parseEventRow(cells, columns, 2);
        if (!parsed.ok) return;
        accepted++;
        const file = `${csvLine(headers)}\n${csvLine(cells)}\n`;
        const result = readEventCsvSync(new TextEncoder().encode(file), {});
        expect(result.report.problems).toEqual([]);
        const [row] = result.rows;
        expect(row).toEqual({ ...parsed.row, line: 2, dedupeKey: eventDedupeKey(parsed.row) });
      }),
      { numRuns: 400 },
    );
    // The generators must reach the accepting path often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, checkMapping, suggestMapping } from './event-columns.ts';
import { eventDedupeKey } from './event-dedupe.ts';
import type { ColumnIndexes } from './event-fields.ts';
import { parseEventRow } from './event-row.ts';

const headers = [...ACLED_COLUMNS];
const check = checkMapping(suggestMapping(headers), headers);
if (!check.ok) throw new Error('the ACLED layout must map');
const columns: ColumnIndexes = check.columns;

/** An ACLED record with these cells changed. */
function acled(cells: Partial<Record<(typeof ACLED_COLUMNS)[number], string>>): string[] {
  const base: Record<string, string> = {
    event_id_cnty: 'UKR7',
    event_date: '07 March 2024',
    time_precision: '1',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Military Forces of Russia (2000-)',
    actor2: 'Military Forces of Ukraine (2019-)',
    country: 'Ukraine',
    admin1: 'Donetsk',
    location: 'Avdiivka',
    latitude: '48.1394',
    longitude: '37.7497',
    geo_precision: '1',
    source: 'Ukrinform',
    notes: 'Clashes near the coke plant.',
    fatalities: '3',
  };
  return headers.map((h) => cells[h] ?? base[h] ?? '');
}

const problemsOf = (cells: string[]) => {
  const r = parseEventRow(cells, columns, 9);
  return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('parseEventRow', () => {
  it('reads an ACLED row with the import defaults for grading and status', () => {
    expect(parseEventRow(acled({}), columns, 2)).toEqual({
      ok: true,
      row: {
        externalId: 'UKR7',
        occurredAt: '2024-03-07T00:00:00.000Z',
        timePrecision: 'day',
        placeName: 'Avdiivka, Donetsk, Ukraine',
        latitude: 48.1394,
        longitude: 37.7497,
        geoPrecision: 1,
        eventType: 'Battles',
        subEventType: 'Armed clash',
        actor1: 'Military Forces of Russia (2000-)',
        actor2: 'Military Forces of Ukraine (2019-)',
        fatalities: 3,
        description: 'Clashes near the coke plant.',
        source: 'Ukrinform',
        sourceReliability: 'F',
        infoCredibility: 6,
        status: 'received',
      },
    });
  });

  it('turns ACLED time precision 2 and 3 into the start of the week and month', () => {
    const week = parseEventRow(acled({ time_precision: '2' }), columns, 2);
    const month = parseEventRow(acled({ time_precision: '3', event_date: '15 March 2024' }), columns, 2);
    expect(week.ok && [week.row.timePrecision, week.row.occurredAt]).toEqual([
      'week',
      '2024-03-04T00:00:00.000Z',
    ]);
    expect(month.ok && [month.row.timePrecision, month.row.occurredAt]).toEqual([
      'month',
      '2024-03-01T00:00:00.000Z',
    ]);
  });

  it('leaves out empty and repeated parts of the place name', () => {
    const r = parseEventRow(acled({ location: 'Kyiv', admin1: 'kyiv', country: 'Ukraine' }), columns, 2);
    expect(r.ok && r.row.placeName).toBe('Kyiv, Ukraine');
    const coordsOnly = parseEventRow(acled({ location: '', admin1: '', country: '' }), columns, 2);
    expect(coordsOnly.ok && coordsOnly.row.placeName).toBe('');
    const placeOnly = parseEventRow(acled({ latitude: '', longitude: '' }), columns, 2);
    expect(placeOnly.ok && [placeOnly.row.latitude, placeOnly.row.longitude]).toEqual([null, null]);
  });

  it('refuses impossible coordinates and (0, 0)', () => {
    expect(problemsOf(acled({ latitude: '-90.5' }))).toEqual([
      'latitude: -90.5 is outside −90 to 90 (latitude and longitude swapped?)',
    ]);
    expect(problemsOf(acled({ latitude: '48', longitude: '181' }))).toEqual([
      'longitude: 181 is outside −180 to 180',
    ]);
    expect(problemsOf(acled({ latitude: '0', longitude: '0.0' }))[0]).toContain('"null island"');
    expect(problemsOf(acled({ latitude: 'N48' }))).toEqual(['latitude: "N48" is not a number']);
    expect(problemsOf(acled({ longitude: '' }))).toEqual([
      'longitude: is empty while the other coordinate is given: give both or neither',
    ]);
    expect(problemsOf(acled({ location: '', admin1: '', country: '', latitude: '', longitude: '' }))).toEqual(
      ['location: the event has neither a place name nor coordinates'],
    );
  });

  it('checks counts, precisions, grading and status', () => {
    expect(problemsOf(acled({ fatalities: '2.5', geo_precision: '0', time_precision: 'fortnight' }))).toEqual(
      [
        'time_precision: "fortnight" is not 1, 2, 3 (ACLED) or minute, hour, day, week, month',
        'geo_precision: "0" is not a whole number from 1 to 3',
        'fatalities: "2.5" is not a whole number from 0 to 1000000',
      ],
    );
    expect(parseEventRow(acled({ fatalities: '' }), columns, 2)).toMatchObject({
      ok: true,
      row: { fatalities: null },
    });
  });

  it('reads grading and status when the file has them', () => {
    const cols: ColumnIndexes = {
      event_date: 0,
      event_type: 1,
      location: 2,
      source_reliability: 3,
      info_credibility: 4,
      status: 5,
    };
    const good = parseEventRow(
      ['2024-03-07', 'Release', 'Checkpoint 4', 'b', '2', 'Under investigation'],
      cols,
      2,
    );
    expect(good).toMatchObject({
      ok: true,
      row: { sourceReliability: 'B', infoCredibility: 2, status: 'under_investigation' },
    });
    const bad = parseEventRow(['2024-03-07', 'Release', 'Checkpoint 4', 'G', '7', 'confirmed'], cols, 5);
    expect(bad.ok ? [] : bad.problems).toEqual([
      { line: 5, field: 'source_reliability', message: '"G" is not a reliability grade A–F' },
      { line: 5, field: 'info_credibility', message: '"7" is not a whole number from 1 to 6' },
      {
        line: 5,
        field: 'status',
        message: '"confirmed" is not one of received, under_investigation, verified, unverified, dismissed',
      },
    ]);
  });

  it('holds text to the column sizes of the migration', () => {
    expect(problemsOf(acled({ event_type: 'x'.repeat(121) }))).toEqual([
      'event_type: is 121 characters long; at most 120 fit',
    ]);
    expect(problemsOf(acled({ actor1: 'x'.repeat(301) }))).toEqual([
      'actor1: is 301 characters long; at most 300 fit',
    ]);
    expect(problemsOf(acled({ location: 'x'.repeat(290) }))[0]).toContain(
      'place name "location, admin1, country" is 308 characters long',
    );
    expect(problemsOf(acled({ event_id_cnty: 'x'.repeat(121) }))).toEqual([
      'external_id: is 121 characters long; at most 120 fit',
    ]);
    expect(problemsOf(acled({ event_type: 'x'.repeat(120), actor2: 'y'.repeat(300) }))).toEqual([]);
  });

  it('collects every problem of a row at its line', () => {
    const r = parseEventRow(acled({ event_date: '2024-02-30', event_type: '', latitude: '95' }), columns, 14);
    expect(r.ok ? [] : r.problems.map((p) => [p.line, p.field])).toEqual([
      [14, 'event_date'],
      [14, 'latitude'],
      [14, 'event_type'],
    ]);
  });
});

describe('eventDedupeKey', () => {
  const key = (cells: string[]) => {
    const r = parseEventRow(cells, columns, 2);
    if (!r.ok) throw new Error('row must parse');
    return eventDedupeKey(r.row);
  };

  it('is a SHA-256 hex digest that ignores case, spacing, digits beyond 11 m, notes and revised tolls', () => {
    const base = key(acled({}));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(
      key(acled({ location: '  AVDIIVKA ', latitude: '48.139400', notes: 'other words', fatalities: '9' })),
    ).toBe(base);
    expect(key(acled({ event_date: '2024-03-07', event_id_cnty: 'UKR8' }))).toBe(base);
  });

  it('changes with the day, the place, the type, the actors and the source', () => {
    const base = key(acled({}));
    for (const change of [
      { event_date: '08 March 2024' },
      { location: 'Marinka' },
      { latitude: '48.1395' },
      { sub_event_type: 'Attack' },
      { actor2: '' },
      { source: 'Reuters' },
      { time_precision: '2' },
    ]) {
      expect(key(acled(change))).not.toBe(base);
    }
  });
});

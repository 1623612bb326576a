import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, checkMapping, suggestMapping } from './event-columns.ts';

const UCDP_GED = [
  'id',
  'relid',
  'year',
  'active_year',
  'type_of_violence',
  'conflict_name',
  'side_a',
  'side_b',
  'source_article',
  'where_prec',
  'where_coordinates',
  'adm_1',
  'latitude',
  'longitude',
  'country',
  'date_prec',
  'date_start',
  'date_end',
  'best',
];

describe('suggestMapping', () => {
  it('maps the ACLED layout completely', () => {
    const mapping = suggestMapping([...ACLED_COLUMNS]);
    expect(mapping).toEqual({
      external_id: 'event_id_cnty',
      event_date: 'event_date',
      time_precision: 'time_precision',
      location: 'location',
      admin1: 'admin1',
      country: 'country',
      latitude: 'latitude',
      longitude: 'longitude',
      geo_precision: 'geo_precision',
      event_type: 'event_type',
      sub_event_type: 'sub_event_type',
      actor1: 'actor1',
      actor2: 'actor2',
      fatalities: 'fatalities',
      description: 'notes',
      source: 'source',
    });
    expect(checkMapping(mapping, [...ACLED_COLUMNS]).ok).toBe(true);
  });

  it('ignores case, spaces, hyphens and underscores in header names', () => {
    const headers = ['EVENT DATE', ' Event-Type ', 'Latitude', 'LONGITUDE', 'Sub Event Type', 'Notes'];
    expect(suggestMapping(headers)).toEqual({
      event_date: 'EVENT DATE',
      event_type: 'Event-Type',
      latitude: 'Latitude',
      longitude: 'LONGITUDE',
      sub_event_type: 'Sub Event Type',
      description: 'Notes',
    });
  });

  it('maps UCDP GED names, leaving its coded type of violence to the user', () => {
    const mapping = suggestMapping(UCDP_GED);
    expect(mapping).toMatchObject({
      event_date: 'date_start',
      location: 'where_coordinates',
      admin1: 'adm_1',
      actor1: 'side_a',
      actor2: 'side_b',
      fatalities: 'best',
      source: 'source_article',
    });
    expect(mapping.external_id).toBeUndefined();
    expect(mapping.event_type).toBeUndefined();
    const check = checkMapping(mapping, UCDP_GED);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.field)).toEqual(['mapping.event_type']);
    expect(checkMapping({ ...mapping, event_type: 'type_of_violence' }, UCDP_GED).ok).toBe(true);
  });

  it('names a duplicated header by its first occurrence', () => {
    const headers = ['event_date', 'event_type', 'location', 'notes', 'Notes'];
    const mapping = suggestMapping(headers);
    expect(mapping.description).toBe('notes#1');
    const check = checkMapping(mapping, headers);
    expect(check.ok && check.columns.description).toBe(3);
  });
});

describe('checkMapping', () => {
  const headers = ['Date', 'Kind', 'Place', 'Lat', 'Lon', 'Summary', 'Summary'];

  it('resolves a hand-made mapping to column indexes', () => {
    const check = checkMapping(
      { event_date: 'date', event_type: 'KIND', location: 'Place', description: 'Summary#2' },
      headers,
    );
    expect(check).toEqual({
      ok: true,
      columns: { event_date: 0, event_type: 1, location: 2, description: 6 },
      problems: [],
    });
  });

  it('names the missing required fields', () => {
    const check = checkMapping({ description: 'Summary#1' }, headers);
    expect(check.problems).toEqual([
      { line: 1, field: 'mapping.event_date', message: expect.stringContaining('no column for the date') },
      { line: 1, field: 'mapping.event_type', message: expect.stringContaining('no column for the type') },
      {
        line: 1,
        field: 'mapping.location',
        message: expect.stringContaining('map location, or latitude and longitude'),
      },
    ]);
  });

  it('accepts coordinates instead of a place name, but not half of them', () => {
    expect(
      checkMapping({ event_date: 'Date', event_type: 'Kind', latitude: 'Lat', longitude: 'Lon' }, headers).ok,
    ).toBe(true);
    const half = checkMapping({ event_date: 'Date', event_type: 'Kind', latitude: 'Lat' }, headers);
    expect(half.problems.map((p) => p.field)).toEqual(['mapping.longitude']);
  });

  it('refuses columns that are not there, ambiguous ones and unknown fields', () => {
    const check = checkMapping(
      {
        event_date: 'When',
        event_type: 'Kind',
        location: 'Place',
        description: 'Summary',
        colour: 'Kind',
      } as never,
      headers,
    );
    expect(check.ok).toBe(false);
    const messages = check.problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^mapping\.event_date: column "When" is not in the header; the header has "Date", "Kind"/,
      ),
      expect.stringMatching(
        /^mapping\.description: column "Summary" appears 2 times in the header \(columns 6 and 7\): map "Summary#1"/,
      ),
      expect.stringMatching(/^mapping\.colour: "colour" is not a field/),
    ]);
  });
});

import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './event-fields.ts';
import { PROBLEMS_KEPT } from './import-report.ts';
import {
  type EventCsvOptions,
  type ImportedEventRow,
  readEventCsv,
  readEventCsvSync,
} from './read-event-csv.ts';

const fixture = (name: string) => new URL(`../../../../test/fixtures/events/${name}`, import.meta.url);
const bytesOf = (name: string) => readFileSync(fixture(name));

/** The file streamed from disk in small chunks, so characters and records straddle chunks. */
async function streamFile(name: string, options: EventCsvOptions = {}) {
  const rows: ImportedEventRow[] = [];
  const summary = await readEventCsv(
    createReadStream(fixture(name), { highWaterMark: 97 }),
    options,
    (row) => {
      rows.push(row);
    },
  );
  return { ...summary, rows };
}

describe('readEventCsv on an ACLED export', () => {
  it('accepts every row of a good file, streamed or read at once', async () => {
    const once = readEventCsvSync(bytesOf('acled-good.csv'), {});
    expect(once.ok).toBe(true);
    expect(once.report).toEqual({
      rowsTotal: 10,
      accepted: 10,
      rejected: 0,
      problems: [],
      problemsNotShown: 0,
    });
    expect(once.rows.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    expect(once.rows[2]).toMatchObject({
      externalId: 'UKR1003',
      placeName: 'Kharkiv, Ukraine',
      eventType: 'Violence against civilians',
      fatalities: 2,
      description: expect.stringContaining(
        'killing 2 civilians and injuring 5.\nThe strike damaged a school.',
      ),
    });
    expect(once.rows[5]).toMatchObject({ timePrecision: 'month', occurredAt: '2024-03-01T00:00:00.000Z' });
    expect(await streamFile('acled-good.csv')).toEqual(once);
  });

  it('recognises a re-import (BOM, CRLF, other order, revised tolls) by the same external ids and keys', async () => {
    const first = readEventCsvSync(bytesOf('acled-good.csv'), {});
    const again = await streamFile('acled-reimport.csv');
    expect(again.ok).toBe(true);
    const byId = (rows: ImportedEventRow[]) => new Map(rows.map((r) => [r.externalId, r.dedupeKey]));
    expect(byId(again.rows)).toEqual(byId(first.rows));
    expect(again.rows.find((r) => r.externalId === 'UKR1007')?.fatalities).toBe(7);
  });
});

describe('readEventCsv on a messy file', () => {
  it('keeps the good rows and says what is wrong with the others, by line', () => {
    const result = readEventCsvSync(bytesOf('acled-messy.csv'), {});
    expect(result).toMatchObject({ ok: false, complete: true });
    expect(result.mapping.description).toBe('notes#1');
    expect(result.rows.map((r) => [r.line, r.externalId])).toEqual([
      [2, 'UKR2001'],
      [3, 'UKR2002'],
      [15, 'UKR2011'],
      [18, 'UKR2014'],
      [19, 'UKR2015'],
    ]);
    expect(result.rows[0]?.description).toBe('Clashes reported; artillery used; 2 killed');
    expect(result.rows[1]?.description).toBe(
      'A drone hit a warehouse.\nFire crews worked through the night.',
    );
    expect(result.rows[2]?.description).toBe('Officials said: "two injured", one house burned');
    expect(result.report).toMatchObject({ rowsTotal: 17, accepted: 5, rejected: 12 });
    expect(result.report.problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      '6 event_date',
      '7 event_date',
      '8 event_date',
      '9 latitude',
      '10 longitude',
      '11 latitude',
      '13 csv',
      '14 event_date',
      '14 event_type',
      '16 csv',
      '17 geo_precision',
      '17 fatalities',
      '20 latitude',
      '21 longitude',
    ]);
  });

  it('reads the same streamed', async () => {
    expect(await streamFile('acled-messy.csv')).toEqual(readEventCsvSync(bytesOf('acled-messy.csv'), {}));
  });
});

describe('readEventCsv and encodings', () => {
  it('refuses undeclared windows-1252 at its line, telling the caller to discard what streamed before', async () => {
    const result = await streamFile('acled-windows-1252.csv');
    // Line 2 is plain ASCII and was handed out before line 3 failed: complete=false says drop it.
    expect(result).toMatchObject({ ok: false, complete: false });
    expect(result.rows.map((r) => r.line)).toEqual([2]);
    expect(readEventCsvSync(bytesOf('acled-windows-1252.csv'), {})).toMatchObject({
      complete: false,
      rows: [],
    });
    expect(result.report.problems).toEqual([
      { line: 3, field: 'encoding', message: expect.stringContaining('encoding=windows-1252') },
    ]);
  });

  it('reads it when declared', async () => {
    const result = await streamFile('acled-windows-1252.csv', { encoding: 'windows-1252' });
    expect(result.ok).toBe(true);
    expect(result.encoding).toBe('windows-1252');
    expect(result.rows.map((r) => r.placeName)).toEqual(['Paris', 'Besançon', 'Saint-Étienne']);
    expect(result.rows[2]?.description).toBe('La police a dispersé l’attroupement');
  });

  it('refuses an unknown encoding before reading', async () => {
    const result = await streamFile('acled-good.csv', { encoding: 'ebcdic-klingon' });
    expect(result).toMatchObject({ ok: false, complete: false, rows: [] });
    expect(result.report.problems[0]).toMatchObject({ line: 1, field: 'encoding' });
  });
});

describe('readEventCsv with another layout', () => {
  const mapping: ColumnMapping = {
    external_id: 'Réf',
    event_date: 'date',
    event_time: 'heure',
    location: 'Lieu',
    admin1: 'Région',
    latitude: 'Lat',
    longitude: 'Lon',
    event_type: 'Catégorie',
    sub_event_type: 'Sous-catégorie',
    actor1: 'Partie A',
    actor2: 'Partie B',
    fatalities: 'Victimes',
    description: 'Résumé',
    source: 'Source',
    source_reliability: 'Fiabilité',
    info_credibility: 'Crédibilité',
    status: 'Statut',
  };

  it('says what is missing when the layout is not recognised', () => {
    const result = readEventCsvSync(bytesOf('mission-log.csv'), {});
    expect(result).toMatchObject({ ok: false, complete: false, rows: [] });
    expect(result.report.problems).toEqual([
      { line: 1, field: 'mapping.event_type', message: expect.any(String) },
    ]);
  });

  it('stops a streamed file at an unusable mapping without reading on', async () => {
    const result = await streamFile('mission-log.csv', { mapping: { ...mapping, event_type: 'Kind' } });
    expect(result).toMatchObject({ ok: false, complete: false, rows: [], report: { rowsTotal: 0 } });
    expect(result.report.problems[0]).toMatchObject({ line: 1, field: 'mapping.event_type' });
  });

  it('imports a semicolon-separated mission log mapped by hand', async () => {
    const result = await streamFile('mission-log.csv', { mapping });
    expect(result.headers[0]).toBe('Réf');
    expect(result.rows).toEqual([
      expect.objectContaining({
        line: 2,
        externalId: 'CCV-001',
        occurredAt: '2024-03-07T14:30:00.000Z',
        timePrecision: 'minute',
        placeName: 'Novoselivka, Zone Nord',
        eventType: 'Ceasefire violation',
        description: "Tirs d'armes légères signalés pendant 20 minutes; aucun blessé",
        sourceReliability: 'B',
        infoCredibility: 2,
        status: 'under_investigation',
      }),
      expect.objectContaining({
        line: 3,
        latitude: null,
        fatalities: null,
        status: 'verified',
        sourceReliability: 'A',
      }),
      expect.objectContaining({ line: 4, occurredAt: '2024-03-09T04:15:00.000Z', status: 'received' }),
    ]);
    expect(result.report.problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      '5 event_date',
      '5 source_reliability',
      '5 info_credibility',
    ]);
  });
});

describe('readEventCsv limits', () => {
  it('keeps the first 200 problems and counts the rest', () => {
    const lines = [
      'event_date,event_type,location',
      ...Array.from({ length: 250 }, (_, i) => `2024-02-30,Battles,Place ${i}`),
    ];
    const result = readEventCsvSync(new TextEncoder().encode(lines.join('\n')), {});
    expect(result.report).toMatchObject({ rowsTotal: 250, rejected: 250 });
    expect(result.report.problems).toHaveLength(PROBLEMS_KEPT);
    expect(result.report.problemsNotShown).toBe(50);
    expect(result.report.problems.at(-1)?.line).toBe(201);
  });

  it('throws payload.too_large past the byte limit', async () => {
    await expect(streamFile('acled-good.csv', { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'payload.too_large',
    });
    expect(() => readEventCsvSync(bytesOf('acled-good.csv'), { maxBytes: 1000 })).toThrow(/larger than/);
  });

  it('reports an empty file and a file without rows', () => {
    expect(readEventCsvSync(new Uint8Array(0), {}).report.problems[0]?.message).toContain(
      'the file is empty',
    );
    const headerOnly = readEventCsvSync(new TextEncoder().encode('event_date,event_type,location\n'), {});
    expect(headerOnly).toMatchObject({ ok: false, complete: true });
    expect(headerOnly.report.problems[0]?.message).toBe('the file has a header but no rows');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvRecord,
  csvRecords,
  csvRecordsSync,
  MAX_RECORD_CHARS,
  sniffDelimiter,
} from './csv-records.ts';
import { problemOf } from './import-failure.ts';

async function* chunksOf(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function streamed(text: string, size = 7): Promise<CsvRecord[] | { line: number; message: string }> {
  const out: CsvRecord[] = [];
  try {
    for await (const r of csvRecords(chunksOf(text, size))) out.push(r);
    return out;
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return { line: problem.line, message: problem.message };
  }
}

function synced(text: string): CsvRecord[] | { line: number; message: string } {
  try {
    return csvRecordsSync(text);
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return { line: problem.line, message: problem.message };
  }
}

describe('csv records', () => {
  const text = 'a,b,c\r\n1,"two\r\nlines",3\r\n\r\n   \n4,5,6\n7,"p\nq\rr",8\r9,9,9';

  it('numbers records by the line they start on, as an editor counts lines, and skips blank lines', async () => {
    const expected = [
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'two\r\nlines', '3'] },
      { line: 6, cells: ['4', '5', '6'] },
      { line: 7, cells: ['7', 'p\nq\rr', '8'] },
      { line: 10, cells: ['9', '9', '9'] },
    ];
    expect(synced(text)).toEqual(expected);
    expect(await streamed(text, 1)).toEqual(expected);
    expect(await streamed(text, 5)).toEqual(expected);
  });

  it('keeps doubled quotes, quotes inside unquoted values and cells of any count', () => {
    expect(synced('a,b\n"say ""yes""",He said "no"\n1\n1,2,3\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['say "yes"', 'He said "no"'] },
      { line: 3, cells: ['1'] },
      { line: 4, cells: ['1', '2', '3'] },
    ]);
  });

  it('places an unclosed quote at the line of the record it opened in', async () => {
    const broken = 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n';
    expect(synced(broken)).toMatchObject({ line: 3, message: expect.stringContaining('never closed') });
    expect(await streamed(broken)).toMatchObject({
      line: 3,
      message: expect.stringContaining('never closed'),
    });
  });

  it('stops a runaway quoted value at the record size limit', async () => {
    const runaway = `a,b\n1,"${'x,'.repeat(MAX_RECORD_CHARS)}\n`;
    expect(await streamed(runaway, 4096)).toMatchObject({
      line: 2,
      message: expect.stringContaining('longer than 100,000'),
    });
  });

  it('sniffs the delimiter from the header', async () => {
    expect(sniffDelimiter('event_date;event_type;"a,b"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('a|b')).toBe('|');
    expect(sniffDelimiter('single')).toBe(',');
    expect(await streamed('Date;Lieu\n07.03.2024;"A; B"\n')).toEqual([
      { line: 1, cells: ['Date', 'Lieu'] },
      { line: 2, cells: ['07.03.2024', 'A; B'] },
    ]);
  });

  it('gives the same records streamed in any chunk size as read at once', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('"', '""', ',', '\n', '\r\n', '\r', ' ', 'é', '𝄞'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        async (rows, size) => {
          const quote = (c: string) =>
            /[",\r\n]/.test(c) || c.trim() !== c ? `"${c.replaceAll('"', '""')}"` : c;
          const csv = ['h1,h2', ...rows.map((r) => r.map(quote).join(','))].join('\n');
          expect(await streamed(csv, size)).toEqual(synced(csv));
        },
      ),
      { numRuns: 200 },
    );
  });
});

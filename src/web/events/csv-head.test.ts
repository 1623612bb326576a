import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvHead, readCsvHead, sniffDelimiter } from './csv-head.ts';

describe('the CSV head read before upload', () => {
  it('finds the delimiter of European spreadsheets and tabs', () => {
    expect(sniffDelimiter('event_date;event_type;"a;b"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('"a,b"')).toBe(',');
  });

  it('reads quoted values with delimiters, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n1,"two, three","say ""hi""\nthere"\n\n4,5,6\n';
    expect(parseCsvHead(text, ',', 10)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two, three', 'say "hi"\nthere'],
      ['4', '5', '6'],
    ]);
  });

  it('leaves out a record cut off at the end of the head, unless the text is the whole file', () => {
    expect(parseCsvHead('a,b\n1,"un', ',', 10)).toEqual([['a', 'b']]);
    expect(parseCsvHead('a,b\n1,2', ',', 10)).toEqual([['a', 'b']]);
    expect(parseCsvHead('a,b\n1,2', ',', 10, true)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('gives back any table it is given, written out with quotes', () => {
    const cell = fc.string({ maxLength: 12 });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, (rows) => {
        const text = `${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
        expect(parseCsvHead(text, ',', rows.length)).toEqual(rows);
      }),
    );
  });

  it('decodes the declared encoding and drops a byte-order mark', async () => {
    const latin1 = new Uint8Array([
      0x6c, 0x69, 0x65, 0x75, 0x2c, 0x64, 0x61, 0x74, 0x65, 0x0a, 0x47, 0xe9, 0x6e, 0x65, 0x2c, 0x31, 0x0a,
    ]);
    const head = await readCsvHead(new Blob([latin1]), 'windows-1252');
    expect(head.headers).toEqual(['lieu', 'date']);
    expect(head.rows).toEqual([['Géne', '1']]);
    const bom = await readCsvHead(new Blob(['\ufeffevent_date;event_type\n2025-01-01;Battles\n']), 'utf-8');
    expect(bom).toEqual({
      headers: ['event_date', 'event_type'],
      rows: [['2025-01-01', 'Battles']],
      delimiter: ';',
    });
  });
});

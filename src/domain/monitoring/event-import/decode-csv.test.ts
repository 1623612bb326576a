import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, decodeCsvStream } from './decode-csv.ts';
import { problemOf } from './import-failure.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

async function* inChunks(data: Uint8Array, cuts: number[]) {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield data.subarray(from, cut);
    from = cut;
  }
  yield data.subarray(from);
}

async function streamed(data: Uint8Array, cuts: number[], encoding?: string) {
  let text = '';
  try {
    for await (const piece of decodeCsvStream(inChunks(data, cuts), encoding)) text += piece;
    return { ok: true as const, text };
  } catch (error) {
    const problem = problemOf(error);
    if (!problem) throw error;
    return { ok: false as const, problem };
  }
}

describe('decodeCsv', () => {
  it('reads UTF-8 and strips its byte-order mark', () => {
    expect(decodeCsv(bytes([0xef, 0xbb, 0xbf], 'a,b\nKyïv,2\n'))).toEqual({
      ok: true,
      text: 'a,b\nKyïv,2\n',
      encoding: 'utf-8',
    });
  });

  it('recognises UTF-16 by its byte-order mark, little and big endian', () => {
    const text = 'event_date,location\n2024-03-07,Sievierodonetsk – Сєвєродонецьк\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeCsv(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeCsv(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('decodes declared encodings with iconv-lite', () => {
    const text = 'location,notes\nBesançon,Manifestation – 200 personnes, l’attroupement\n';
    expect(decodeCsv(iconv.encode(text, 'windows-1252'), 'Windows-1252')).toMatchObject({ ok: true, text });
    expect(decodeCsv(iconv.encode('Besançon', 'latin1'), 'latin1')).toMatchObject({
      ok: true,
      text: 'Besançon',
    });
    expect(decodeCsv(iconv.encode('Київ,1', 'windows-1251'), 'windows-1251')).toMatchObject({
      ok: true,
      text: 'Київ,1',
    });
    expect(decodeCsv(Buffer.from('a,b\nc,d', 'utf16le'), 'utf-16le')).toMatchObject({
      ok: true,
      text: 'a,b\nc,d',
    });
  });

  it('refuses undeclared windows-1252 at the line of the first bad byte, with the hint', () => {
    const data = iconv.encode('a,b\r\n1,2\r\n"multi\r\nline",3\r\nBesançon,4\r\n', 'windows-1252');
    const result = decodeCsv(data);
    expect(result).toEqual({
      ok: false,
      problem: { line: 5, field: 'encoding', message: expect.stringContaining('byte 0xE7') },
    });
    expect(!result.ok && result.problem.message).toContain('encoding=windows-1252');
  });

  it('refuses an unknown encoding, a workbook, UTF-16 without its mark and a truncated character', () => {
    expect(decodeCsv(utf8('a'), 'klingon')).toMatchObject({
      ok: false,
      problem: { line: 1, message: expect.stringContaining('"klingon" is not an encoding') },
    });
    expect(decodeCsv(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0]))).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('.xlsx') },
    });
    expect(decodeCsv(Buffer.from('a,b\n1,2', 'utf16le'))).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('encoding=utf-16le') },
    });
    expect(decodeCsv(bytes('a,b\n\nc', [0xd0]))).toMatchObject({
      ok: false,
      problem: { line: 3, field: 'encoding' },
    });
  });

  it('accepts an empty file and one shorter than a byte-order mark', () => {
    expect(decodeCsv(new Uint8Array(0))).toEqual({ ok: true, text: '', encoding: 'utf-8' });
    expect(decodeCsv(utf8('a'))).toEqual({ ok: true, text: 'a', encoding: 'utf-8' });
  });
});

describe('decodeCsvStream', () => {
  it('gives the same text however the bytes are cut, even inside a character or the BOM', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (text, raw) => {
          // NUL is refused on purpose (UTF-16 without a mark); U+FFFD would hide a decoding slip.
          const clean = text.replace(/[\u0000\uFFFD]/g, '');
          const data = bytes([0xef, 0xbb, 0xbf], clean);
          const cuts = raw.map((n) => n % (data.length + 1));
          expect(await streamed(data, cuts)).toEqual({ ok: true, text: clean });
        },
      ),
    );
  });

  it('reports the same line for a bad byte however the bytes are cut', async () => {
    const data = bytes('a,b\r\nč,1\n\n"x\r\ny",', [0xe9], 'z\n');
    for (let cut = 0; cut <= data.length; cut++) {
      const result = await streamed(data, [cut]);
      expect(result).toMatchObject({ ok: false, problem: { line: 5, field: 'encoding' } });
    }
  });

  it('decodes a declared encoding across chunks', async () => {
    const data = iconv.encode('Saint-Étienne,Besançon\n', 'windows-1252');
    expect(await streamed(data, [3, 9, 14], 'windows-1252')).toEqual({
      ok: true,
      text: 'Saint-Étienne,Besançon\n',
    });
  });
});

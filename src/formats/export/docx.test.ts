import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { planToDocx } from './docx.ts';
import type { ExportContext } from './export-context.ts';
import { longPlan, samplePlan } from './test-support.ts';

const ctx: ExportContext = {
  processTitle: 'Geneva talks',
  versionLabel: 'Draft 3',
  contentHash: '0123456789abcdef'.repeat(4),
  exportedAt: new Date('2025-03-01T10:00:00Z'),
  marking: 'Released to Party X — confidential',
};

/** Reads one part of the .docx zip through its central directory (local headers may defer sizes). */
function zipPart(bytes: Uint8Array, name: string): string {
  const buf = Buffer.from(bytes);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = buf.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const local = buf.readUInt32LE(at + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + buf.readUInt32LE(at + 20));
      return (buf.readUInt16LE(at + 10) === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name} in the zip`);
}

function safePart(bytes: Uint8Array, name: string): string {
  try {
    return zipPart(bytes, name);
  } catch {
    return '';
  }
}

async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

describe('planToDocx', () => {
  it('writes a Word file with the whole plan text', async () => {
    const bytes = await planToDocx(samplePlan(), ctx);
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    const text = await rawText(bytes);
    for (const expected of [
      'Framework for a Settlement — Рамкова угода',
      'Geneva talks · Draft 3 · Released to Party X — confidential',
      'Ειρήνη: this text binds all signatories.',
      'Ending the war',
      'Security guarantees',
      '7bis.',
      'Обмін полоненими «всіх на всіх».',
      'a)',
      'artillery above 100 mm',
      'a bullet item',
      'Text agreed ad referendum.',
      '[Editor: opening note]',
    ]) {
      expect(text).toContain(expected);
    }
    // Markers are rendered as formatting, not left in the text.
    expect(text).toContain('A ceasefire enters into force within 72 hours.');
    expect(text).not.toContain('**');
  });

  it('renders emphasis and strong as italic and bold runs, numbers in bold', async () => {
    const { value: html } = await mammoth.convertToHtml({
      buffer: Buffer.from(await planToDocx(samplePlan(), ctx)),
    });
    expect(html).toContain('<em>within 72 hours</em>');
    expect(html).toContain('<strong>withdraw</strong>');
    expect(html).toContain('<strong>7bis.</strong>');
  });

  it('puts marking, page numbers, version and short hash in header and footer, and sets core properties', async () => {
    const bytes = await planToDocx(samplePlan(), ctx);
    const headers = ['word/header1.xml', 'word/header2.xml'].map((n) => safePart(bytes, n)).join('');
    expect(headers).toContain('Released to Party X — confidential');
    const footers = ['word/footer1.xml', 'word/footer2.xml'].map((n) => safePart(bytes, n)).join('');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(footers).toContain('Draft 3 · sha256 0123456789ab<');
    const core = zipPart(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Framework for a Settlement — Рамкова угода</dc:title>');
    expect(core).toContain('<dc:creator>Entente</dc:creator>');
  });

  it('handles a long plan and the working draft without a context line', async () => {
    const bytes = await planToDocx(longPlan(60), { versionLabel: null, exportedAt: new Date() });
    const text = await rawText(bytes);
    expect(text).toContain('6bis.');
    expect(text).toContain('60.');
  });
});

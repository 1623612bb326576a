import { describe, expect, it } from 'vitest';
import type { ExportContext } from './export-context.ts';
import { planToPdf } from './pdf.ts';
import { buildPlan, buildPoint, longPlan, samplePlan } from './test-support.ts';

const ctx: ExportContext = {
  processTitle: 'Geneva talks',
  versionLabel: 'Draft 3',
  contentHash: '0123456789abcdef'.repeat(4),
  exportedAt: new Date('2025-03-01T10:00:00Z'),
  marking: 'Released to Party X — confidential',
};

/** Page objects are never compressed by pdfkit, so they can be counted in the raw bytes. */
const pageCount = (pdf: string) => pdf.match(/\/Type \/Page\b/g)?.length ?? 0;

/** Reads an Info entry (pdfkit writes it as an indirect string object, UTF-16BE when not ASCII). */
function infoString(pdf: string, key: string): string | null {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf);
  const obj = ref && new RegExp(`\\n${ref[1]} 0 obj\\n\\(([\\s\\S]*?)\\)\\nendobj`).exec(pdf);
  if (!obj) return null;
  const raw = obj[1]!.replace(/\\([()\\])/g, '$1');
  if (!raw.startsWith('\xfe\xff')) return raw;
  return Buffer.from(raw.slice(2), 'latin1').swap16().toString('utf16le');
}

describe('planToPdf', () => {
  it('writes a PDF with metadata', async () => {
    const bytes = await planToPdf(samplePlan(), ctx);
    const pdf = Buffer.from(bytes).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(bytes.length).toBeGreaterThan(5_000);
    expect(pageCount(pdf)).toBe(1);
    expect(infoString(pdf, 'Creator')).toBe('Entente');
    expect(infoString(pdf, 'Title')).toBe('Framework for a Settlement — Рамкова угода');
    // DejaVu is embedded (subset), so Cyrillic and Greek have glyphs.
    expect(pdf).toMatch(/DejaVuSerif/);
    expect(pdf).toMatch(/DejaVuSerif-Bold/);
    expect(pdf).toMatch(/DejaVuSerif-Italic/);
  });

  it('breaks a 60-point plan over several pages', async () => {
    const bytes = await planToPdf(longPlan(60), ctx);
    expect(pageCount(Buffer.from(bytes).toString('latin1'))).toBeGreaterThan(1);
  });

  it('renders Cyrillic, Greek, diacritics, odd numbers and empty parts without throwing', async () => {
    const plan = buildPlan({
      title: 'Ειρηνευτικό σχέδιο — Мирний план — Plan de paix (ăâîșț, ğış, ß)',
      preamble: '',
      points: [
        buildPoint({
          id: 'p1',
          number: 'Article 12 bis',
          text: '**Стаття** *перша*: «лапки» — тире, № 5, § 3.',
        }),
        buildPoint({ id: 'p2', number: '', text: '' }),
        buildPoint({
          id: 'p3',
          number: '3',
          text: 'x',
          items: [
            { label: '→', text: 'arrow item' },
            { label: null, text: '' },
          ],
        }),
      ],
      notes: [{ id: 'n', afterPointId: null, text: '' }],
    });
    const bytes = await planToPdf(plan, { exportedAt: new Date() });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  });

  it('renders an empty plan as one page', async () => {
    const bytes = await planToPdf(buildPlan({ title: '' }), { versionLabel: null, exportedAt: new Date() });
    expect(pageCount(Buffer.from(bytes).toString('latin1'))).toBe(1);
  });
});

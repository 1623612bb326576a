import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../domain/plans/content-hash.ts';
import { planContentSchema } from '../../domain/plans/plan.schema.ts';
import type { ExportContext } from '../export/export-context.ts';
import { planToJson } from '../export/json.ts';
import { arbitraryPlan, samplePlan } from '../export/test-support.ts';
import { parsePlanJson } from './plan-json.ts';

const ctx: ExportContext = {
  versionLabel: 'Draft 3',
  contentHash: null,
  exportedAt: new Date('2025-03-01T10:00:00Z'),
};

/** The export of the sample plan, edited as a JSON value, re-serialised pretty like a hand-edited file. */
// biome-ignore lint/suspicious/noExplicitAny: the tests corrupt the document on purpose, so no type fits.
function editedExport(edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(planToJson(samplePlan(), ctx));
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

const lineOfText = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('planToJson', () => {
  it('writes the envelope with the version and the plan', () => {
    const doc = JSON.parse(planToJson(samplePlan(), { ...ctx, contentHash: 'abc' }));
    expect(doc).toMatchObject({
      format: 'entente-plan',
      formatVersion: 1,
      exportedAt: '2025-03-01T10:00:00.000Z',
      version: { label: 'Draft 3', contentHash: 'abc' },
    });
    expect(doc.plan).toEqual(samplePlan());
  });

  it('writes version null for the working draft', () => {
    const doc = JSON.parse(planToJson(samplePlan(), { versionLabel: null, exportedAt: new Date(0) }));
    expect(doc.version).toBeNull();
  });

  it('drops runtime properties that are not part of the plan format', () => {
    const plan = { ...samplePlan(), revision: 9 } as ReturnType<typeof samplePlan>;
    const result = parsePlanJson(planToJson(plan, ctx));
    expect(result.ok).toBe(true);
  });
});

describe('parsePlanJson', () => {
  it('round-trips the export losslessly', () => {
    const plan = samplePlan();
    const result = parsePlanJson(planToJson(plan, { ...ctx, contentHash: contentHash(plan) }));
    expect(result).toEqual({ ok: true, plan, problems: [] });
  });

  it('round-trips any valid plan (property)', () => {
    fc.assert(
      fc.property(arbitraryPlan(), (plan) => {
        expect(planContentSchema.safeParse(plan).success).toBe(true);
        const result = parsePlanJson(planToJson(plan, ctx));
        expect(result.problems).toEqual([]);
        expect(result.plan).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a bare PlanContent and a byte order mark', () => {
    const result = parsePlanJson(`\uFEFF${JSON.stringify(samplePlan())}`);
    expect(result.ok).toBe(true);
    expect(result.plan).toEqual(samplePlan());
  });

  it('warns when the plan no longer matches the recorded content hash', () => {
    const result = parsePlanJson(planToJson(samplePlan(), { ...ctx, contentHash: 'f'.repeat(64) }));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ severity: 'warning', line: 7 })]);
  });

  it('reports the line of a syntax error', () => {
    const text = '{\n  "title": "x",\n  "preamble": ,\n  "areas": []\n}';
    const result = parsePlanJson(text);
    expect(result.ok).toBe(false);
    expect(result.plan).toBeNull();
    expect(result.problems).toEqual([expect.objectContaining({ line: 3, severity: 'error' })]);
    expect(result.problems[0]!.message).toMatch(/^Invalid JSON at line 3, column 15/);
  });

  it('reports trailing commas, truncation and garbage after the value on their line', () => {
    expect(parsePlanJson('{\n"a": 1,\n}').problems[0]!.line).toBe(3);
    expect(parsePlanJson('{\n"title": "x",\n"areas": [\n').problems[0]!.line).toBe(4);
    expect(parsePlanJson('{}\n\nx').problems[0]!.line).toBe(3);
    expect(parsePlanJson('').problems[0]!.message).toMatch(/Invalid JSON/);
  });

  it('names the path and line of a missing field', () => {
    const text = editedExport((doc) => delete doc.plan.points[3].text);
    const result = parsePlanJson(text);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      {
        // The point's object opens on the line before its id.
        line: lineOfText(text, '"id": "p8"') - 1,
        message: 'plan.points.3.text: required field is missing (expected string)',
        severity: 'error',
      },
    ]);
  });

  it('names the path and line of a wrong type', () => {
    const text = editedExport((doc) => {
      doc.plan.points[1].changedAt = 'soon';
      doc.plan.points[2].status = 'maybe';
    });
    const result = parsePlanJson(text);
    expect(result.problems.map((p) => p.message)).toEqual([
      'plan.points.1.changedAt: expected number, received string',
      expect.stringMatching(/^plan\.points\.2\.status: /),
    ]);
    expect(result.problems[0]!.line).toBe(lineOfText(text, '"changedAt": "soon"'));
    expect(result.problems[1]!.line).toBe(lineOfText(text, '"status": "maybe"'));
  });

  it('rejects unknown fields, in the plan and in the envelope', () => {
    const text = editedExport((doc) => {
      doc.plan.points[0].colour = 'red';
      doc.signedBy = 'nobody';
    });
    const result = parsePlanJson(text);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual(['signedBy: unknown field']);
    const inPlan = parsePlanJson(editedExport((doc) => (doc.plan.points[0].colour = 'red')));
    expect(inPlan.problems).toEqual([
      { line: expect.any(Number), message: 'plan.points.0.colour: unknown field', severity: 'error' },
    ]);
    expect(inPlan.problems[0]!.line).toBeGreaterThan(1);
  });

  it('reports broken references that the schema checks', () => {
    const result = parsePlanJson(editedExport((doc) => (doc.plan.notes[1].afterPointId = 'gone')));
    expect(result.problems.map((p) => p.message)).toEqual(['plan.notes.1.afterPointId: unknown point gone']);
  });

  it('refuses a different format and a newer format version clearly', () => {
    const other = parsePlanJson(editedExport((doc) => (doc.format = 'other-tool')));
    expect(other.problems).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^Not an Entente plan export: "format" is "other-tool"/),
        severity: 'error',
      },
    ]);
    const newer = parsePlanJson(editedExport((doc) => (doc.formatVersion = 2)));
    expect(newer.problems[0]).toMatchObject({ line: 3, severity: 'error' });
    expect(newer.problems[0]!.message).toMatch(/version 2, written by a newer Entente/);
  });

  it('rejects JSON that is not an object, without throwing', () => {
    for (const text of ['[]', '42', 'null', '"plan"']) {
      expect(parsePlanJson(text)).toMatchObject({ ok: false, plan: null, problems: [{ line: 1 }] });
    }
    expect(() => parsePlanJson('['.repeat(100_000))).not.toThrow();
  });

  it('caps a flood of problems', () => {
    const text = editedExport((doc) => {
      doc.plan.points = Array.from({ length: 80 }, () => ({}));
    });
    const result = parsePlanJson(text);
    expect(result.problems).toHaveLength(51);
    expect(result.problems.at(-1)!.message).toMatch(/more problems$/);
  });
});

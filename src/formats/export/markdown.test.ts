import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../domain/plans/import/parse-plan-text.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { areaTitleOf } from '../../domain/plans/plan.ts';
import { planToMarkdown } from './markdown.ts';
import { buildPlan, buildPoint, longPlan, samplePlan } from './test-support.ts';

/** What the text format carries: everything but ids, tags, status and revision data. */
function readableShape(plan: PlanContent) {
  const soft = (text: string) => text.replace(/[ \t]*\n(?!\n)[ \t]*/g, ' ');
  return {
    title: plan.title,
    preamble: soft(plan.preamble),
    areas: plan.areas.map((a) => a.title),
    points: plan.points.map((p) => ({
      number: p.number,
      area: areaTitleOf(plan, p),
      text: soft(p.text),
      items: p.items,
    })),
    notes: plan.notes.map((n) => ({
      after: plan.points.find((p) => p.id === n.afterPointId)?.number ?? null,
      text: n.text,
    })),
  };
}

describe('planToMarkdown', () => {
  it('writes the plan in the shape the text importer reads', () => {
    expect(planToMarkdown(samplePlan())).toBe(
      [
        '# Framework for a Settlement — Рамкова угода',
        '',
        'The parties, meeting in Geneva,\nagree as follows.',
        '',
        'Ειρήνη: this text binds all signatories.',
        '',
        '> [Editor: opening note]',
        '',
        '1. Definitions apply throughout.',
        '',
        '## Ending the war',
        '',
        '2. A ceasefire enters into force *within 72 hours*.',
        '',
        '   Both sides **withdraw** heavy weapons.',
        '',
        '   a. artillery above 100 mm',
        '   b. multiple rocket launchers',
        '',
        '> Text agreed ad referendum.',
        '',
        '7bis. Обмін полоненими «всіх на всіх».',
        '',
        '## Security guarantees',
        '',
        '8. Guarantors commit to consult.',
        '',
        '   - a bullet item',
        '',
      ].join('\n'),
    );
  });

  it('keeps numbers verbatim and does not double their punctuation', () => {
    const plan = buildPlan({
      points: [
        buildPoint({ id: 'p1', number: '7bis.' }),
        buildPoint({ id: 'p2', number: '3)' }),
        buildPoint({ id: 'p3', number: 'Article 4' }),
      ],
    });
    const md = planToMarkdown(plan);
    expect(md).toContain('\n7bis. Text of point p1.');
    expect(md).toContain('\n3) Text of point p2.');
    expect(md).toContain('\nArticle 4. Text of point p3.');
  });

  it('indents wrapped lines and multi-paragraph notes so they stay inside their block', () => {
    const plan = buildPlan({
      points: [buildPoint({ id: 'p1', number: '1', text: 'line one\nline two' })],
      notes: [{ id: 'n', afterPointId: 'p1', text: 'note one\n\nnote two' }],
    });
    expect(planToMarkdown(plan)).toContain('1. line one\n   line two\n\n> note one\n>\n> note two\n');
  });

  it('heads areas that have no points, in their place', () => {
    const plan = buildPlan({
      areas: [
        { id: 'a', title: 'First' },
        { id: 'b', title: 'Empty' },
        { id: 'c', title: 'Third' },
        { id: 'd', title: 'Trailing' },
      ],
      points: [buildPoint({ id: 'p1', areaId: 'a' }), buildPoint({ id: 'p2', areaId: 'c' })],
    });
    const headings = planToMarkdown(plan).match(/^## .*$/gm);
    expect(headings).toEqual(['## First', '## Empty', '## Third', '## Trailing']);
  });

  it('puts export details in a trailing comment, never front matter', () => {
    const md = planToMarkdown(samplePlan(), {
      processTitle: 'Geneva talks',
      versionLabel: 'Draft 3',
      contentHash: 'ab'.repeat(32),
      exportedAt: new Date('2025-03-01T10:00:00Z'),
      marking: 'Released to Party X -- confidential',
    });
    expect(md.startsWith('# Framework')).toBe(true);
    const lastLine = md.trimEnd().split('\n').at(-1);
    expect(lastLine).toBe(
      `<!-- Entente · Geneva talks · Draft 3 · sha256 ${'ab'.repeat(32)} · Released to Party X – confidential · exported 2025-03-01T10:00:00.000Z -->`,
    );
  });

  it('labels the working draft as such', () => {
    const md = planToMarkdown(buildPlan(), { versionLabel: null, exportedAt: new Date(0) });
    expect(md).toBe('# Test plan\n\n<!-- Entente · Working draft · exported 1970-01-01T00:00:00.000Z -->\n');
  });

  it('round-trips through the plan text importer', () => {
    for (const plan of [samplePlan(), longPlan(30)]) {
      const md = planToMarkdown(plan, {
        versionLabel: 'Draft 3',
        contentHash: 'ab'.repeat(32),
        exportedAt: new Date(0),
      });
      const result = parsePlanText(md);
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(readableShape(result.plan!)).toEqual(readableShape(plan));
    }
  });
});

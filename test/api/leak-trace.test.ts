import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { normaliseWhitespace, rewrap } from '../../src/domain/leak-trace/test-support.ts';
import { parsePlanText } from '../../src/domain/plans/import/parse-plan-text.ts';
import { PDF_FONTS } from '../../src/formats/export/pdf-fonts.ts';
import { leakedTextOf } from '../../src/services/leak-trace/leaked-text.ts';
import { traceLeak } from '../../src/services/leak-trace/trace-leak.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildProcess, demoVersions } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

/**
 * Three recipients in three parties, all holding the version the demo released to them (Draft 2
 * went to Veloria, Karst and the guarantors' council).
 */
const RECIPIENTS = [
  { email: 'lead@veloria.example', party: 'Republic of Veloria' },
  { email: 'lead@karst.example', party: 'Karst Federation' },
  { email: 'observer@bcc.example', party: 'Basin Cooperation Council' },
] as const;
const MARK_CHARACTERS = /[\u200b\u2060\u2010\u02bc]/;

/** Points from–to of a Markdown export, as someone quoting them would paste them. */
function excerpt(markdown: string, from: number, to: number): string {
  const blocks = markdown.split('\n\n');
  const start = blocks.findIndex((b) => b.startsWith(`${from}. `));
  return blocks.slice(start, start + to - from + 1).join('\n\n');
}

/** The deflated streams of a PDF, decompressed. */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a deflated stream
    }
  }
  return out;
}

describeEachDatabase('leak tracing', (dialect) => {
  const ctx = useTestApp(dialect);
  const draftTwo = async (client: Client) =>
    (await demoVersions(client, ctx().demo.planId)).find((v) => v.label === 'Draft 2')!;
  const exportAs = async (email: string, format: 'md' | 'json' | 'docx' | 'pdf') => {
    const client = await ctx().signIn(email);
    const version = await draftTwo(client);
    const res = await client.get(
      `/api/v1/plans/${ctx().demo.planId}/export?format=${format}&version=${version.id}`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res;
  };
  const fingerprints = () => ctx().database.db.selectFrom('text_fingerprints').selectAll().execute();

  it('marks every party’s export of a version and names the party a pasted copy came from', async () => {
    const before = (await fingerprints()).length;
    const copies = [];
    for (const r of RECIPIENTS) copies.push((await exportAs(r.email, 'md')).body);
    expect(new Set(copies).size).toBe(3);
    for (const copy of copies) expect(copy).toMatch(MARK_CHARACTERS);

    const rows = (await fingerprints()).slice(before);
    expect(rows.map((r) => r.channel)).toEqual(['md', 'md', 'md']);
    expect(new Set(rows.map((r) => r.party_id)).size).toBe(3);
    expect(new Set(rows.map((r) => r.seed)).size).toBe(3);
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['detail'])
      .where('action', '=', 'version.export')
      .orderBy('seq')
      .execute();
    const details = audit
      .slice(-3)
      .map((a) => JSON.parse(a.detail) as { fingerprintId?: string; format?: string });
    expect(details.map((d) => d.fingerprintId)).toEqual(rows.map((r) => r.id));
    expect(details.every((d) => d.format === 'md')).toBe(true);

    for (const [i, copy] of copies.entries()) {
      for (const leaked of [copy, normaliseWhitespace(copy), rewrap(copy, 60), excerpt(copy, 4, 6)]) {
        const trace = await traceLeak(ctx().database, { text: leaked, processId: ctx().demo.processId });
        expect(trace.verdict, JSON.stringify(trace.ranking.slice(0, 2))).toBe('identified');
        expect(trace.best?.recipient).toMatchObject({
          email: RECIPIENTS[i]!.email,
          partyName: RECIPIENTS[i]!.party,
        });
        expect(trace.best).toMatchObject({
          fingerprintId: rows[i]!.id,
          channel: 'md',
          version: { label: 'Draft 2' },
        });
        expect(trace.best?.confidence).toBeGreaterThanOrEqual(0.99);
        expect(trace.runnerUp?.recipient.email).not.toBe(RECIPIENTS[i]!.email);
      }
    }
  });

  it('marks a print like an export, opens it inline, and audits it as a print', async () => {
    const client = await ctx().signIn(RECIPIENTS[0]!.email);
    const version = await draftTwo(client);
    const url = `/api/v1/plans/${ctx().demo.planId}/export?format=pdf&print=1&version=${version.id}`;
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename=/);
    const [row] = (await fingerprints()).filter((f) => f.channel === 'print');
    expect(row).toMatchObject({ version_id: version.id });
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'version.print')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail).fingerprintId)).toEqual([row!.id]);
    const wrong = await client.get(url.replace('format=pdf', 'format=md'));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('query.print');
  });

  it('keeps the marks out of the way of the plan importer', async () => {
    const md = (await exportAs(RECIPIENTS[0].email, 'md')).body;
    const parsed = parsePlanText(md);
    const clean = parsePlanText(
      md
        .replace(/[\u200b\u2060]/g, '')
        .replace(/\u2010/g, '-')
        .replace(/\u02bc/g, '’'),
    );
    expect(parsed.ok).toBe(true);
    expect(parsed.plan?.points.map((p) => p.number)).toEqual(clean.plan?.points.map((p) => p.number));
    expect(parsed.plan?.areas.map((a) => a.title)).toEqual(clean.plan?.areas.map((a) => a.title));
  });

  it('marks Word and JSON exports too, and traces them from the file', async () => {
    for (const format of ['docx', 'json'] as const) {
      const res = await exportAs(RECIPIENTS[1].email, format);
      const text = await leakedTextOf(res.rawPayload, `leak.${format}`);
      expect(text).toMatch(MARK_CHARACTERS);
      const trace = await traceLeak(ctx().database, { text });
      expect(trace.verdict).toBe('identified');
      expect(trace.best).toMatchObject({ channel: format, recipient: { email: RECIPIENTS[1].email } });
    }
    // A marked Word copy still imports cleanly.
    const docx = await exportAs(RECIPIENTS[1].email, 'docx');
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const preview = await mediator.post(`/api/v1/processes/${ctx().demo.processId}/imports/preview`, {
      format: 'docx',
      contentBase64: docx.rawPayload.toString('base64'),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ ok: true, problems: [] });
    expect(JSON.stringify(preview.json().plan)).not.toMatch(/[\u200b\u2060]/);
  });

  it('marks a PDF export with no-break spaces, since a PDF cannot hold zero-width characters', async () => {
    const before = (await fingerprints()).length;
    const res = await exportAs(RECIPIENTS[2].email, 'pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [row] = (await fingerprints()).slice(before);
    expect(row).toMatchObject({ channel: 'pdf' });
    await expect(leakedTextOf(res.rawPayload, 'leak.pdf')).rejects.toThrow(/copy it into a \.txt file/);
    // The text a PDF reader copies comes from the fonts' ToUnicode maps: no-break spaces are there.
    const maps = pdfStreams(res.rawPayload).filter((s) => s.includes('begincmap'));
    expect(maps.some((m) => /<00a0>/i.test(m))).toBe(true);
    expect(maps.some((m) => /<200b>|<2060>/i.test(m))).toBe(false);
  });

  it('leaves the working draft unmarked: it is the mediator team’s own text', async () => {
    const before = (await fingerprints()).length;
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const res = await mediator.get(`/api/v1/plans/${ctx().demo.planId}/export?format=md`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(MARK_CHARACTERS);
    expect((await fingerprints()).length).toBe(before);
    const trace = await traceLeak(ctx().database, { text: res.body });
    expect(trace.verdict).toBe('no-marks');
  });

  it('audits each trace with a hash of the text, never the text', async () => {
    const secret = 'Minutes of a confidential meeting on the Orlen valley.';
    await traceLeak(ctx().database, { text: secret });
    const [entry] = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'leak.trace')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(entry).toMatchObject({ subject_type: 'fingerprint', subject_id: null, actor_id: null });
    const detail = JSON.parse(entry!.detail);
    expect(detail).toMatchObject({
      verdict: 'no-marks',
      textSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(entry!.detail).not.toContain('Orlen');
  });

  it('compares only with the copies of the process asked for', async () => {
    const md = (await exportAs(RECIPIENTS[0].email, 'md')).body;
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const other = await buildProcess(mediator);
    const elsewhere = await traceLeak(ctx().database, { text: md, processId: other.id });
    expect(elsewhere).toMatchObject({ verdict: 'inconclusive', reason: 'no-candidates', candidates: 0 });
    await expect(traceLeak(ctx().database, { text: md, processId: 'prc_nope' })).rejects.toMatchObject({
      code: 'process.not_found',
    });
  });
});

describe('marks in the PDF fonts', () => {
  const require = createRequire(import.meta.url);
  it('take no width when zero-width, and the width of their base character otherwise', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const [name, file] of Object.entries(PDF_FONTS)) {
      doc.registerFont(name, require.resolve(file));
      doc.font(name).fontSize(12);
      const width = (s: string) => doc.widthOfString(s);
      expect(width('line\u200b\u2060 of'), name).toBe(width('line of'));
      expect(width('line\u00a0of'), name).toBe(width('line of'));
      // The serif faces set the plan's text: there the look-alikes are exact. DejaVu Sans kerns
      // "o-" a hair (0.02 em) tighter than "o‐"; the export sets no plan text in it.
      const tolerance = name.startsWith('serif') ? 0 : 0.02 * 12;
      expect(Math.abs(width('so\u2010called') - width('so-called')), name).toBeLessThanOrEqual(tolerance);
      expect(Math.abs(width('Veloria\u02bcs') - width('Veloria’s')), name).toBeLessThanOrEqual(tolerance);
    }
  });
});

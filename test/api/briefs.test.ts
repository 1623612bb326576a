import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { stripMarks } from '../../src/domain/leak-trace/marks.ts';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { leakedTextOf } from '../../src/services/leak-trace/leaked-text.ts';
import { traceLeak } from '../../src/services/leak-trace/trace-leak.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { readDraft } from '../support/factories.ts';
import { type SeededNegotiation, seedNegotiation } from '../support/negotiation-rows.ts';
import { pdfText, squeeze } from '../support/pdf-text.ts';
import { useTestApp } from '../support/test-app.ts';

/** The text of a Word file's body, as its runs hold it. */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const pointTexts = (c: PlanContent) => c.points.map((p) => p.text.replace(/[*_]/g, ''));

describeEachDatabase('negotiation briefs', (dialect) => {
  const ctx = useTestApp(dialect);
  let seed: SeededNegotiation;
  /** Wording of Draft 2 that Draft 3 changed, and wording only Draft 3 (and the draft) has. */
  let draftTwoOnly: string[];
  let draftThreeOnly: string[];
  let draftOnly: string[];
  const url = (query: string) => `/api/v1/plans/${ctx().demo.planId}/brief?${query}`;

  /** Downloads a brief and returns its text with the recipient marks taken out, squeezed. */
  const brief = async (email: string, query: string) => {
    const client = await ctx().signIn(email);
    const res = await client.get(url(query));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const text = query.includes('format=pdf') ? pdfText(res.rawPayload) : await docxText(res.rawPayload);
    return { res, text: squeeze(stripMarks(text, { spacing: true })) };
  };
  const has = (text: string, phrase: string) => text.includes(squeeze(phrase));

  beforeAll(async () => {
    seed = await seedNegotiation(ctx());
    const two = pointTexts(seed.draftTwo.content);
    const three = pointTexts(seed.draftThree.content);
    const one = pointTexts(seed.ids.version('Draft 1').content);
    draftTwoOnly = two.filter((t) => !three.includes(t));
    // Wording found nowhere in what Karst holds, not even as part of a point (a split keeps words).
    const held = squeeze([...one, ...two].join('\n'));
    draftThreeOnly = three.filter((t) => !held.includes(squeeze(t)));
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const draft = pointTexts((await readDraft(mediator, ctx().demo.planId)).content);
    draftOnly = draft.filter((t) => !held.includes(squeeze(t)));
    expect(draftTwoOnly.length).toBeGreaterThan(0);
    expect(draftThreeOnly.length).toBeGreaterThan(0);
  });

  const expectKarstBrief = (text: string) => {
    // Draft 2's text, and nothing of Draft 3 or the working draft.
    for (const t of draftTwoOnly) expect(has(text, t), t).toBe(true);
    for (const t of [...draftThreeOnly, ...draftOnly]) expect(has(text, t), t).toBe(false);
    expect(has(text, 'Draft 3')).toBe(false);
    // Karst's own stances, rationale and open amendments (its draft too).
    expect(has(text, 'Karst Federation: Support with reservations · priority 4 · as of Draft 2')).toBe(true);
    expect(has(text, seed.text.krfRationale)).toBe(true);
    expect(has(text, seed.text.krfSubmitted)).toBe(true);
    expect(has(text, seed.text.krfDraft)).toBe(true);
    // A decided amendment is not open.
    expect(has(text, seed.text.krfAccepted)).toBe(false);
    expect(has(text, seed.text.krfMeeting)).toBe(true);
    // Nothing of Veloria's: stances, rationale, amendments, its own meetings.
    expect(has(text, 'Republic of Veloria:')).toBe(false);
    expect(has(text, 'Amendment (VEL)')).toBe(false);
    for (const secret of [
      seed.text.velAmendment,
      seed.text.velAmendmentWhy,
      seed.text.velRationale,
      seed.text.velMeeting,
    ])
      expect(has(text, secret), secret).toBe(false);
    expect(has(text, 'Prepared for Karst Federation')).toBe(true);
  };

  it('gives a Karst delegate its brief on Draft 2 as Word, marked for it and traceable', async () => {
    const before = await ctx().database.db.selectFrom('text_fingerprints').select('id').execute();
    const { res, text } = await brief('lead@karst.example', 'format=docx');
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Brief-.*KRF-Draft-2\.docx"/);
    expectKarstBrief(text);

    const rows = await ctx().database.db.selectFrom('text_fingerprints').selectAll().execute();
    const fresh = rows.filter((r) => !before.some((b) => b.id === r.id));
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ version_id: seed.draftTwo.id, party_id: seed.krf, channel: 'docx' });
    const [audit] = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'brief.export')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(JSON.parse(audit!.detail)).toMatchObject({
      versionId: seed.draftTwo.id,
      partyId: seed.krf,
      format: 'docx',
      fingerprintId: fresh[0]!.id,
    });
    const trace = await traceLeak(ctx().database, { text: await leakedTextOf(res.rawPayload, 'brief.docx') });
    expect(trace.verdict).toBe('identified');
    expect(trace.best?.recipient.email).toBe('lead@karst.example');
  });

  it('gives the same brief as a PDF with pages and the same text', async () => {
    const { res, text } = await brief('lead@karst.example', `format=pdf&party=${seed.krf}`);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(2);
    expectKarstBrief(text);
  });

  it("gives the mediator the working draft with one party's stances, or every party's", async () => {
    const before = (await ctx().database.db.selectFrom('text_fingerprints').select('id').execute()).length;
    const karst = (await brief(ctx().demo.mediatorEmail, `format=docx&party=${seed.krf}`)).text;
    for (const t of draftOnly) expect(has(karst, t), t).toBe(true);
    expect(has(karst, 'Karst Federation holds Draft 2')).toBe(true);
    expect(has(karst, 'Karst Federation: Support with reservations')).toBe(true);
    // Shared with the mediator, so in the mediator's brief.
    expect(has(karst, seed.text.krfRationale)).toBe(true);
    expect(has(karst, seed.text.krfSubmitted)).toBe(true);
    expect(has(karst, seed.text.krfDraft)).toBe(false);
    expect(has(karst, 'Republic of Veloria:')).toBe(false);
    expect(has(karst, seed.text.velAmendment)).toBe(false);
    expect(has(karst, seed.text.velMeeting)).toBe(false);

    const all = (await brief(ctx().demo.mediatorEmail, 'format=pdf&party=all')).text;
    expect(has(all, 'Prepared for All parties')).toBe(true);
    expect(has(all, 'Republic of Veloria: Oppose · priority 5 · as of Draft 3')).toBe(true);
    expect(has(all, 'Karst Federation: Support with reservations')).toBe(true);
    expect(has(all, seed.text.velAmendment)).toBe(true);
    expect(has(all, seed.text.velAmendmentWhy)).toBe(true);
    expect(has(all, seed.text.velMeeting)).toBe(true);
    expect(has(all, seed.text.krfMeeting)).toBe(true);
    // Veloria keeps its rationale to itself; Karst's drafts are its own.
    expect(has(all, seed.text.velRationale)).toBe(false);
    expect(has(all, seed.text.krfDraft)).toBe(false);
    // The working draft is the mediator team's own text: no marked copy.
    expect((await ctx().database.db.selectFrom('text_fingerprints').select('id').execute()).length).toBe(
      before,
    );
  });

  it('refuses bad input and other parties’ briefs', async () => {
    const mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const karst = await ctx().signIn('lead@karst.example');
    const bad = await mediator.get(url('format=xls'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.format');
    expect((await mediator.get(url('party=all'))).json().errors[0].field).toBe('query.format');
    const unknown = await mediator.get(url('format=docx&party=pty_nope'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].field).toBe('query.party');
    for (const party of [seed.vel, 'all', 'pty_nope']) {
      const res = await karst.get(url(`format=docx&party=${party}`));
      expect([403, 404], party).toContain(res.statusCode);
      expect(res.body).not.toContain('Veloria');
    }
    // Another party's id and an unknown one answer alike: nothing to learn from the difference.
    const [vel, nope] = await Promise.all([
      karst.get(url(`format=docx&party=${seed.vel}`)),
      karst.get(url('format=docx&party=pty_nope')),
    ]);
    expect(vel.statusCode).toBe(nope.statusCode);
    expect((await karst.get(`/api/v1/plans/pln_nope/brief?format=docx`)).statusCode).toBe(404);
    const outsider = await ctx().outsider();
    expect((await outsider.get(url('format=pdf'))).statusCode).toBe(404);
    const observer = await brief('observer@bcc.example', 'format=docx');
    expect(has(observer.text, 'Prepared for Basin Cooperation Council')).toBe(true);
    expect(has(observer.text, seed.text.krfMeeting)).toBe(false);
  });
});

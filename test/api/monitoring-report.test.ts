import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { expectProblem, problemFields } from '../support/factories.ts';
import {
  REPORT_TEXT,
  seedAgreement,
  seedReportAgreement,
  userId,
} from '../support/monitoring-report-rows.ts';
import { demoIds } from '../support/negotiation-rows.ts';
import { pdfText, squeeze } from '../support/pdf-text.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

/** The text of a Word file's body, as its runs hold it. */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const has = (text: string, phrase: string) => squeeze(text).includes(squeeze(phrase));

describeEachDatabase('implementation report', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let url: (query: string) => string;
  let unreleasedUrl: (query: string) => string;
  let seeded: Awaited<ReturnType<typeof seedReportAgreement>>;

  /** Downloads a report and returns the response with the file's text. */
  const report = async (client: Client, query: string, at = url) => {
    const res = await client.get(at(query));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const text = query.includes('format=pdf') ? pdfText(res.rawPayload) : await docxText(res.rawPayload);
    return { res, text };
  };

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    const ids = await demoIds(ctx());
    const draftTwo = ids.version('Draft 2');
    const mediatorId = await userId(ctx().database, ctx().demo.mediatorEmail);
    seeded = await seedReportAgreement(
      ctx().database,
      {
        processId: ids.processId,
        planId: ids.planId,
        versionId: draftTwo.id,
        mediatorId,
        pointIds: draftTwo.content.points.map((p) => p.id),
      },
      { vel: ids.party('VEL'), krf: ids.party('KRF') },
    );
    url = (query) => `/api/v1/processes/${ids.processId}/agreements/${seeded.agreementId}/report?${query}`;
    // Draft 3 is held by Veloria alone: its agreement is not Karst's to see.
    const unreleased = await seedAgreement(ctx().database, {
      processId: ids.processId,
      planId: ids.planId,
      versionId: ids.version('Draft 3').id,
      createdBy: mediatorId,
      title: 'Agreement on Draft 3',
      commitments: [{ title: 'A commitment on Draft 3' }],
    });
    unreleasedUrl = (query) =>
      `/api/v1/processes/${ids.processId}/agreements/${unreleased.agreementId}/report?${query}`;
  });

  const expectCurrentReport = (text: string) => {
    for (const phrase of [
      'Implementation report',
      REPORT_TEXT.title,
      'Adopted version: Draft 2',
      'Entry into force:',
      'Republic of Veloria (signature',
      'Karst Federation (signature',
      'Phases: Phase one; Phase two',
      // 3 + 1 of 12 score points.
      '33.3 % implemented — 4 of 12 score points across 4 commitments (2 scored)',
      'Completed: 1',
      'Overdue: 1',
      'In progress: 1',
      'Breached: 1',
      'Implementation over time',
      'Implementation by party',
      'Progress on quantity targets',
      REPORT_TEXT.hostages,
      REPORT_TEXT.weapons,
      REPORT_TEXT.remains,
      REPORT_TEXT.crossings,
      '20 / 20 living hostages (100 %)',
      '10 / 28 remains (35.7 %)',
      '3 — full',
      '1 — minimal',
      `Score justification: ${REPORT_TEXT.fullJustification}`,
      `Score justification: ${REPORT_TEXT.minimalJustification}`,
      'No deadline',
    ])
      expect(has(text, phrase), phrase).toBe(true);
    // Titles and states: nothing of the commitments' descriptions or the progress notes.
    expect(has(text, 'Confidential description')).toBe(false);
    expect(has(text, 'Crossing closed again')).toBe(false);
  };

  it('exports the report as Word, with the charts as pictures, and audits it', async () => {
    const { res, text } = await report(mediator, 'format=docx');
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Implementation-report-Orlen-valley-truce-report-test-as-of-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expectCurrentReport(text);
    expect(has(text, 'Prepared for Office of the Special Envoy')).toBe(true);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const images = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    // Over time, by area, by party, quantity targets.
    expect(images).toHaveLength(4);
    for (const image of images) {
      const bytes = await zip.file(image)!.async('uint8array');
      expect(Buffer.from(bytes.subarray(1, 4)).toString('latin1')).toBe('PNG');
    }
    const header = await zip.file('word/header1.xml')?.async('string');
    expect(header ?? '').toContain('Confidential — prepared for Office of the Special Envoy');

    const [audit] = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'monitoring_report.export')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(audit).toMatchObject({ subject_type: 'agreement', subject_id: seeded.agreementId });
    expect(JSON.parse(audit!.detail)).toMatchObject({ format: 'docx', label: 'Draft 2' });
    expect(audit!.detail).not.toContain(REPORT_TEXT.hostages);
  });

  it('exports the same report as a PDF with the charts drawn as vectors', async () => {
    const { res, text } = await report(mediator, 'format=pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.headers['content-disposition']).toMatch(/\.pdf"$/);
    expect(res.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(2);
    expectCurrentReport(text);
    // The charts' labels are text in the PDF, not pixels.
    expect(has(text, '100 %')).toBe(true);
    expect(has(text, '20 / 20 living hostages')).toBe(true);
  });

  it('reports as of an earlier date: the states, scores and justifications of that day', async () => {
    const asOf = encodeURIComponent(seeded.day(2.5));
    for (const format of ['docx', 'pdf']) {
      const { text } = await report(mediator, `format=${format}&asOf=${asOf}`);
      // The hostages were all out by day 2; the score of day 3 did not exist yet.
      expect(has(text, 'Completed: 1'), format).toBe(true);
      expect(has(text, 'Not started: 3'), format).toBe(true);
      expect(has(text, 'Overdue: 0'), format).toBe(true);
      expect(
        has(text, '0 % implemented — 0 of 12 score points across 4 commitments (0 scored)'),
        format,
      ).toBe(true);
      expect(has(text, REPORT_TEXT.fullJustification), format).toBe(false);
      expect(has(text, REPORT_TEXT.minimalJustification), format).toBe(false);
      expect(has(text, '0 / 28 remains'), format).toBe(true);
    }
  });

  it('gives the report to every party holding the version, and to nobody else', async () => {
    const karst = await ctx().signIn('lead@karst.example');
    const { text } = await report(karst, 'format=docx');
    expect(has(text, 'Prepared for Karst Federation')).toBe(true);
    const observer = await ctx().signIn('observer@bcc.example');
    expect((await observer.get(url('format=pdf'))).statusCode).toBe(200);

    // Not Karst's: the same "not found" as an agreement that does not exist.
    expectProblem(await karst.get(unreleasedUrl('format=docx')), 404, 'agreement.not_found');
    const veloria = await ctx().signIn('lead@veloria.example');
    expect((await veloria.get(unreleasedUrl('format=docx'))).statusCode).toBe(200);
    const outsider = await ctx().outsider();
    expectProblem(await outsider.get(url('format=docx')), 404);
    expectProblem(
      await mediator.get(`/api/v1/processes/${ctx().demo.processId}/agreements/agr_nope/report?format=pdf`),
      404,
      'agreement.not_found',
    );
  });

  it('refuses a bad format or date, naming the field', async () => {
    const bad = await mediator.get(url('format=xls'));
    expectProblem(bad, 400, 'validation.failed');
    expect(problemFields(bad)).toEqual(['query.format']);
    expect(problemFields(await mediator.get(url('asOf=2027-03-01')))).toEqual(['query.format']);
    for (const asOf of ['yesterday', '2027-02-30', '2027-13-01T00:00:00Z', '2027-03-01T12:00']) {
      const res = await mediator.get(url(`format=pdf&asOf=${encodeURIComponent(asOf)}`));
      expectProblem(res, 400, 'validation.failed');
      expect(problemFields(res), asOf).toEqual(['query.asOf']);
    }
  });
});

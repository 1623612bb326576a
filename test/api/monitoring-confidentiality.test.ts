import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { editDraft, readDraft, type TokenClient, tokenClient } from '../support/factories.ts';
import { adoptThroughApi, commitThroughApi } from '../support/monitoring-factories.ts';
import { type DemoIds, demoIds } from '../support/negotiation-rows.ts';
import { pdfText, squeeze } from '../support/pdf-text.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

/**
 * An attacker's review of implementation monitoring: agreements, commitments, status, reports,
 * and zones. An agreement adopted on Draft 3 (released to Veloria alone) must not be
 * learnt of by anyone else — not its title, text, commitments, zones, nor that it exists — and no
 * answer may carry the working draft's wording in place of the adopted text. Event reports are
 * attacked in monitoring-confidentiality-events.test.ts, live events and webhooks in
 * monitoring-confidentiality-outbound.test.ts.
 */

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const OBSERVER = 'observer@bcc.example';
const MONITOR = 'monitor@ccv.example';
const MEDIATOR = 'envoy@envoy.example';

/** What only the Draft 3 agreement says: for Veloria and the mediator team. */
const MARK = {
  d3Title: 'QXDTHREEAGREEMENT',
  d3Phase: 'QXDTHREEPHASE',
  d3PhaseText: 'QXDTHREEPHASETEXT',
  d3Commitment: 'QXDTHREECOMMITMENT',
  d3Description: 'QXDTHREEDESCRIPTION',
  d3Verify: 'QXDTHREEVERIFY',
  d3Unit: 'QXDTHREEUNIT',
  d3Note: 'QXDTHREENOTE',
  d3Justification: 'QXDTHREEJUSTIFICATION',
  d3Evidence: 'QXDTHREEEVIDENCE',
  d3Zone: 'QXDTHREEZONE',
} as const;
/** The Draft 2 commitment's wording: readable by every holder, quoted by no audit entry. */
const D2 = { description: 'QXDTWODESCRIPTION', verify: 'QXDTWOVERIFY', note: 'QXDTWONOTE', why: 'QXDTWOWHY' };
/** What the mediator writes into the working draft after adoption: no commitment may show it. */
const MARK_DRAFT = {
  title: 'QXWORKINGDRAFTTITLE',
  area: 'QXWORKINGDRAFTSECTION',
  text: 'QXWORKINGDRAFTWORDING',
};
const EIF = { local: '2025-03-20T12:00', zone: 'Europe/Zurich' };

/** Every string inside a JSON value, one a line: what a reader of the response can read. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** The text of every XML part of a Word file: body, headers, footers, document properties. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml'));
  const xml = (await Promise.all(parts.map((name) => zip.file(name)!.async('string')))).join('\n');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const plain = (text: string) => squeeze(text.replace(/[*_`\\]/g, ''));

/** Two refusals alike but for the id asked about: nothing tells a real one from a made-up one. */
function sameRefusal(a: LightMyRequestResponse, b: LightMyRequestResponse, ids: [string, string]) {
  const norm = (res: LightMyRequestResponse, id: string) => ({
    status: res.statusCode,
    body: res.body.replaceAll(id, '<id>'),
  });
  expect(norm(a, ids[0])).toEqual(norm(b, ids[1]));
  expect(a.statusCode).toBeGreaterThanOrEqual(400);
}

/** Sends each probe about a real id and about a made-up one, one at a time: the answers must match. */
async function probeAlike(
  probes: (id: string) => (() => Promise<LightMyRequestResponse>)[],
  real: string,
  madeUp: string,
) {
  const [a, b] = [probes(real), probes(madeUp)];
  for (let i = 0; i < a.length; i++) sameRefusal(await a[i]!(), await b[i]!(), [real, madeUp]);
}

const square = (lon: number, lat: number, name: string) => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name, kind: 'buffer_zone' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + 0.1, lat],
            [lon + 0.1, lat + 0.1],
            [lon, lat + 0.1],
            [lon, lat],
          ],
        ],
      },
    },
  ],
});

describeEachDatabase(
  'monitoring confidentiality: agreements, commitments, status, reports, zones',
  (dialect) => {
    const ctx = useTestApp(dialect);
    let ids: DemoIds;
    let mediator: Client;
    let monitor: Client;
    let processId: string;
    let d2: { id: string; content: PlanContent };
    let d3: { id: string; content: PlanContent };
    let draftThreePoint: string;
    let heldPoint: string;
    /** Squeezed wording only Draft 3 has, as derived commitments of its agreement carry it. */
    let d3Fragments: string[];
    const on = { d2: '', d3: '', d2Commitment: '', d3Commitment: '', d3Zone: '', event: '' };
    let d3CommitmentIds: string[];
    const proc = (path = '') => `/api/v1/processes/${processId}${path}`;
    const ok = (res: LightMyRequestResponse, status = 200) => {
      expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
      return res.json();
    };

    beforeAll(async () => {
      ids = await demoIds(ctx());
      processId = ids.processId;
      [mediator, monitor] = await Promise.all([ctx().signIn(MEDIATOR), ctx().signIn(MONITOR)]);
      d2 = ids.version('Draft 2');
      d3 = ids.version('Draft 3');
      const heldIds = new Set(d2.content.points.map((p) => p.id));
      draftThreePoint = d3.content.points.find((p) => !heldIds.has(p.id))!.id;
      heldPoint = d2.content.points[0]!.id;
      const held = plain(d2.content.points.map((p) => p.text).join('\n'));
      d3Fragments = d3.content.points.flatMap((p) => {
        const text = plain(p.text);
        for (let at = 0; at + 40 <= text.length; at += 10)
          if (!held.includes(text.slice(at, at + 40))) return [text.slice(at, at + 40)];
        return [];
      });
      expect(d3Fragments.length).toBeGreaterThan(0);

      // The working draft moves on from what is adopted: a new title, section name and wording.
      const draft = await readDraft(mediator, ids.planId);
      const point = draft.content.points.find((p) => p.id === heldPoint)!;
      let revision = draft.revision;
      for (const op of [
        { type: 'updatePlan', title: MARK_DRAFT.title },
        { type: 'renameArea', areaId: point.areaId, title: MARK_DRAFT.area },
        { type: 'updatePoint', pointId: point.id, text: `${point.text} ${MARK_DRAFT.text}` },
      ])
        revision = ok(await editDraft(mediator, ids.planId, revision, op)).revision;

      // Draft 2, held by every party: an agreement with derived and hand-written commitments.
      on.d2 = (await adoptThroughApi(mediator, processId, { versionId: d2.id, entryIntoForce: EIF })).id;
      ok(
        await mediator.post(proc(`/agreements/${on.d2}/commitments/derive`), { granularity: 'points' }),
        201,
      );
      on.d2Commitment = (
        await commitThroughApi(mediator, processId, on.d2, {
          title: 'Withdraw to the agreed line',
          description: D2.description,
          verificationMethod: D2.verify,
          pointId: heldPoint,
          partyIds: [ids.party('KRF')],
          deadline: { kind: 'after_entry_into_force', amount: 72, unit: 'hours' },
        })
      ).id;
      const c2 = proc(`/commitments/${on.d2Commitment}`);
      ok(
        await monitor.post(`${c2}/progress`, {
          occurredAt: '2025-03-21T08:00:00Z',
          kind: 'completed',
          note: D2.note,
        }),
        201,
      );
      ok(
        await monitor.post(`${c2}/scores`, {
          score: 3,
          justification: D2.why,
          effectiveAt: '2025-03-22T00:00:00Z',
        }),
        201,
      );
      ok(await monitor.post(proc(`/agreements/${on.d2}/zones`), { geojson: square(20, 45, 'Buffer strip') }));

      // Draft 3, Veloria's alone: everything about this agreement is marked.
      on.d3 = (
        await adoptThroughApi(mediator, processId, {
          versionId: d3.id,
          title: MARK.d3Title,
          entryIntoForce: EIF,
          signatures: [{ partyId: ids.party('VEL'), kind: 'signature', signedOn: '2025-03-19' }],
          phases: [{ name: MARK.d3Phase, description: MARK.d3PhaseText }],
        })
      ).id;
      on.d3Commitment = (
        await commitThroughApi(mediator, processId, on.d3, {
          title: MARK.d3Commitment,
          description: MARK.d3Description,
          verificationMethod: MARK.d3Verify,
          pointId: draftThreePoint,
          targetQuantity: 10,
          targetUnit: MARK.d3Unit,
          partyIds: [ids.party('VEL'), ids.party('KRF')],
          deadline: { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
        })
      ).id;
      ok(
        await mediator.post(proc(`/agreements/${on.d3}/commitments/derive`), { granularity: 'points' }),
        201,
      );
      const c3 = proc(`/commitments/${on.d3Commitment}`);
      ok(
        await mediator.post(`${c3}/progress`, {
          occurredAt: '2025-03-25T08:00:00Z',
          kind: 'progress',
          quantity: 4,
          note: MARK.d3Note,
        }),
        201,
      );
      ok(
        await mediator.post(`${c3}/scores`, {
          score: 1,
          justification: MARK.d3Justification,
          evidence: [{ label: MARK.d3Evidence }],
          effectiveAt: '2025-03-26T00:00:00Z',
        }),
        201,
      );
      on.d3Zone = ok(
        await mediator.post(proc(`/agreements/${on.d3}/zones`), { geojson: square(21, 45, MARK.d3Zone) }),
      ).items[0].id;
      d3CommitmentIds = (
        ok(await mediator.get(proc(`/agreements/${on.d3}/commitments`))).items as { id: string }[]
      ).map((c) => c.id);

      // A verified report of the mission's, linked to a commitment of each agreement.
      on.event = ok(
        await mediator.post(proc('/event-reports'), {
          occurredAt: '2025-03-24T10:00:00Z',
          eventType: 'Withdrawal',
          description: 'Units seen leaving the line.',
        }),
        201,
      ).eventReport.id;
      for (const status of ['under_investigation', 'verified'])
        ok(await mediator.post(proc(`/event-reports/${on.event}/status`), { status }));
      for (const commitmentId of [on.d3Commitment, on.d2Commitment])
        ok(await mediator.post(proc(`/event-reports/${on.event}/links`), { commitmentId }), 201);
    });

    /** Everything a reader can read of monitoring, view by view, as text. */
    async function everythingReadBy(c: Client | TokenClient): Promise<[string, string][]> {
      const out: [string, string][] = [];
      const json = async (name: string, url: string) => {
        const body = ok(await c.get(url));
        out.push([name, stringsOf(body).join('\n')]);
        return body;
      };
      const list = await json('agreements', proc('/agreements'));
      for (const a of list.items as { id: string }[]) {
        const at = proc(`/agreements/${a.id}`);
        await json(`agreement ${a.id}`, at);
        await json(`status ${a.id}`, `${at}/status?dueWithinHours=8760`);
        await json(`zones ${a.id}`, `${at}/zones`);
        const commitments = await json(`commitments ${a.id}`, `${at}/commitments`);
        for (const cm of commitments.items as { id: string }[])
          await json(`commitment ${cm.id}`, proc(`/commitments/${cm.id}`));
        const docx = await c.get(`${at}/report?format=docx`);
        expect(docx.statusCode).toBe(200);
        out.push([`report docx ${a.id}`, await docxText(docx.rawPayload)]);
        const pdf = await c.get(`${at}/report?format=pdf`);
        expect(pdf.statusCode).toBe(200);
        // The raw bytes too: the document information dictionary is not page text.
        out.push([`report pdf ${a.id}`, `${pdfText(pdf.rawPayload)}\n${pdf.rawPayload.toString('latin1')}`]);
      }
      await json('event reports', proc('/event-reports?limit=500'));
      await json('event map', proc('/event-reports/map'));
      await json('event imports', proc('/event-imports'));
      await json('the mission event', proc(`/event-reports/${on.event}`));
      return out;
    }

    /** What each view says that the reader may not know, by view. */
    function leaksIn(views: [string, string][]) {
      const secrets = [
        ...Object.values(MARK),
        ...Object.values(MARK_DRAFT),
        on.d3,
        d3.id,
        draftThreePoint,
        on.d3Zone,
        ...d3CommitmentIds,
        'Draft 3',
      ];
      return views.flatMap(([name, text]) => {
        const squeezed = plain(text);
        const found = [
          ...secrets.filter((s) => text.includes(s)),
          ...d3Fragments.filter((f) => squeezed.includes(f)).map((f) => `Draft 3 wording "${f}"`),
        ];
        return found.length > 0 ? [`${name}: ${found.join(', ')}`] : [];
      });
    }

    const READERS: [string, () => Promise<Client | TokenClient>][] = [
      ['a Karst delegate', () => ctx().signIn(KARST)],
      ['a BCC observer', () => ctx().signIn(OBSERVER)],
      ['the CCV monitor', () => ctx().signIn(MONITOR)],
      ["Karst's read-only token", () => tokenClient(ctx(), KARST, 'read')],
    ];

    describe('the agreement on Draft 3', () => {
      it.each(READERS)('%s reads nothing of it, nor of the working draft, in any view', async (_, reader) => {
        const views = await everythingReadBy(await reader());
        expect(leaksIn(views)).toEqual([]);
        // Not vacuous: the Draft 2 agreement, its commitment and the mission's report are there.
        const all = views.map(([, t]) => t).join('\n');
        expect(all).toContain(on.d2Commitment);
        expect(all).toContain(D2.description);
        expect(all).toContain(on.event);
      });

      it('is read in full by Veloria and the mediator (the scans above are not vacuous)', async () => {
        for (const client of [await ctx().signIn(VELORIA), mediator]) {
          const text = (await everythingReadBy(client)).map(([, t]) => t).join('\n');
          for (const m of Object.values(MARK)) expect(text).toContain(m);
          expect(d3Fragments.some((f) => plain(text).includes(f))).toBe(true);
        }
      });

      it.each(READERS)(
        '%s cannot tell it, its commitments or its zones from ones that do not exist',
        async (_, reader) => {
          const c = await reader();
          const del = (url: string) => () => c.request({ method: 'DELETE', url });
          const get = (url: string) => () => c.get(url);
          const post = (url: string, body: unknown) => () => c.post(url, body);
          await probeAlike(
            (id) => [
              get(proc(`/agreements/${id}`)),
              get(proc(`/agreements/${id}/status`)),
              get(proc(`/agreements/${id}/commitments`)),
              get(proc(`/agreements/${id}/zones`)),
              get(proc(`/agreements/${id}/report?format=pdf`)),
              get(proc(`/agreements/${id}/report?format=docx`)),
              post(proc(`/agreements/${id}/zones`), { geojson: square(22, 45, 'probe') }),
              post(proc(`/agreements/${id}/commitments`), { title: 'probe' }),
              post(proc(`/agreements/${id}/commitments/derive`), { granularity: 'points' }),
              () => c.patch(proc(`/agreements/${id}`), { revision: 1, title: 'probe' }),
            ],
            on.d3,
            'agr_doesnotexist',
          );
          await probeAlike(
            (id) => [
              get(proc(`/commitments/${id}`)),
              () => c.patch(proc(`/commitments/${id}`), { revision: 1, title: 'probe' }),
              del(proc(`/commitments/${id}`)),
              post(proc(`/commitments/${id}/progress`), {
                occurredAt: '2025-03-25T08:00:00Z',
                kind: 'progress',
              }),
              post(proc(`/commitments/${id}/scores`), { score: 1, justification: 'probe' }),
              post(proc(`/event-reports/${on.event}/links`), { commitmentId: id }),
              del(proc(`/event-reports/${on.event}/links/${id}`)),
            ],
            on.d3Commitment,
            'cmt_doesnotexist',
          );
          await probeAlike((id) => [del(proc(`/zones/${id}`))], on.d3Zone, 'zon_doesnotexist');
          // Nothing of it was touched by the probes.
          const kept = ok(await mediator.get(proc(`/commitments/${on.d3Commitment}`))).commitment;
          expect(kept).toMatchObject({ title: MARK.d3Commitment, revision: 1 });
        },
      );

      it('an outsider learns of no agreement, commitment or zone, nor of the process', async () => {
        const outsider = await ctx().outsider();
        const paths = [
          '/agreements',
          `/agreements/${on.d2}`,
          `/agreements/${on.d3}/status`,
          `/agreements/${on.d2}/commitments`,
          `/agreements/${on.d2}/zones`,
          `/agreements/${on.d2}/report?format=pdf`,
          `/commitments/${on.d2Commitment}`,
          '/event-reports',
          '/event-reports/map',
          '/event-imports',
        ];
        for (const path of paths) {
          const real = await outsider.get(proc(path));
          const made = await outsider.get(`/api/v1/processes/prc_doesnotexist${path}`);
          sameRefusal(real, made, [processId, 'prc_doesnotexist']);
          expect(real.statusCode).toBe(404);
        }
      });
    });

    describe('commitment wording', () => {
      it("comes from the adopted version, never the working draft, in the mediator's views too", async () => {
        const text = (await everythingReadBy(mediator)).map(([, t]) => t).join('\n');
        expect(Object.values(MARK_DRAFT).filter((m) => text.includes(m))).toEqual([]);
        const list = ok(await mediator.get(proc(`/agreements/${on.d2}/commitments`))).items as {
          pointId: string | null;
          area: string | null;
          description: string;
        }[];
        const point = d2.content.points[0]!;
        const adoptedArea = d2.content.areas.find((a) => a.id === point.areaId)?.title ?? null;
        const derived = list.filter((c) => c.pointId === heldPoint);
        expect(derived.length).toBeGreaterThan(0);
        for (const c of derived) expect(c.area).toBe(adoptedArea);
        expect(derived.some((c) => plain(c.description).includes(plain(point.text).slice(0, 40)))).toBe(true);
      });
    });

    describe('the audit log', () => {
      it.each(READERS)('%s cannot read it', async (_, reader) => {
        const res = await (await reader()).get(proc('/audit?limit=200'));
        expect([403, 404]).toContain(res.statusCode);
      });

      it("the mediator's view quotes no title, description, note, justification, evidence or zone", async () => {
        const text = stringsOf(ok(await mediator.get(proc('/audit?limit=200')))).join('\n');
        expect([...Object.values(MARK), ...Object.values(D2)].filter((m) => text.includes(m))).toEqual([]);
        expect(text).toContain('scored a commitment');
      });
    });

    describe("the monitor's read-only token", () => {
      it('records no progress or score, imports no zone, deletes none', async () => {
        const token = await tokenClient(ctx(), MONITOR, 'read');
        const count = async () =>
          Number(
            (
              await ctx()
                .database.db.selectFrom('audit_log')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        const zone = ok(await monitor.get(proc(`/agreements/${on.d2}/zones`))).items[0].id as string;
        const before = await count();
        const c2 = proc(`/commitments/${on.d2Commitment}`);
        for (const res of [
          await token.post(`${c2}/progress`, { occurredAt: '2025-03-25T08:00:00Z', kind: 'breached' }),
          await token.post(`${c2}/scores`, { score: 0, justification: 'read-only' }),
          await token.post(proc(`/agreements/${on.d2}/zones`), { geojson: square(23, 45, 'read-only') }),
          await token.request({ method: 'DELETE', url: proc(`/zones/${zone}`) }),
        ])
          expect(res.statusCode, res.body).toBe(403);
        expect(await count()).toBe(before);
      });
    });
  },
);

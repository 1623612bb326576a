import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type TokenClient, tokenClient } from '../support/factories.ts';
import { adoptThroughApi, commitThroughApi } from '../support/monitoring-factories.ts';
import { type DemoIds, demoIds } from '../support/negotiation-rows.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

/**
 * An attacker's review of event reports and imports: another party's allegation stays with the
 * mission and its filer until verified — in lists, filters, text search, the map, cursors,
 * commitment pages, score evidence, import history, the audit view — and a verified one does not
 * say which member filed it. An import's cell contents and file name stay with the mission.
 */

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const OBSERVER = 'observer@bcc.example';
const MONITOR = 'monitor@ccv.example';
const MEDIATOR = 'envoy@envoy.example';

/** Veloria's allegation, under investigation: every field of it marked. */
const ALLEGATION = {
  occurredAt: '2031-04-02T06:40:00Z',
  placeName: 'QXVELPLACE',
  latitude: 45.31,
  longitude: 20.47,
  eventType: 'QXVELTYPE',
  subEventType: 'QXVELSUBTYPE',
  actor1: 'QXVELACTORONE',
  actor2: 'QXVELACTORTWO',
  description: 'QXVELALLEGATION',
  source: 'QXVELSOURCE',
  externalId: 'QXVELEXTERNAL',
};
const NOTE = 'QXINVESTIGATIONNOTE';
const CSV = {
  fileName: 'QXFILENAME.csv',
  dryRunName: 'QXDRYRUNNAME.csv',
  cell: 'QXCELLSECRET',
  note: 'QXCELLNOTE',
  body: [
    'event_id_cnty,event_date,event_type,sub_event_type,actor1,location,latitude,longitude,source,notes',
    'QXROW1,2030-03-01,Battles,Armed clash,Forces,Village,45.1,20.1,Herald,Imported clash',
    'QXROW2,QXCELLSECRET,Battles,Armed clash,Forces,Village,45.2,20.2,Herald,QXCELLNOTE',
    '',
  ].join('\n'),
};
const SECRETS = [...Object.values(ALLEGATION).filter((v) => typeof v === 'string'), NOTE];
SECRETS.splice(SECRETS.indexOf(ALLEGATION.occurredAt), 1);

function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/** Two refusals alike but for the id asked about. */
function sameRefusal(a: LightMyRequestResponse, b: LightMyRequestResponse, ids: [string, string]) {
  const norm = (res: LightMyRequestResponse, id: string) => ({
    status: res.statusCode,
    body: res.body.replaceAll(id, '<id>'),
  });
  expect(norm(a, ids[0])).toEqual(norm(b, ids[1]));
  expect(a.statusCode).toBeGreaterThanOrEqual(400);
}

/** A cursor is base64url JSON: what it holds is read as well as the page. */
const decodeCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

describeEachDatabase('monitoring confidentiality: event reports and imports', (dialect) => {
  const ctx = useTestApp(dialect);
  let ids: DemoIds;
  let mediator: Client;
  let monitor: Client;
  let veloria: Client;
  const on = { d2: '', commitment: '', allegation: '', verified: '', karstOwn: '', importId: '' };
  let velDelegate: { id: string; name: string };
  const proc = (path = '') => `/api/v1/processes/${ids.processId}${path}`;
  const events = (path = '') => proc(`/event-reports${path}`);
  const ok = (res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
    return res.json();
  };
  const upload = (c: Client | TokenClient, query: string) =>
    c.request({
      method: 'POST',
      url: proc(`/event-imports?${query}`),
      headers: { 'content-type': 'text/csv' },
      payload: CSV.body,
    });
  const file = async (c: Client, body: Record<string, unknown>) =>
    ok(await c.post(events(), { occurredAt: '2031-04-01T10:00:00Z', eventType: 'Shelling', ...body }), 201)
      .eventReport.id as string;
  const step = async (id: string, status: string, more: Record<string, unknown> = {}) =>
    ok(await monitor.post(events(`/${id}/status`), { status, ...more }));

  beforeAll(async () => {
    ids = await demoIds(ctx());
    [mediator, monitor, veloria] = await Promise.all([
      ctx().signIn(MEDIATOR),
      ctx().signIn(MONITOR),
      ctx().signIn(VELORIA),
    ]);
    const karst = await ctx().signIn(KARST);
    velDelegate = await ctx()
      .database.db.selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', VELORIA)
      .executeTakeFirstOrThrow();
    on.d2 = (await adoptThroughApi(mediator, ids.processId, { versionId: ids.version('Draft 2').id })).id;
    on.commitment = (
      await commitThroughApi(mediator, ids.processId, on.d2, { title: 'Withdraw heavy weapons' })
    ).id;

    // Veloria's allegation, under investigation, linked to the commitment and cited by its score.
    on.allegation = await file(veloria, ALLEGATION);
    await step(on.allegation, 'under_investigation', { note: NOTE });
    ok(await monitor.post(events(`/${on.allegation}/links`), { commitmentId: on.commitment }), 201);
    // Another of Veloria's, verified and attributed to Karst.
    on.verified = await file(veloria, {
      description: 'Shelling near the dam, verified.',
      latitude: 45,
      longitude: 20,
    });
    await step(on.verified, 'under_investigation');
    await step(on.verified, 'verified', { attributedPartyId: ids.party('KRF') });
    ok(
      await monitor.post(events(`/${on.verified}/links`), {
        commitmentId: on.commitment,
        progress: { kind: 'breached', note: 'Shelling from the line' },
      }),
      201,
    );
    ok(
      await monitor.post(proc(`/commitments/${on.commitment}/scores`), {
        score: 1,
        justification: 'Breaches reported',
        eventReportIds: [on.allegation, on.verified],
      }),
      201,
    );
    on.karstOwn = await file(karst, { description: 'QXKRFALLEGATION', latitude: 45.5, longitude: 20.5 });

    // The mission imports a file with one good row and one whose date cell is not a date.
    ok(await upload(monitor, `fileName=${CSV.dryRunName}&dryRun=true&skipInvalid=true`));
    const imported = ok(await upload(monitor, `fileName=${CSV.fileName}&skipInvalid=true`));
    expect(imported).toMatchObject({ ok: true, imported: 1, rejected: 1 });
    // The importer is told what was wrong with their own file, cell and all.
    expect(JSON.stringify(imported.problems)).toContain(CSV.cell);
    on.importId = imported.importId;
  });

  /** Every view of event reports a reader has, as text: lists (every page, with filters), map, pages. */
  async function eventViews(c: Client | TokenClient): Promise<[string, string][]> {
    const out: [string, string][] = [];
    const json = async (name: string, url: string) => {
      const body = ok(await c.get(url));
      out.push([name, [...stringsOf(body), body.nextCursor ? decodeCursor(body.nextCursor) : ''].join('\n')]);
      return body;
    };
    let cursor: string | null = null;
    let page = 0;
    do {
      const body = await json(`list page ${++page}`, events(`?limit=50${cursor ? `&cursor=${cursor}` : ''}`));
      cursor = body.nextCursor;
    } while (cursor);
    const filters = [
      `type=${ALLEGATION.eventType}`,
      'status=under_investigation',
      `q=${ALLEGATION.description}`,
      `q=${ALLEGATION.placeName}`,
      `q=${ALLEGATION.actor2}`,
      `q=${ALLEGATION.source}`,
      `partyId=${ids.party('KRF')}`,
      'from=2031-04-02T00:00:00Z&to=2031-04-03T00:00:00Z',
    ];
    for (const f of filters) await json(`list ?${f}`, events(`?limit=500&${f}`));
    for (const f of ['', `?type=${ALLEGATION.eventType}`, '?status=under_investigation'])
      await json(`map${f}`, events(`/map${f}`));
    await json('commitments', proc(`/agreements/${on.d2}/commitments`));
    await json('status', proc(`/agreements/${on.d2}/status`));
    const detail = await json('commitment', proc(`/commitments/${on.commitment}`));
    for (const e of detail.commitment.events as { id: string }[])
      await json(`event ${e.id}`, events(`/${e.id}`));
    await json('event imports', proc('/event-imports'));
    return out;
  }

  const OTHERS: [string, () => Promise<Client | TokenClient>][] = [
    ['a Karst delegate', () => ctx().signIn(KARST)],
    ['a BCC observer', () => ctx().signIn(OBSERVER)],
    ["Karst's read-only token", () => tokenClient(ctx(), KARST, 'read')],
  ];

  describe("Veloria's unverified allegation", () => {
    it.each(OTHERS)('%s finds nothing of it in any list, filter, map, page or cursor', async (_, reader) => {
      const views = await eventViews(await reader());
      const leaks = views.flatMap(([name, text]) => {
        const found = [...SECRETS, on.allegation].filter((s) => text.includes(s));
        return found.length > 0 ? [`${name}: ${found.join(', ')}`] : [];
      });
      expect(leaks).toEqual([]);
      // Not vacuous: the verified report is there, with the commitment it moved.
      expect(views.map(([, t]) => t).join('\n')).toContain(on.verified);
    });

    it('is found by Veloria and the mission in those same views (the scans are not vacuous)', async () => {
      for (const c of [veloria, monitor]) {
        const text = (await eventViews(c)).map(([, t]) => t).join('\n');
        for (const s of [...SECRETS, on.allegation]) expect(text).toContain(s);
      }
    });

    it.each(OTHERS)('%s cannot tell it from a report that does not exist', async (_, reader) => {
      const c = await reader();
      const probes = (id: string) => [
        () => c.get(events(`/${id}`)),
        () => c.patch(events(`/${id}`), { revision: 1, description: 'probe' }),
        () => c.post(events(`/${id}/status`), { status: 'dismissed' }),
        () => c.post(events(`/${id}/links`), { commitmentId: on.commitment }),
        () => c.request({ method: 'DELETE', url: events(`/${id}/links/${on.commitment}`) }),
      ];
      const [a, b] = [probes(on.allegation), probes('evt_doesnotexist')];
      for (let i = 0; i < a.length; i++)
        sameRefusal(await a[i]!(), await b[i]!(), [on.allegation, 'evt_doesnotexist']);
    });

    it('is cited by the score, but the citation is shown only to those who may read it', async () => {
      const cited = async (c: Client) =>
        (
          ok(await c.get(proc(`/commitments/${on.commitment}`))).commitment.scores as {
            eventReportIds: string[];
          }[]
        )
          .flatMap((s) => s.eventReportIds)
          .sort();
      expect(await cited(await ctx().signIn(KARST))).toEqual([on.verified]);
      expect(await cited(await ctx().signIn(OBSERVER))).toEqual([on.verified]);
      expect(await cited(veloria)).toEqual([on.allegation, on.verified].sort());
    });

    it("each reader's pages hold exactly the reports they may read: verified ones and their party's", async () => {
      for (const [email, code] of [
        [KARST, 'KRF'],
        [OBSERVER, 'BCC'],
        [VELORIA, 'VEL'],
      ] as const) {
        const c = await ctx().signIn(email);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = ok(await c.get(events(`?limit=37${cursor ? `&cursor=${cursor}` : ''}`)));
          seen.push(...(page.items as { id: string }[]).map((e) => e.id));
          cursor = page.nextCursor;
        } while (cursor);
        const readable = await ctx()
          .database.db.selectFrom('event_reports')
          .select('id')
          .where('process_id', '=', ids.processId)
          .where((eb) =>
            eb.or([eb('status', '=', 'verified'), eb('reported_by_party_id', '=', ids.party(code))]),
          )
          .execute();
        expect(seen.sort()).toEqual(readable.map((r) => r.id).sort());
      }
    });
  });

  describe('a verified allegation', () => {
    it.each(OTHERS)('%s reads it, but nothing in it names the member who filed it', async (_, reader) => {
      const c = await reader();
      const detail = ok(await c.get(events(`/${on.verified}`))).eventReport;
      const listed = (ok(await c.get(events('?limit=500'))).items as { id: string }[]).find(
        (e) => e.id === on.verified,
      );
      for (const view of [detail, listed]) {
        expect(view).toMatchObject({ id: on.verified, status: 'verified', reportedBy: null });
        const text = JSON.stringify(view);
        expect(text).not.toContain(velDelegate.id);
        expect(text).not.toContain(velDelegate.name);
      }
    });

    it('names its filer to their own party and to the mission', async () => {
      for (const c of [veloria, monitor]) {
        const view = ok(await c.get(events(`/${on.verified}`))).eventReport;
        expect(view.reportedBy).toEqual({ id: velDelegate.id, name: velDelegate.name });
        expect(view.history[0].changedBy).toEqual({ id: velDelegate.id, name: velDelegate.name });
      }
    });
  });

  describe("Karst's own allegation", () => {
    it('is read by Karst and the mission, by no other party', async () => {
      expect(
        ok(await (await ctx().signIn(KARST)).get(events(`/${on.karstOwn}`))).eventReport.description,
      ).toBe('QXKRFALLEGATION');
      expect(ok(await monitor.get(events(`/${on.karstOwn}`))).eventReport.description).toBe(
        'QXKRFALLEGATION',
      );
      for (const c of [veloria, await ctx().signIn(OBSERVER)]) {
        sameRefusal(await c.get(events(`/${on.karstOwn}`)), await c.get(events('/evt_doesnotexist')), [
          on.karstOwn,
          'evt_doesnotexist',
        ]);
        const text = JSON.stringify(ok(await c.get(events('?limit=500&q=QXKRF'))));
        expect(text).not.toContain('QXKRFALLEGATION');
        expect(JSON.stringify(ok(await c.get(events('/map'))))).not.toContain(on.karstOwn);
      }
    });
  });

  describe('imports', () => {
    const tables = async () => {
      const db = ctx().database.db;
      const [audit, imports] = await Promise.all([
        db.selectFrom('audit_log').select(['action', 'detail']).execute(),
        db.selectFrom('event_imports').selectAll().execute(),
      ]);
      return JSON.stringify({ audit, imports });
    };

    it.each([...OTHERS, ['a Veloria delegate', async () => veloria]] as typeof OTHERS)(
      '%s sees no import history, no file name',
      async (_, reader) => {
        const res = await (await reader()).get(proc('/event-imports'));
        expect(ok(res).items).toEqual([]);
        expect(res.body).not.toContain('QXFILENAME');
      },
    );

    it('the mission sees the history; no stored record keeps a cell of the file', async () => {
      const items = ok(await monitor.get(proc('/event-imports'))).items as { id: string; fileName: string }[];
      expect(items.find((i) => i.id === on.importId)?.fileName).toBe(CSV.fileName);
      // A dry run leaves no record at all.
      expect(items.map((i) => i.fileName)).not.toContain(CSV.dryRunName);
      const stored = await tables();
      for (const s of [CSV.cell, CSV.note, CSV.dryRunName]) expect(stored).not.toContain(s);
    });

    it.each(OTHERS)(
      '%s is refused an import, a dry run included, before the file is read',
      async (_, reader) => {
        const c = await reader();
        const before = await tables();
        for (const query of [`fileName=${CSV.fileName}`, 'dryRun=true']) {
          const res = await upload(c, query);
          expect(res.statusCode).toBe(403);
          expect(res.body).not.toContain(CSV.cell);
        }
        expect(await tables()).toBe(before);
      },
    );
  });

  describe('the audit view', () => {
    it("the mediator's quotes no report, note, cell or file name", async () => {
      const text = stringsOf(ok(await mediator.get(proc('/audit?limit=200')))).join('\n');
      expect(
        [...SECRETS, 'QXKRFALLEGATION', CSV.cell, CSV.note, CSV.fileName].filter((s) => text.includes(s)),
      ).toEqual([]);
      expect(text).toContain('imported 1 event report (1 row rejected)');
    });
  });

  describe('read-only tokens', () => {
    it('file, correct, verify, link and import nothing', async () => {
      const [karstRo, monitorRo] = [
        await tokenClient(ctx(), KARST, 'read'),
        await tokenClient(ctx(), MONITOR, 'read'),
      ];
      const count = async () =>
        Number(
          (
            await ctx()
              .database.db.selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      for (const res of [
        await karstRo.post(events(), {
          occurredAt: '2031-04-01T10:00:00Z',
          eventType: 'X',
          description: 'ro',
        }),
        await monitorRo.post(events(), {
          occurredAt: '2031-04-01T10:00:00Z',
          eventType: 'X',
          description: 'ro',
        }),
        await monitorRo.patch(events(`/${on.allegation}`), { revision: 2, description: 'ro' }),
        await monitorRo.post(events(`/${on.allegation}/status`), { status: 'dismissed' }),
        await monitorRo.post(events(`/${on.allegation}/links`), { commitmentId: on.commitment }),
        await upload(monitorRo, 'dryRun=true'),
      ])
        expect(res.statusCode, res.body).toBe(403);
      expect(await count()).toBe(before);
    });
  });
});

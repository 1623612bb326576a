import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stripMarks } from '../../src/domain/leak-trace/marks.ts';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { type LoadedDemo, loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import type { Database } from '../../src/store/database.ts';
import { createTestDatabase, describeEachDatabase } from '../support/databases.ts';
import {
  closeAllStreams,
  type EventStreamClient,
  type HttpUser,
  type Instance,
  openEventStream,
  signInOverHttp,
  startInstance,
} from '../support/event-stream.ts';
import { editDraft, readDraft, type TokenClient, tokenClient } from '../support/factories.ts';
import { type DemoIds, demoIds } from '../support/negotiation-rows.ts';
import { pdfText, squeeze } from '../support/pdf-text.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

/**
 * An attacker's review of the negotiation features (positions, amendments, counter-proposals,
 * comments, meetings, timeline, briefs, calendar feed, live events): a user never sees text their
 * party was not given, nor another party's records, nor learns that they exist.
 *
 * Each `it` states the behaviour as it should be; the report lists those that currently fail.
 */

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';
const OBSERVER = 'observer@bcc.example';
const MONITOR = 'monitor@ccv.example';
const MEDIATOR = 'envoy@envoy.example';

// Markers nobody else's data can contain by chance.
const MARK = {
  velPrivateRationale: 'QXVELPRIVATERATIONALE',
  velSharedRationale: 'QXVELSHAREDRATIONALE',
  velDraftText: 'QXVELDRAFTAMENDMENT',
  velDraftRationale: 'QXVELDRAFTRATIONALE',
  velSubmittedText: 'QXVELSUBMITTEDAMENDMENT',
  velWithdrawnDraft: 'QXVELWITHDRAWNDRAFT',
  velPartyComment: 'QXVELPARTYCOMMENT',
  velMediatorComment: 'QXVELMEDIATORCOMMENT',
  velMeetingTitle: 'QXVELONLYMEETING',
  velMeetingOutcome: 'QXVELONLYOUTCOME',
  krfPrivateRationale: 'QXKRFPRIVATERATIONALE',
  krfDraftText: 'QXKRFDRAFTAMENDMENT',
  krfPartyComment: 'QXKRFPARTYCOMMENT',
} as const;
/** What the mediator writes into the working draft during the test: for the mediator team only. */
const MARK_DRAFT = {
  title: 'QXWORKINGDRAFTTITLE',
  area: 'QXWORKINGDRAFTSECTION',
  text: 'QXWORKINGDRAFTWORDING',
} as const;
const VEL_MARKS = Object.entries(MARK)
  .filter(([k]) => k.startsWith('vel'))
  .map(([, v]) => v);
const KRF_MARKS = Object.entries(MARK)
  .filter(([k]) => k.startsWith('krf'))
  .map(([, v]) => v);
/** What Veloria keeps from the mediator (and everyone else). */
const VEL_PRIVATE = [
  MARK.velPrivateRationale,
  MARK.velDraftText,
  MARK.velDraftRationale,
  MARK.velWithdrawnDraft,
  MARK.velPartyComment,
];

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

/** Plain point text, squeezed: markdown marks and whitespace out, so a fragment matches anywhere. */
const plain = (text: string) => squeeze(text.replace(/[*_`\\]/g, ''));

/** Compares two refusals, with the ids the caller sent taken out of their text. */
function sameRefusal(a: LightMyRequestResponse, b: LightMyRequestResponse, ids: [string, string]) {
  const norm = (res: LightMyRequestResponse, id: string) => ({
    status: res.statusCode,
    body: res.body.replaceAll(id, '<id>'),
  });
  expect(norm(a, ids[0])).toEqual(norm(b, ids[1]));
}

describeEachDatabase('negotiation confidentiality', (dialect) => {
  const ctx = useTestApp(dialect);
  let ids: DemoIds;
  let mediator: Client;
  let karst: Client;
  let veloria: Client;
  let karstReadOnly: TokenClient;
  let planId: string;
  let processId: string;
  let vel: string;
  let krf: string;
  let draftTwo: { id: string; content: PlanContent };
  let draftThree: { id: string; content: PlanContent };
  /** A point of Draft 3 (and the draft) that Draft 2 does not have: Karst may not know of it. */
  let draftThreePoint: string;
  /** A point of Draft 2, which Karst holds. */
  let heldPoint: string;
  /** Wording only Draft 1, Draft 3 or the working draft has (squeezed fragments), and their point ids. */
  let unheldFragments: { fragment: string; from: string }[];
  let unheldPointIds: string[];
  const created = {
    velDraft: '',
    velSubmitted: '',
    velWithdrawn: '',
    velPartyThread: '',
    velMediatorThread: '',
    velMeeting: '',
    jointMeeting: '',
    krfDraft: '',
    krfPartyThread: '',
  };

  const plan = (path = '') => `/api/v1/plans/${planId}${path}`;
  const proc = (path = '') => `/api/v1/processes/${processId}${path}`;
  const ok = (res: LightMyRequestResponse, status = 200) => {
    expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    ids = await demoIds(ctx());
    planId = ids.planId;
    processId = ids.processId;
    vel = ids.party('VEL');
    krf = ids.party('KRF');
    draftTwo = ids.version('Draft 2');
    draftThree = ids.version('Draft 3');
    [mediator, karst, veloria] = await Promise.all([
      ctx().signIn(MEDIATOR),
      ctx().signIn(KARST),
      ctx().signIn(VELORIA),
    ]);
    karstReadOnly = await tokenClient(ctx(), KARST, 'read');

    // What Karst does not hold: Draft 1, Draft 3 and the working draft, less what Draft 2 says too.
    const working = (await readDraft(mediator, planId)).content as PlanContent;
    const held = plain(draftTwo.content.points.map((p) => p.text).join('\n'));
    const heldIds = new Set(draftTwo.content.points.map((p) => p.id));
    const others: [string, PlanContent][] = [
      ['Draft 1', ids.version('Draft 1').content],
      ['Draft 3', draftThree.content],
      ['working draft', working],
    ];
    unheldFragments = [];
    // Karst's own amendment texts are Karst's words even where a later text took them in.
    const ownAsks = (
      ok(await karst.get(plan('/amendments'))).groups as { amendments: { text: string }[] }[]
    ).flatMap((g) => g.amendments.map((a) => plain(a.text)));
    for (const [from, content] of others) {
      for (const point of content.points) {
        const text = plain(point.text);
        // A 40-character window of this wording that is nowhere in Draft 2 nor in Karst's own asks.
        for (let at = 0; at + 40 <= text.length; at += 10) {
          const fragment = text.slice(at, at + 40);
          if (!held.includes(fragment) && !ownAsks.some((s) => s.includes(fragment))) {
            unheldFragments.push({ fragment, from: `${from} point ${point.number}` });
            break;
          }
        }
      }
    }
    unheldPointIds = [
      ...new Set(others.flatMap(([, c]) => c.points.map((p) => p.id)).filter((id) => !heldIds.has(id))),
    ];
    draftThreePoint = draftThree.content.points.find((p) => !heldIds.has(p.id))!.id;
    heldPoint = draftTwo.content.points[0]!.id;
    expect(unheldFragments.length).toBeGreaterThan(3);

    // The working draft moves on: a new title, a renamed section, new wording in a held point.
    const draft = await readDraft(mediator, planId);
    const heldInDraft = draft.content.points.find((p) => heldIds.has(p.id))!;
    let revision = draft.revision;
    for (const op of [
      { type: 'updatePlan', title: MARK_DRAFT.title },
      { type: 'renameArea', areaId: heldInDraft.areaId, title: MARK_DRAFT.area },
      { type: 'updatePoint', pointId: heldInDraft.id, text: `${heldInDraft.text} ${MARK_DRAFT.text}` },
    ]) {
      revision = ok(await editDraft(mediator, planId, revision, op)).revision;
    }
    expect(unheldPointIds.length).toBeGreaterThan(0);

    // Veloria's records, on a point only Draft 3 has: stances, rationales, amendments, threads.
    ok(
      await veloria.post(plan('/positions'), {
        pointId: draftThreePoint,
        versionId: draftThree.id,
        stance: 'oppose',
        priority: 5,
        rationale: MARK.velPrivateRationale,
        rationaleShared: false,
      }),
      201,
    );
    ok(
      await veloria.post(plan('/positions'), {
        pointId: heldPoint,
        versionId: draftThree.id,
        stance: 'reservations',
        priority: 2,
        rationale: MARK.velSharedRationale,
        rationaleShared: true,
      }),
      201,
    );
    const amend = async (text: string, submit: boolean, rationale = '') =>
      ok(
        await veloria.post(plan('/amendments'), {
          kind: 'replace',
          baseVersionId: draftThree.id,
          pointId: draftThreePoint,
          text,
          rationale,
          submit,
        }),
        201,
      ).amendment.id as string;
    created.velDraft = await amend(MARK.velDraftText, false, MARK.velDraftRationale);
    created.velSubmitted = await amend(MARK.velSubmittedText, true);
    created.velWithdrawn = await amend(MARK.velWithdrawnDraft, false);
    ok(await veloria.post(plan(`/amendments/${created.velWithdrawn}/withdraw`), {}));
    created.velPartyThread = ok(
      await veloria.post(plan('/comments'), {
        pointId: draftThreePoint,
        body: MARK.velPartyComment,
        visibility: 'party',
      }),
      201,
    ).thread.id;
    created.velMediatorThread = ok(
      await veloria.post(plan('/comments'), {
        pointId: draftThreePoint,
        body: MARK.velMediatorComment,
        visibility: 'mediator',
      }),
      201,
    ).thread.id;

    // Karst's own records, on a point it holds.
    ok(
      await karst.post(plan('/positions'), {
        pointId: heldPoint,
        versionId: draftTwo.id,
        stance: 'support',
        priority: 3,
        rationale: MARK.krfPrivateRationale,
        rationaleShared: false,
      }),
      201,
    );
    created.krfDraft = ok(
      await karst.post(plan('/amendments'), {
        kind: 'replace',
        baseVersionId: draftTwo.id,
        pointId: heldPoint,
        text: MARK.krfDraftText,
      }),
      201,
    ).amendment.id;
    created.krfPartyThread = ok(
      await karst.post(plan('/comments'), { pointId: heldPoint, body: MARK.krfPartyComment }),
      201,
    ).thread.id;

    // Meetings: one with Veloria alone (Draft 3 presented), one with both (Draft 2 and Draft 3 presented).
    const meeting = async (title: string, partyIds: string[], versionIds: string[], outcome = '') =>
      ok(
        await mediator.post(proc('/meetings'), {
          title,
          startsAt: '2027-03-01T10:00',
          endsAt: '2027-03-01T12:00',
          timeZone: 'Europe/Zurich',
          placeKind: 'video',
          place: 'Secure link',
          participants: partyIds.map((partyId) => ({ partyId })),
          versions: versionIds.map((versionId) => ({ versionId, role: 'presented' })),
          outcome,
        }),
        201,
      ).meeting.id as string;
    created.velMeeting = await meeting(MARK.velMeetingTitle, [vel], [draftThree.id], MARK.velMeetingOutcome);
    created.jointMeeting = await meeting('Joint technical session', [vel, krf], [draftTwo.id, draftThree.id]);
  });

  // ---------------------------------------------------------------------------------------------
  // What Karst reads: nothing of Draft 1, Draft 3 or the working draft, nothing of Veloria's.

  /** Each view a Karst delegate has of the negotiation, as the text it can read. */
  const karstViews: [string, () => Promise<string>][] = [
    ['positions matrix', async () => stringsOf(ok(await karst.get(plan('/positions')))).join('\n')],
    ['positions summary', async () => stringsOf(ok(await karst.get(plan('/positions/summary')))).join('\n')],
    [
      'position history',
      async () =>
        stringsOf(ok(await karst.get(plan(`/positions/history?pointId=${heldPoint}&partyId=${krf}`)))).join(
          '\n',
        ),
    ],
    ['amendment list', async () => stringsOf(ok(await karst.get(plan('/amendments')))).join('\n')],
    [
      'amendment details',
      async () => {
        const list = ok(await karst.get(plan('/amendments')));
        const out: string[] = [];
        for (const group of list.groups)
          for (const a of group.amendments)
            out.push(...stringsOf(ok(await karst.get(plan(`/amendments/${a.id}`)))));
        return out.join('\n');
      },
    ],
    ['comment threads', async () => stringsOf(ok(await karst.get(plan('/comments')))).join('\n')],
    [
      'meetings and their details',
      async () => {
        const list = ok(await karst.get(proc('/meetings')));
        const out = stringsOf(list);
        for (const m of list.items) out.push(...stringsOf(ok(await karst.get(proc(`/meetings/${m.id}`)))));
        return out.join('\n');
      },
    ],
    ['timeline', async () => stringsOf(ok(await karst.get(proc('/timeline')))).join('\n')],
    [
      'calendar feed (.ics)',
      async () => {
        const created = ok(await karst.post(proc('/calendar-feed')), 201);
        const res = await ctx().app.inject({ method: 'GET', url: new URL(created.url).pathname });
        expect(res.statusCode).toBe(200);
        // Unfold lines (RFC 5545 3.1) and unescape text values.
        return res.body
          .replace(/\r?\n[ \t]/g, '')
          .replace(/\\([,;\\])/g, '$1')
          .replace(/\\n/gi, '\n');
      },
    ],
    [
      'brief (docx)',
      async () => {
        const res = await karst.get(plan('/brief?format=docx'));
        expect(res.statusCode).toBe(200);
        return stripMarks(await docxText(res.rawPayload), { spacing: true });
      },
    ],
    [
      'brief (pdf)',
      async () => {
        const res = await karst.get(plan('/brief?format=pdf'));
        expect(res.statusCode).toBe(200);
        // The raw bytes too: the document information dictionary (title, subject) is not page text.
        return `${stripMarks(pdfText(res.rawPayload), { spacing: true })}\n${res.rawPayload.toString('latin1')}`;
      },
    ],
  ];

  describe('a Karst delegate (holds Draft 2 only)', () => {
    it.each(karstViews)('%s: no wording of Draft 1, Draft 3 or the working draft', async (_, view) => {
      const squeezed = plain(await view());
      expect(unheldFragments.filter((f) => squeezed.includes(f.fragment))).toEqual([]);
    });

    it.each(karstViews)(
      '%s: no point id, version id or label of a text Karst was not given',
      async (_, view) => {
        const text = await view();
        expect(unheldPointIds.filter((id) => text.includes(id))).toEqual([]);
        expect(text).not.toContain(draftThree.id);
        expect(text).not.toContain('Draft 3');
      },
    );

    it.each(karstViews)("%s: not the working draft's new title, section name or wording", async (_, view) => {
      const text = await view();
      expect(Object.values(MARK_DRAFT).filter((m) => text.includes(m))).toEqual([]);
    });

    it.each(karstViews)("%s: nothing of Veloria's records", async (_, view) => {
      const text = await view();
      expect(VEL_MARKS.filter((m) => text.includes(m))).toEqual([]);
    });

    it('sees its own records where they belong (the scans above are not vacuous)', async () => {
      expect(stringsOf(ok(await karst.get(plan('/positions')))).join()).toContain(MARK.krfPrivateRationale);
      expect(stringsOf(ok(await karst.get(plan('/amendments')))).join()).toContain(MARK.krfDraftText);
      expect(stringsOf(ok(await karst.get(plan('/comments')))).join()).toContain(MARK.krfPartyComment);
      const meetings = ok(await karst.get(proc('/meetings'))).items as { id: string; versions: unknown[] }[];
      const joint = meetings.find((m) => m.id === created.jointMeeting);
      expect(joint?.versions).toEqual([expect.objectContaining({ versionId: draftTwo.id })]);
      expect(meetings.some((m) => m.id === created.velMeeting)).toBe(false);
    });

    it("the summary and the timeline count only Karst's own party", async () => {
      const summary = ok(await karst.get(plan('/positions/summary')));
      expect(summary.parties.map((p: { party: { id: string } }) => p.party.id)).toEqual([krf]);
      const timeline = ok(await karst.get(proc('/timeline')));
      expect(timeline.parties.map((p: { id: string }) => p.id)).toEqual([krf]);
      expect(
        timeline.items.filter(
          (i: { kind: string; parties: { id: string }[] }) =>
            i.kind !== 'meeting' && i.parties.some((p) => p.id !== krf),
        ),
      ).toEqual([]);
    });
  });

  describe('observers and monitors', () => {
    it.each([OBSERVER, MONITOR])("%s reads no party's positions, amendments or threads", async (email) => {
      const client = await ctx().signIn(email);
      const text = [
        ...stringsOf(ok(await client.get(plan('/positions')))),
        ...stringsOf(ok(await client.get(plan('/positions/summary')))),
        ...stringsOf(ok(await client.get(plan('/amendments')))),
        ...stringsOf(ok(await client.get(plan('/comments')))),
        ...stringsOf(ok(await client.get(proc('/timeline')))),
        ...stringsOf(ok(await client.get(proc('/meetings')))),
      ].join('\n');
      expect([...VEL_MARKS, ...KRF_MARKS].filter((m) => text.includes(m))).toEqual([]);
      expect(text).not.toContain(draftThree.id);
    });

    it.each([OBSERVER, MONITOR])('%s writes no position, amendment or comment', async (email) => {
      const client = await ctx().signIn(email);
      const before = await rowCounts();
      const version = draftTwo.id;
      const tries = [
        await client.post(plan('/positions'), {
          pointId: heldPoint,
          versionId: version,
          stance: 'support',
          priority: 1,
        }),
        await client.post(plan('/amendments'), {
          kind: 'replace',
          baseVersionId: version,
          pointId: heldPoint,
          text: 'An observer rewrites the point',
        }),
        await client.post(plan('/counter-proposals'), {
          baseVersionId: version,
          format: 'text',
          text: '1. An observer rewrites the point',
        }),
        await client.post(plan('/comments'), { pointId: heldPoint, body: 'An observer comments' }),
      ];
      for (const res of tries) expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(await rowCounts()).toEqual(before);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // What the mediator reads: Veloria's records once shared, never its drafts or private words.

  const rowCounts = async () => {
    const db = ctx().database.db;
    const n = async (table: 'positions' | 'amendments' | 'comments' | 'calendar_feeds') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      positions: await n('positions'),
      amendments: await n('amendments'),
      comments: await n('comments'),
      feeds: await n('calendar_feeds'),
    };
  };

  const mediatorViews: [string, () => Promise<string>][] = [
    ['positions matrix', async () => stringsOf(ok(await mediator.get(plan('/positions')))).join('\n')],
    [
      'position history',
      async () =>
        stringsOf(
          ok(await mediator.get(plan(`/positions/history?pointId=${draftThreePoint}&partyId=${vel}`))),
        ).join('\n'),
    ],
    ['amendment list', async () => stringsOf(ok(await mediator.get(plan('/amendments')))).join('\n')],
    ['comment threads', async () => stringsOf(ok(await mediator.get(plan('/comments')))).join('\n')],
    ['timeline', async () => stringsOf(ok(await mediator.get(proc('/timeline')))).join('\n')],
    [
      "Veloria's brief (docx)",
      async () => docxText((await mediator.get(plan(`/brief?format=docx&party=${vel}`))).rawPayload),
    ],
    [
      'all-party brief (pdf)',
      async () => pdfText((await mediator.get(plan('/brief?format=pdf&party=all'))).rawPayload),
    ],
    ['audit view', async () => stringsOf(ok(await mediator.get(proc('/audit?limit=200')))).join('\n')],
  ];

  describe('the mediator', () => {
    it.each(mediatorViews)("%s: none of Veloria's private words", async (_, view) => {
      const text = await view();
      expect(VEL_PRIVATE.filter((m) => squeeze(text).includes(m))).toEqual([]);
      expect(KRF_MARKS.filter((m) => squeeze(text).includes(m))).toEqual([]);
    });

    it('reads what Veloria shared (the scans above are not vacuous)', async () => {
      const text = [
        ...stringsOf(ok(await mediator.get(plan('/positions')))),
        ...stringsOf(ok(await mediator.get(plan('/amendments')))),
        ...stringsOf(ok(await mediator.get(plan('/comments')))),
      ].join('\n');
      for (const m of [MARK.velSharedRationale, MARK.velSubmittedText, MARK.velMediatorComment])
        expect(text).toContain(m);
    });

    it("neither the audit view nor its action filter tells of Veloria's drafts or party-only threads", async () => {
      const audit = ok(await mediator.get(proc('/audit?limit=200')));
      const subjects = (audit.entries as { subject: { id: string | null } }[]).map((e) => e.subject.id);
      for (const id of [created.velDraft, created.velWithdrawn, created.velPartyThread, created.krfDraft])
        expect(subjects).not.toContain(id);
      // Comments are audited by comment id: the thread's first comment is the thread.
      expect(subjects).toContain(created.velSubmitted);
      expect(subjects).toContain(created.velMediatorThread);
    });

    it('never learns of a draft withdrawn before it was submitted, not even as a count', async () => {
      const withdrawnOf = async () => {
        const summary = ok(await mediator.get(plan('/positions/summary')));
        return summary.parties.find((p: { party: { id: string } }) => p.party.id === vel).amendments
          .withdrawn as number;
      };
      const before = await withdrawnOf();
      const id = ok(
        await veloria.post(plan('/amendments'), {
          kind: 'replace',
          baseVersionId: draftThree.id,
          pointId: draftThreePoint,
          text: 'A private thought, dropped before anyone saw it',
        }),
        201,
      ).amendment.id;
      ok(await veloria.post(plan(`/amendments/${id}/withdraw`), {}));
      // The mediator's other views agree that it never happened.
      expect(stringsOf(ok(await mediator.get(plan('/amendments'))))).not.toContain(id);
      expectProblemSame(await mediator.get(plan(`/amendments/${id}`)), 404);
      expect(await withdrawnOf()).toBe(before);
    });
  });

  const expectProblemSame = (res: LightMyRequestResponse, status: number) =>
    expect(res.statusCode, res.body).toBe(status);

  // ---------------------------------------------------------------------------------------------
  // Probing: a refusal must read exactly like the answer for something that does not exist.

  describe('probing for ids', () => {
    const bogus = 'amd_doesnotexist000000';

    it("Karst cannot tell Veloria's amendments from ones that do not exist", async () => {
      for (const id of [created.velSubmitted, created.velDraft]) {
        sameRefusal(
          await karst.get(plan(`/amendments/${id}`)),
          await karst.get(plan(`/amendments/${bogus}`)),
          [id, bogus],
        );
        sameRefusal(
          await karst.patch(plan(`/amendments/${id}`), { text: 'x' }),
          await karst.patch(plan(`/amendments/${bogus}`), { text: 'x' }),
          [id, bogus],
        );
        sameRefusal(
          await karst.post(plan(`/amendments/${id}/withdraw`), {}),
          await karst.post(plan(`/amendments/${bogus}/withdraw`), {}),
          [id, bogus],
        );
        sameRefusal(
          await karst.post(plan('/amendments/submit'), { ids: [id] }),
          await karst.post(plan('/amendments/submit'), { ids: [bogus] }),
          [id, bogus],
        );
      }
    });

    it("the mediator cannot tell Veloria's draft from an amendment that does not exist", async () => {
      sameRefusal(
        await mediator.get(plan(`/amendments/${created.velDraft}`)),
        await mediator.get(plan(`/amendments/${bogus}`)),
        [created.velDraft, bogus],
      );
      sameRefusal(
        await mediator.post(plan(`/amendments/${created.velDraft}/decision`), { decision: 'reject' }),
        await mediator.post(plan(`/amendments/${bogus}/decision`), { decision: 'reject' }),
        [created.velDraft, bogus],
      );
    });

    it("Karst cannot tell Veloria's threads, nor the mediator Veloria's party thread, from none", async () => {
      const none = 'cmt_doesnotexist000000';
      for (const [client, id] of [
        [karst, created.velMediatorThread],
        [karst, created.velPartyThread],
        [mediator, created.velPartyThread],
      ] as const) {
        sameRefusal(
          await client.post(plan('/comments'), { threadId: id, body: 'a reply' }),
          await client.post(plan('/comments'), { threadId: none, body: 'a reply' }),
          [id, none],
        );
        sameRefusal(
          await client.patch(plan(`/comments/${id}`), { body: 'x' }),
          await client.patch(plan(`/comments/${none}`), { body: 'x' }),
          [id, none],
        );
        sameRefusal(
          await client.request({ method: 'DELETE', url: plan(`/comments/${id}`) }),
          await client.request({ method: 'DELETE', url: plan(`/comments/${none}`) }),
          [id, none],
        );
      }
    });

    it("Karst cannot tell Veloria's meeting from one that does not exist", async () => {
      const none = 'mtg_doesnotexist000000';
      const id = created.velMeeting;
      sameRefusal(await karst.get(proc(`/meetings/${id}`)), await karst.get(proc(`/meetings/${none}`)), [
        id,
        none,
      ]);
      sameRefusal(
        await karst.patch(proc(`/meetings/${id}`), { title: 'x' }),
        await karst.patch(proc(`/meetings/${none}`), { title: 'x' }),
        [id, none],
      );
      sameRefusal(
        await karst.post(proc(`/meetings/${id}/status`), { status: 'cancelled' }),
        await karst.post(proc(`/meetings/${none}/status`), { status: 'cancelled' }),
        [id, none],
      );
    });

    it('Karst cannot tell a point or version it was not given from one that does not exist', async () => {
      const nonePoint = 'pt_doesnotexist000000';
      const noneVersion = 'ver_doesnotexist000000';
      const position = (pointId: string, versionId: string) =>
        karst.post(plan('/positions'), { pointId, versionId, stance: 'support', priority: 1 });
      sameRefusal(await position(draftThreePoint, draftTwo.id), await position(nonePoint, draftTwo.id), [
        draftThreePoint,
        nonePoint,
      ]);
      sameRefusal(await position(heldPoint, draftThree.id), await position(heldPoint, noneVersion), [
        draftThree.id,
        noneVersion,
      ]);
      const history = (pointId: string, partyId: string) =>
        karst.get(plan(`/positions/history?pointId=${pointId}&partyId=${partyId}`));
      sameRefusal(await history(draftThreePoint, krf), await history(nonePoint, krf), [
        draftThreePoint,
        nonePoint,
      ]);
      sameRefusal(await history(heldPoint, vel), await history(heldPoint, 'pty_doesnotexist'), [
        vel,
        'pty_doesnotexist',
      ]);
      const amendment = (pointId: string, baseVersionId: string) =>
        karst.post(plan('/amendments'), { kind: 'replace', baseVersionId, pointId, text: 'probe' });
      sameRefusal(await amendment(draftThreePoint, draftTwo.id), await amendment(nonePoint, draftTwo.id), [
        draftThreePoint,
        nonePoint,
      ]);
      sameRefusal(await amendment(heldPoint, draftThree.id), await amendment(heldPoint, noneVersion), [
        draftThree.id,
        noneVersion,
      ]);
      const newPoint = (afterPointId: string) =>
        karst.post(plan('/amendments'), {
          kind: 'add',
          baseVersionId: draftTwo.id,
          afterPointId,
          text: 'probe',
        });
      sameRefusal(await newPoint(draftThreePoint), await newPoint(nonePoint), [draftThreePoint, nonePoint]);
      const draftThreeArea = draftThree.content.areas.find(
        (a) => !draftTwo.content.areas.some((b) => b.id === a.id),
      );
      if (draftThreeArea) {
        const inArea = (areaId: string) =>
          karst.post(plan('/amendments'), { kind: 'add', baseVersionId: draftTwo.id, areaId, text: 'probe' });
        sameRefusal(await inArea(draftThreeArea.id), await inArea('area_doesnotexist'), [
          draftThreeArea.id,
          'area_doesnotexist',
        ]);
      }
      const comment = (pointId: string) => karst.post(plan('/comments'), { pointId, body: 'probe' });
      sameRefusal(await comment(draftThreePoint), await comment(nonePoint), [draftThreePoint, nonePoint]);
      const counter = (baseVersionId: string) =>
        karst.post(plan('/counter-proposals/preview'), { baseVersionId, format: 'text', text: '1. probe' });
      sameRefusal(await counter(draftThree.id), await counter(noneVersion), [draftThree.id, noneVersion]);
      const brief = (party: string) => karst.get(plan(`/brief?format=pdf&party=${party}`));
      sameRefusal(await brief(vel), await brief('pty_doesnotexist'), [vel, 'pty_doesnotexist']);
      // "all" is a word of the refusal's own text: compare these two as they are.
      const [all, unknown] = [await brief('all'), await brief('pty_doesnotexist')];
      expect({ status: all.statusCode, body: all.body }).toEqual({
        status: unknown.statusCode,
        body: unknown.body,
      });
    });
  });

  describe('threads the mediator addresses to a party', () => {
    it('point only at text that party holds, and reach that party and no other', async () => {
      const open = (pointId: string, body: string) =>
        mediator.post(plan('/comments'), { pointId, partyId: krf, visibility: 'mediator', body });
      const refused = await open(draftThreePoint, 'About a point Karst was never given');
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.body).not.toContain('Draft 3');
      const body = 'QXMEDIATORTOKARST';
      ok(await open(heldPoint, body), 201);
      expect(stringsOf(ok(await karst.get(plan('/comments'))))).toContain(body);
      expect(stringsOf(ok(await veloria.get(plan('/comments'))))).not.toContain(body);
    });
  });

  describe('the OpenAPI document', () => {
    it('carries no plan wording, record or id of the demo', async () => {
      const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const text = res.body;
      expect(plain(text)).not.toContain(unheldFragments[0]!.fragment);
      for (const id of [draftThree.id, draftThreePoint, vel, krf, created.velDraft, created.velMeeting])
        expect(text).not.toContain(id);
    });
  });

  // ---------------------------------------------------------------------------------------------

  describe('a read-only API token', () => {
    it('writes no position, amendment, counter-proposal or comment', async () => {
      const before = await rowCounts();
      const tries = [
        await karstReadOnly.post(plan('/positions'), {
          pointId: heldPoint,
          versionId: draftTwo.id,
          stance: 'oppose',
          priority: 1,
        }),
        await karstReadOnly.post(plan('/amendments'), {
          kind: 'replace',
          baseVersionId: draftTwo.id,
          pointId: heldPoint,
          text: 'written with a read-only token',
        }),
        await karstReadOnly.post(plan('/counter-proposals'), {
          baseVersionId: draftTwo.id,
          format: 'text',
          text: '1. written with a read-only token',
        }),
        await karstReadOnly.post(plan('/amendments/submit'), { ids: [created.krfDraft] }),
        await karstReadOnly.post(plan(`/amendments/${created.krfDraft}/withdraw`), {}),
        await karstReadOnly.patch(plan(`/amendments/${created.krfDraft}`), { text: 'rewritten' }),
        await karstReadOnly.post(plan('/comments'), { pointId: heldPoint, body: 'read-only comment' }),
        await karstReadOnly.post(plan('/comments'), {
          threadId: created.krfPartyThread,
          body: 'read-only reply',
        }),
      ];
      for (const res of tries) expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(await rowCounts()).toEqual(before);
      const draft = ok(await karst.get(plan(`/amendments/${created.krfDraft}`))).amendment;
      expect(draft).toMatchObject({ state: 'draft', text: MARK.krfDraftText });
    });

    it('cannot mint a calendar feed URL, a credential that would outlive the token', async () => {
      const before = await rowCounts();
      const res = await karstReadOnly.post(proc('/calendar-feed'));
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(await rowCounts()).toEqual(before);
    });
  });
});

// -------------------------------------------------------------------------------------------------
// Live events reach only those who may read what they point at.

describeEachDatabase('negotiation live events confidentiality', (dialect) => {
  let database: Database;
  let drop: () => Promise<void>;
  let demo: LoadedDemo;
  let server: Instance;
  let users: Record<'mediator' | 'karst' | 'veloria' | 'observer', HttpUser>;
  let planId: string;
  let vel: string;
  let krf: string;
  let bcc: string;
  let draftTwo: string;
  let draftThree: string;
  let draftThreePoint: string;
  let heldPoint: string;

  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase(dialect));
    const loaded = await loadDemoIfEmpty(database);
    if (!loaded) throw new Error('demo did not load');
    demo = loaded;
    planId = demo.planId;
    server = await startInstance(database, { heartbeatMs: 1000, recheckMs: 60_000, perUser: 4 });
    users = {
      mediator: await signInOverHttp(server.url, MEDIATOR),
      karst: await signInOverHttp(server.url, KARST),
      veloria: await signInOverHttp(server.url, VELORIA),
      observer: await signInOverHttp(server.url, OBSERVER),
    };
    const parties = await database.db
      .selectFrom('parties')
      .select(['id', 'code'])
      .where('process_id', '=', demo.processId)
      .execute();
    const party = (code: string) => parties.find((p) => p.code === code)!.id;
    vel = party('VEL');
    krf = party('KRF');
    bcc = party('BCC');
    const versions = await database.db
      .selectFrom('versions')
      .select(['id', 'label', 'content'])
      .where('plan_id', '=', planId)
      .execute();
    const version = (label: string) => versions.find((v) => v.label === label)!;
    draftTwo = version('Draft 2').id;
    draftThree = version('Draft 3').id;
    const two = JSON.parse(version('Draft 2').content) as PlanContent;
    const three = JSON.parse(version('Draft 3').content) as PlanContent;
    const heldIds = new Set(two.points.map((p) => p.id));
    draftThreePoint = three.points.find((p) => !heldIds.has(p.id))!.id;
    heldPoint = two.points[0]!.id;
  });
  afterEach(() => closeAllStreams());
  afterAll(async () => {
    await server?.app.close();
    await drop?.();
  });

  const events = (user: HttpUser) =>
    openEventStream(`${server.url}/api/v1/processes/${demo.processId}/events`, { cookie: user.cookie });
  const parsed = (s: EventStreamClient) =>
    s.messages.map((m) => JSON.parse(m.data) as Record<string, unknown>);
  const send = async (
    user: HttpUser,
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
    status: number,
  ) => {
    const res = await user.send(method, path, body);
    expect(res.status, await res.clone().text()).toBe(status);
    return res.json();
  };
  /** A meeting of every party: its event reaches every stream, and marks the end of a scenario. */
  const sentinel = async (title: string) => {
    const made = await send(
      users.mediator,
      'POST',
      `/api/v1/processes/${demo.processId}/meetings`,
      {
        title,
        startsAt: '2027-05-01T10:00',
        endsAt: '2027-05-01T11:00',
        timeZone: 'Europe/Zurich',
        placeKind: 'video',
        place: 'Link',
        participants: [{ partyId: vel }, { partyId: krf }, { partyId: bcc }],
      },
      201,
    );
    return made.meeting.id as string;
  };
  const until = (s: EventStreamClient, meetingId: string) =>
    s.next((e) => e.type === 'meeting.changed' && e.meetingId === meetingId);

  it("Veloria's positions, amendments, threads and meetings reach neither Karst nor an observer", async () => {
    const [karst, observer, mediator, veloria] = await Promise.all([
      events(users.karst),
      events(users.observer),
      events(users.mediator),
      events(users.veloria),
    ]);
    await Promise.all([karst, observer, mediator, veloria].map((s) => s.comment('live updates')));
    const plan = (p: string) => `/api/v1/plans/${planId}${p}`;
    await send(
      users.veloria,
      'POST',
      plan('/positions'),
      { pointId: draftThreePoint, versionId: draftThree, stance: 'oppose', priority: 4 },
      201,
    );
    const draft = await send(
      users.veloria,
      'POST',
      plan('/amendments'),
      { kind: 'replace', baseVersionId: draftThree, pointId: draftThreePoint, text: 'live draft' },
      201,
    );
    await send(users.veloria, 'POST', plan(`/amendments/${draft.amendment.id}/submit`), {}, 200);
    await send(
      users.veloria,
      'POST',
      plan('/comments'),
      { pointId: draftThreePoint, body: 'live, party' },
      201,
    );
    await send(
      users.veloria,
      'POST',
      plan('/comments'),
      { pointId: draftThreePoint, body: 'live, mediator', visibility: 'mediator' },
      201,
    );
    const velMeeting = await send(
      users.mediator,
      'POST',
      `/api/v1/processes/${demo.processId}/meetings`,
      {
        title: 'Veloria alone',
        startsAt: '2027-04-01T10:00',
        endsAt: '2027-04-01T11:00',
        timeZone: 'Europe/Zurich',
        placeKind: 'video',
        place: 'Link',
        participants: [{ partyId: vel }],
        versions: [{ versionId: draftThree, role: 'presented' }],
      },
      201,
    );
    const end = await sentinel('Everyone, after Veloria');
    await Promise.all([karst, observer, mediator, veloria].map((s) => until(s, end)));

    for (const stream of [karst, observer]) {
      const seen = parsed(stream);
      expect(seen.filter((e) => e.partyId === vel)).toEqual([]);
      expect(seen.filter((e) => e.meetingId === velMeeting.meeting.id)).toEqual([]);
      expect(seen.filter((e) => e.type === 'draft.changed' || e.type === 'version.cut')).toEqual([]);
    }
    const forMediator = parsed(mediator);
    // The draft's creation is Veloria's own; its submission the mediator hears of.
    expect(
      forMediator.filter((e) => e.type === 'amendment.changed' && e.sharedWithMediator === false),
    ).toEqual([]);
    expect(forMediator.filter((e) => e.type === 'comment.changed' && e.sharedWithMediator === false)).toEqual(
      [],
    );
    expect(forMediator).toContainEqual(
      expect.objectContaining({
        type: 'amendment.changed',
        amendmentId: draft.amendment.id,
        sharedWithMediator: true,
      }),
    );
    const forVeloria = parsed(veloria);
    expect(forVeloria.filter((e) => e.type === 'comment.changed').length).toBe(2);
    expect(forVeloria.filter((e) => e.type === 'amendment.changed').length).toBe(2);
  });

  it("Karst's private drafts and threads do not reach the mediator's stream", async () => {
    const [mediator, karst] = await Promise.all([events(users.mediator), events(users.karst)]);
    await Promise.all([mediator, karst].map((s) => s.comment('live updates')));
    const plan = (p: string) => `/api/v1/plans/${planId}${p}`;
    const draft = await send(
      users.karst,
      'POST',
      plan('/amendments'),
      { kind: 'replace', baseVersionId: draftTwo, pointId: heldPoint, text: 'Karst, privately' },
      201,
    );
    await send(
      users.karst,
      'PATCH',
      plan(`/amendments/${draft.amendment.id}`),
      { text: 'Karst, again' },
      200,
    );
    await send(users.karst, 'POST', plan(`/amendments/${draft.amendment.id}/withdraw`), {}, 200);
    await send(users.karst, 'POST', plan('/comments'), { pointId: heldPoint, body: 'Karst only' }, 201);
    const end = await sentinel('Everyone, after Karst');
    await Promise.all([mediator, karst].map((s) => until(s, end)));
    expect(parsed(mediator).filter((e) => e.partyId === krf && e.type !== 'position.changed')).toEqual([]);
    expect(parsed(karst).filter((e) => e.type === 'amendment.changed').length).toBe(3);
  });

  it('a party dropped from a meeting hears that it changed, but not who takes part now', async () => {
    const meetings = `/api/v1/processes/${demo.processId}/meetings`;
    const made = await send(
      users.mediator,
      'POST',
      meetings,
      {
        title: 'Karst and Veloria',
        startsAt: '2027-06-01T10:00',
        endsAt: '2027-06-01T11:00',
        timeZone: 'Europe/Zurich',
        placeKind: 'video',
        place: 'Link',
        participants: [{ partyId: vel }, { partyId: krf }],
      },
      201,
    );
    const karst = await events(users.karst);
    await karst.comment('live updates');
    // Karst is dropped; the Council is added in its place.
    await send(
      users.mediator,
      'PATCH',
      `${meetings}/${made.meeting.id}`,
      { participants: [{ partyId: vel }, { partyId: bcc }] },
      200,
    );
    const heard = await karst.next((e) => e.type === 'meeting.changed' && e.meetingId === made.meeting.id);
    // Karst may no longer read the meeting: the API answers 404, so the event must not say more.
    const res = await users.karst.get(`${meetings}/${made.meeting.id}`);
    expect(res.status).toBe(404);
    expect(heard.partyIds).not.toContain(bcc);
  });
});

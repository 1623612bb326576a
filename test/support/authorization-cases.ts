import type { InjectOptions } from 'fastify';
import { newId } from '../../src/domain/shared/ids.ts';
import { createUser } from '../../src/services/access/create-user.ts';
import { insertPartyNote } from '../../src/store/notes/party-notes.repository.ts';
import { readDraft, SAMPLE_PLAN_TEXT } from './factories.ts';
import { AGREEMENTS_SAMPLES } from './matrix-samples/agreements.ts';
import { AMENDMENTS_SAMPLES } from './matrix-samples/amendments.ts';
import { ANALYTICS_SAMPLES } from './matrix-samples/analytics.ts';
import { COMMENTS_SAMPLES } from './matrix-samples/comments.ts';
import { COMMITMENTS_SAMPLES } from './matrix-samples/commitments.ts';
import { COUNTER_PROPOSALS_SAMPLES } from './matrix-samples/counter-proposals.ts';
import { EVENT_IMPORTS_SAMPLES } from './matrix-samples/event-imports.ts';
import { EVENT_REPORTS_SAMPLES } from './matrix-samples/event-reports.ts';
import { MEETINGS_SAMPLES } from './matrix-samples/meetings.ts';
import { MONITORING_REPORT_SAMPLES } from './matrix-samples/monitoring-report.ts';
import { MONITORING_STATUS_SAMPLES } from './matrix-samples/monitoring-status.ts';
import { POSITIONS_SAMPLES } from './matrix-samples/positions.ts';
import { TIMELINE_SAMPLES } from './matrix-samples/timeline.ts';
import { WEBHOOKS_SAMPLES } from './matrix-samples/webhooks.ts';
import { ZONES_SAMPLES } from './matrix-samples/zones.ts';
import type { Client, TestApp } from './test-app.ts';

/** Who asks: a role in the demo process, the mediator through a read-only token, or a non-member. */
export type MatrixRole = 'mediator' | 'read-only token' | 'delegate' | 'observer' | 'monitor' | 'outsider';
export const MATRIX_ROLES: readonly MatrixRole[] = [
  'mediator',
  'read-only token',
  'delegate',
  'observer',
  'monitor',
  'outsider',
];

/** The demo account of each role; its party and what that party holds decide the answers. */
export const ROLE_EMAILS: Record<Exclude<MatrixRole, 'outsider' | 'read-only token'>, string> = {
  mediator: 'envoy@envoy.example',
  delegate: 'lead@karst.example', // Karst holds Draft 2, not Draft 3
  observer: 'observer@bcc.example', // the guarantors hold Drafts 1 and 2
  monitor: 'monitor@ccv.example', // the monitors hold Draft 2
};

/**
 * One cell of the matrix: the role, whether the version the request is about was released to the
 * asker's party (Draft 2) or only to another party (Draft 3, held by Veloria alone), and whether the
 * note it is about belongs to the asker's party or to another.
 */
export interface MatrixCase {
  role: MatrixRole;
  version: 'released' | 'unreleased';
  note: 'own' | 'other';
}

export interface MatrixFixture {
  ctx: TestApp;
  mediator: Client;
  processId: string;
  planId: string;
  released: { id: string };
  unreleased: { id: string };
  /** A point every party of the matrix holds (it is in Draft 2). */
  sharedPointId: string;
  /** Veloria's private note, not shared with the mediator: "another party's note" for everyone else. */
  otherPartyNoteId: string;
  /** A fresh note of the asker's own party (made for each request, so deleting it twice works). */
  ownNote(role: MatrixRole): Promise<string>;
}

export type MatrixRequest = Pick<InjectOptions, 'method' | 'url' | 'payload' | 'payloadAsStream' | 'headers'>;

let counter = 0;
/** A fresh number, for names that must be unique across requests. */
export const next = () => ++counter;

/** The party of each demo account, found through the mediator's overview. */
export async function partyOf(
  fx: Pick<MatrixFixture, 'mediator' | 'processId'>,
  email: string,
): Promise<string> {
  const overview = (await fx.mediator.get(`/api/v1/processes/${fx.processId}`)).json();
  const member = overview.members.find((m: { email: string }) => m.email === email);
  if (!member) throw new Error(`${email} is not a member`);
  return member.partyId;
}

/** Builds the fixture: the demo versions and notes the cases point at. */
export async function matrixFixture(ctx: TestApp): Promise<MatrixFixture> {
  const mediator = await ctx.signIn(ctx.demo.mediatorEmail);
  const { processId, planId } = ctx.demo;
  const versions = (await mediator.get(`/api/v1/plans/${planId}/versions`)).json().items as {
    id: string;
    label: string;
  }[];
  const byLabel = (label: string) => {
    const v = versions.find((x) => x.label === label);
    if (!v) throw new Error(`no ${label}`);
    return v;
  };
  const released = byLabel('Draft 2');
  const unreleased = byLabel('Draft 3');
  const draftTwo = (await mediator.get(`/api/v1/plans/${planId}/versions/${released.id}`)).json().content;
  const sharedPointId = draftTwo.points[0].id as string;
  const notes = await ctx.database.db
    .selectFrom('party_notes as n')
    .innerJoin('parties as p', 'p.id', 'n.party_id')
    .select('n.id')
    .where('p.code', '=', 'VEL')
    .where('n.shared_with_mediator', '=', 0)
    .execute();
  const otherPartyNoteId = notes[0]?.id;
  if (!otherPartyNoteId) throw new Error('the demo has no private Veloria note');
  const base = { mediator, processId };
  const ownNote = async (role: MatrixRole) => {
    const email =
      role === 'read-only token' ? ROLE_EMAILS.mediator : role === 'outsider' ? null : ROLE_EMAILS[role];
    // An outsider has no party: "their" note is just another party's.
    if (!email) return otherPartyNoteId;
    const author = await ctx.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const id = newId('pnt');
    const now = new Date().toISOString();
    await insertPartyNote(ctx.database.db, {
      id,
      process_id: processId,
      plan_id: planId,
      point_id: sharedPointId,
      party_id: await partyOf(base, email),
      author_id: author.id,
      body: `Own note ${next()}`,
      shared_with_mediator: 0,
      created_at: now,
      updated_at: now,
    });
    return id;
  };
  return { ctx, mediator, processId, planId, released, unreleased, sharedPointId, otherPartyNoteId, ownNote };
}

export type Sample = (fx: MatrixFixture, c: MatrixCase) => Promise<MatrixRequest | null>;

export const versionOf = (fx: MatrixFixture, c: MatrixCase) =>
  (c.version === 'released' ? fx.released : fx.unreleased).id;

/** A new party made by the mediator, so that a release or a member added by the request is new. */
export async function freshParty(fx: MatrixFixture): Promise<string> {
  const n = next();
  const res = await fx.mediator.post(`/api/v1/processes/${fx.processId}/parties`, {
    name: `Matrix party ${n}`,
    code: `MX${n}`,
    kind: 'state',
    colour: '#123456',
  });
  return res.json().party.id;
}

/** The demo account a matrix role signs in as (null for the outsider). */
export function emailOf(role: MatrixRole): string | null {
  if (role === 'read-only token') return ROLE_EMAILS.mediator;
  return role === 'outsider' ? null : ROLE_EMAILS[role];
}

/** The user id of a demo account. */
export async function userIdOf(fx: MatrixFixture, email: string): Promise<string> {
  const row = await fx.ctx.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The samples of the foundation and confidentiality routes (see SAMPLES below). */
const CORE_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/processes/:processId': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}`,
  }),
  'POST /api/v1/processes/:processId/parties': async (fx) => {
    const n = next();
    return {
      method: 'POST',
      url: `/api/v1/processes/${fx.processId}/parties`,
      payload: { name: `Intruders ${n}`, code: `IN${n}`, kind: 'state', colour: '#000000' },
    };
  },
  'POST /api/v1/processes/:processId/members': async (fx) => {
    const email = `matrix${next()}@example.org`;
    await createUser(fx.ctx.database, {
      email,
      name: 'Matrix',
      password: 'a long matrix password',
      isAdmin: false,
    });
    return {
      method: 'POST',
      url: `/api/v1/processes/${fx.processId}/members`,
      payload: { email, partyId: await freshParty(fx), role: 'delegate' },
    };
  },
  'POST /api/v1/processes/:processId/plans': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/plans`,
    payload: { title: `Matrix plan ${next()}` },
  }),
  'POST /api/v1/processes/:processId/imports/preview': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/imports/preview`,
    payload: { format: 'text', text: SAMPLE_PLAN_TEXT },
  }),
  'POST /api/v1/processes/:processId/plans/import': async (fx) => ({
    method: 'POST',
    url: `/api/v1/processes/${fx.processId}/plans/import`,
    payload: { format: 'text', text: SAMPLE_PLAN_TEXT },
  }),
  // A stream that stays open: the answer counts once its head arrives (see the matrix test).
  'GET /api/v1/processes/:processId/events': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/events`,
    payloadAsStream: true,
  }),
  'GET /api/v1/processes/:processId/releases': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/releases`,
  }),
  'GET /api/v1/processes/:processId/audit': async (fx) => ({
    method: 'GET',
    url: `/api/v1/processes/${fx.processId}/audit`,
  }),
  'GET /api/v1/plans/:planId': async (fx) => ({ method: 'GET', url: `/api/v1/plans/${fx.planId}` }),
  'PATCH /api/v1/plans/:planId/draft': async (fx) => {
    const draft = await readDraft(fx.mediator, fx.planId);
    return {
      method: 'PATCH',
      url: `/api/v1/plans/${fx.planId}/draft`,
      payload: {
        baseRevision: draft.revision,
        op: { type: 'updatePoint', pointId: draft.content.points[0]!.id, text: `Matrix edit ${next()}.` },
      },
    };
  },
  'GET /api/v1/plans/:planId/versions': async (fx) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/versions`,
  }),
  'POST /api/v1/plans/:planId/versions': async (fx) => {
    // A version can only be cut from a changed draft.
    const draft = await readDraft(fx.mediator, fx.planId);
    await fx.mediator.patch(`/api/v1/plans/${fx.planId}/draft`, {
      baseRevision: draft.revision,
      op: { type: 'updatePoint', pointId: draft.content.points[1]!.id, text: `Matrix change ${next()}.` },
    });
    return { method: 'POST', url: `/api/v1/plans/${fx.planId}/versions`, payload: { note: 'matrix' } };
  },
  'GET /api/v1/plans/:planId/versions/:versionId': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/versions/${versionOf(fx, c)}`,
  }),
  'GET /api/v1/plans/:planId/redline': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/redline?from=${fx.released.id}&to=${versionOf(fx, c)}`,
  }),
  'GET /api/v1/plans/:planId/export': async (fx, c) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/export?format=md&version=${versionOf(fx, c)}`,
  }),
  'POST /api/v1/plans/:planId/versions/:versionId/releases': async (fx, c) => ({
    method: 'POST',
    url: `/api/v1/plans/${fx.planId}/versions/${versionOf(fx, c)}/releases`,
    payload: { partyIds: [await freshParty(fx)], channel: 'Matrix round' },
  }),
  'GET /api/v1/plans/:planId/notes': async (fx) => ({
    method: 'GET',
    url: `/api/v1/plans/${fx.planId}/notes`,
  }),
  'POST /api/v1/plans/:planId/notes': async (fx, c) =>
    c.note === 'other'
      ? null
      : {
          method: 'POST',
          url: `/api/v1/plans/${fx.planId}/notes`,
          payload: { pointId: fx.sharedPointId, body: `Matrix note ${next()}` },
        },
  'PATCH /api/v1/plans/:planId/notes/:noteId': async (fx, c) => ({
    method: 'PATCH',
    url: `/api/v1/plans/${fx.planId}/notes/${c.note === 'own' ? await fx.ownNote(c.role) : fx.otherPartyNoteId}`,
    payload: { body: `Rewritten ${next()}` },
  }),
  'DELETE /api/v1/plans/:planId/notes/:noteId': async (fx, c) => ({
    method: 'DELETE',
    url: `/api/v1/plans/${fx.planId}/notes/${c.note === 'own' ? await fx.ownNote(c.role) : fx.otherPartyNoteId}`,
  }),
};

/**
 * For every route scoped to a process or plan, a request that succeeds when the asker is
 * allowed; null where a dimension does not apply to the route (a new note is always one's own).
 * Each newer area of the product keeps its samples in test/support/matrix-samples/.
 */
export const SAMPLES: Record<string, Sample> = {
  ...CORE_SAMPLES,
  ...TIMELINE_SAMPLES,
  ...AMENDMENTS_SAMPLES,
  ...COMMENTS_SAMPLES,
  ...COUNTER_PROPOSALS_SAMPLES,
  ...MEETINGS_SAMPLES,
  ...POSITIONS_SAMPLES,
  ...ANALYTICS_SAMPLES,
  ...AGREEMENTS_SAMPLES,
  ...COMMITMENTS_SAMPLES,
  ...MONITORING_STATUS_SAMPLES,
  ...EVENT_REPORTS_SAMPLES,
  ...EVENT_IMPORTS_SAMPLES,
  ...ZONES_SAMPLES,
  ...WEBHOOKS_SAMPLES,
  ...MONITORING_REPORT_SAMPLES,
};

import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import type { AmendmentKind, AmendmentState, MeetingStatus, Stance } from '../../src/store/schema.ts';
import type { TestApp } from './test-app.ts';

/**
 * Small row builders for meetings, amendments and positions, written straight into the test
 * database: the timeline and brief tests must not depend on the demo content of those areas.
 */

export interface DemoIds {
  processId: string;
  planId: string;
  party: (code: 'OSE' | 'VEL' | 'KRF' | 'BCC' | 'CCV') => string;
  user: (email: string) => string;
  version: (label: 'Draft 1' | 'Draft 2' | 'Draft 3') => { id: string; content: PlanContent };
}

/** Ids of the demo's parties, users and versions, read from the database. */
export async function demoIds(ctx: TestApp): Promise<DemoIds> {
  const db = ctx.database.db;
  const { processId, planId } = ctx.demo;
  const parties = await db
    .selectFrom('parties')
    .select(['id', 'code'])
    .where('process_id', '=', processId)
    .execute();
  const users = await db.selectFrom('users').select(['id', 'email']).execute();
  const versions = await db
    .selectFrom('versions')
    .select(['id', 'label', 'content'])
    .where('plan_id', '=', planId)
    .execute();
  const find = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo has no ${what}`);
    return value;
  };
  return {
    processId,
    planId,
    party: (code) =>
      find(
        parties.find((p) => p.code === code),
        code,
      ).id,
    user: (email) =>
      find(
        users.find((u) => u.email === email),
        email,
      ).id,
    version: (label) => {
      const v = find(
        versions.find((x) => x.label === label),
        label,
      );
      return { id: v.id, content: JSON.parse(v.content) as PlanContent };
    },
  };
}

const DAY = 86_400_000;
/** An ISO instant `days` from now (negative: in the past). */
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface MeetingSpec {
  title: string;
  startsInDays: number;
  partyIds: string[];
  status?: MeetingStatus;
  /** Earlier statuses with the start they had then, oldest first; the current one is added last. */
  history?: { status: MeetingStatus; startsInDays: number; changedInDays: number; note?: string }[];
  versions?: { versionId: string; role: 'presented' | 'released' }[];
  outcome?: string;
  place?: string;
}

/** A meeting with its participants, status history and versions. */
export async function insertMeeting(ctx: TestApp, ids: DemoIds, spec: MeetingSpec): Promise<string> {
  const db = ctx.database.db;
  const id = newId('mtg');
  const createdBy = ids.user('envoy@envoy.example');
  const starts = daysFromNow(spec.startsInDays);
  const ends = new Date(Date.parse(starts) + 3 * 3_600_000).toISOString();
  const status = spec.status ?? 'planned';
  const now = new Date().toISOString();
  await db
    .insertInto('meetings')
    .values({
      id,
      process_id: ids.processId,
      title: spec.title,
      starts_at: starts,
      ends_at: ends,
      time_zone: 'Europe/Zurich',
      place_kind: 'in_person',
      place: spec.place ?? 'Palais des Nations, Geneva',
      status,
      outcome: spec.outcome ?? '',
      sequence: 0,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const history = [
    ...(spec.history ?? []),
    { status, startsInDays: spec.startsInDays, changedInDays: Math.min(spec.startsInDays, -0.5), note: '' },
  ];
  for (const h of history) {
    const s = daysFromNow(h.startsInDays);
    await db
      .insertInto('meeting_status_history')
      .values({
        id: newId('mst'),
        meeting_id: id,
        status: h.status,
        starts_at: s,
        ends_at: new Date(Date.parse(s) + 3 * 3_600_000).toISOString(),
        time_zone: 'Europe/Zurich',
        note: h.note ?? '',
        changed_by: createdBy,
        changed_at: daysFromNow(h.changedInDays),
      })
      .execute();
  }
  for (const partyId of spec.partyIds)
    await db
      .insertInto('meeting_participants')
      .values({ id: newId('mpt'), meeting_id: id, party_id: partyId, name: '' })
      .execute();
  for (const v of spec.versions ?? [])
    await db
      .insertInto('meeting_versions')
      .values({ meeting_id: id, version_id: v.versionId, role: v.role })
      .execute();
  return id;
}

export interface AmendmentSpec {
  partyId: string;
  authorId: string;
  baseVersionId: string;
  pointId: string | null;
  kind?: AmendmentKind;
  text: string;
  rationale?: string;
  state: AmendmentState;
  submittedDaysAgo?: number;
  decidedDaysAgo?: number;
  reply?: string;
  takenInVersionId?: string;
}

/** An amendment in a given state, with the dates that state implies. */
export async function insertAmendment(ctx: TestApp, ids: DemoIds, spec: AmendmentSpec): Promise<string> {
  const id = newId('amd');
  const created = daysFromNow(-(spec.submittedDaysAgo ?? 3) - 1);
  await ctx.database.db
    .insertInto('amendments')
    .values({
      id,
      process_id: ids.processId,
      plan_id: ids.planId,
      party_id: spec.partyId,
      base_version_id: spec.baseVersionId,
      kind: spec.kind ?? 'replace',
      point_id: spec.pointId,
      after_point_id: null,
      area_id: null,
      text: spec.text,
      rationale: spec.rationale ?? '',
      state: spec.state,
      reply: spec.reply ?? '',
      applied_text: null,
      applied_point_id: null,
      taken_in_version_id: spec.takenInVersionId ?? null,
      source: 'manual',
      import_batch_id: null,
      author_id: spec.authorId,
      created_at: created,
      updated_at: created,
      submitted_at: spec.state === 'draft' ? null : daysFromNow(-(spec.submittedDaysAgo ?? 3)),
      decided_at: spec.decidedDaysAgo === undefined ? null : daysFromNow(-spec.decidedDaysAgo),
      decided_by: spec.decidedDaysAgo === undefined ? null : ids.user('envoy@envoy.example'),
      revision: 1,
    })
    .execute();
  return id;
}

export interface PositionSpec {
  partyId: string;
  authorId: string;
  versionId: string;
  pointId: string;
  stance: Stance;
  priority?: number;
  rationale?: string;
  shared?: boolean;
  daysAgo: number;
}

/** One position row (a party's stance as of a version). */
export async function insertPosition(ctx: TestApp, ids: DemoIds, spec: PositionSpec): Promise<string> {
  const id = newId('pos');
  await ctx.database.db
    .insertInto('positions')
    .values({
      id,
      process_id: ids.processId,
      plan_id: ids.planId,
      point_id: spec.pointId,
      party_id: spec.partyId,
      version_id: spec.versionId,
      stance: spec.stance,
      priority: spec.priority ?? 3,
      rationale: spec.rationale ?? '',
      rationale_shared: spec.shared ? 1 : 0,
      author_id: spec.authorId,
      recorded_at: daysFromNow(-spec.daysAgo),
    })
    .execute();
  return id;
}

/**
 * A small negotiation on the demo plan, the same for the timeline and brief tests: Veloria's and
 * Karst's positions and amendments, a meeting of both, a Veloria-only one, a Karst-only one. The
 * `secret` strings are what Karst must never read; `karst` strings what it must.
 */
export async function seedNegotiation(ctx: TestApp) {
  const ids = await demoIds(ctx);
  const vel = ids.party('VEL');
  const krf = ids.party('KRF');
  const ose = ids.party('OSE');
  const draftTwo = ids.version('Draft 2');
  const draftThree = ids.version('Draft 3');
  const [pointA, pointB] = draftTwo.content.points;
  if (!pointA || !pointB) throw new Error('Draft 2 has too few points');
  const velLead = ids.user('lead@veloria.example');
  const krfLead = ids.user('lead@karst.example');

  const text = {
    velAmendment: 'Phased withdrawal verified by the Consortium before each phase begins.',
    velRationale: 'Cabinet cannot accept a fixed date without verification first.',
    velAmendmentWhy: 'Parliament will ratify only a verified sequence.',
    velMeeting: 'Veloria bilateral on sequencing',
    krfSubmitted: 'The Joint Commission shall meet weekly during the first month.',
    krfAccepted: 'Prisoners shall be exchanged all for all within thirty days.',
    krfDraft: 'A humanitarian pause during the harvest season.',
    krfRationale: 'Only with international monitors on the line of contact.',
    jointMeeting: 'Geneva round 3',
    krfMeeting: 'Karst technical consultation',
  };
  const meetings = {
    joint: await insertMeeting(ctx, ids, {
      title: text.jointMeeting,
      startsInDays: -3,
      partyIds: [ose, vel, krf],
      status: 'held',
      versions: [
        { versionId: draftTwo.id, role: 'presented' },
        { versionId: draftThree.id, role: 'presented' },
      ],
      outcome: 'Both delegations accepted the agenda for the next round.',
    }),
    vel: await insertMeeting(ctx, ids, {
      title: text.velMeeting,
      startsInDays: 4,
      partyIds: [ose, vel],
      status: 'postponed',
      history: [{ status: 'planned', startsInDays: -1, changedInDays: -9 }],
    }),
    krf: await insertMeeting(ctx, ids, {
      title: text.krfMeeting,
      startsInDays: 6,
      partyIds: [ose, krf],
      status: 'confirmed',
      place: 'Hofburg, Vienna',
    }),
  };
  const amendments = {
    vel: await insertAmendment(ctx, ids, {
      partyId: vel,
      authorId: velLead,
      baseVersionId: draftThree.id,
      pointId: pointA.id,
      text: text.velAmendment,
      rationale: text.velAmendmentWhy,
      state: 'submitted',
      submittedDaysAgo: 4,
    }),
    krfSubmitted: await insertAmendment(ctx, ids, {
      partyId: krf,
      authorId: krfLead,
      baseVersionId: draftTwo.id,
      pointId: pointB.id,
      text: text.krfSubmitted,
      state: 'submitted',
      submittedDaysAgo: 5,
    }),
    krfAccepted: await insertAmendment(ctx, ids, {
      partyId: krf,
      authorId: krfLead,
      baseVersionId: draftTwo.id,
      pointId: pointA.id,
      text: text.krfAccepted,
      state: 'accepted',
      submittedDaysAgo: 12,
      decidedDaysAgo: 8,
      reply: 'Taken in with a longer deadline.',
      takenInVersionId: draftThree.id,
    }),
    krfDraft: await insertAmendment(ctx, ids, {
      partyId: krf,
      authorId: krfLead,
      baseVersionId: draftTwo.id,
      pointId: pointB.id,
      text: text.krfDraft,
      state: 'draft',
    }),
  };
  const positions = {
    velFirst: await insertPosition(ctx, ids, {
      partyId: vel,
      authorId: velLead,
      versionId: draftTwo.id,
      pointId: pointA.id,
      stance: 'support',
      daysAgo: 15,
    }),
    velChanged: await insertPosition(ctx, ids, {
      partyId: vel,
      authorId: velLead,
      versionId: draftThree.id,
      pointId: pointA.id,
      stance: 'oppose',
      priority: 5,
      rationale: text.velRationale,
      daysAgo: 4,
    }),
    krfFirst: await insertPosition(ctx, ids, {
      partyId: krf,
      authorId: krfLead,
      versionId: draftTwo.id,
      pointId: pointA.id,
      stance: 'oppose',
      daysAgo: 16,
    }),
    krfChanged: await insertPosition(ctx, ids, {
      partyId: krf,
      authorId: krfLead,
      versionId: draftTwo.id,
      pointId: pointA.id,
      stance: 'reservations',
      priority: 4,
      rationale: text.krfRationale,
      shared: true,
      daysAgo: 2,
    }),
    krfPointB: await insertPosition(ctx, ids, {
      partyId: krf,
      authorId: krfLead,
      versionId: draftTwo.id,
      pointId: pointB.id,
      stance: 'support',
      daysAgo: 16,
    }),
  };
  return { ids, vel, krf, ose, draftTwo, draftThree, pointA, pointB, text, meetings, amendments, positions };
}

export type SeededNegotiation = Awaited<ReturnType<typeof seedNegotiation>>;

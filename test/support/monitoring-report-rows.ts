import { newId } from '../../src/domain/shared/ids.ts';
import type { Database } from '../../src/store/database.ts';

/**
 * Agreements, commitments, progress entries and scores written straight into a test database, for
 * the webhook, report and CLI tests: they must not depend on the agreement API or the demo truce.
 * Instants are ISO strings; deadlines are absolute, in UTC, so the tests read them at a glance.
 */

export interface SeedCommitment {
  title: string;
  /** Absolute deadline (UTC instant), or none. */
  deadlineAt?: string;
  partyIds?: string[];
  pointId?: string | null;
  phase?: number;
  targetQuantity?: number;
  targetUnit?: string;
  progress?: SeedProgress[];
  scores?: SeedScore[];
}

export interface SeedProgress {
  occurredAt: string;
  kind: 'progress' | 'completed' | 'breached' | 'disputed' | 'dispute_resolved' | 'reopened';
  quantity?: number;
  note?: string;
}

export interface SeedScore {
  score: number;
  justification: string;
  effectiveAt: string;
}

export interface SeedAgreement {
  processId: string;
  planId: string;
  versionId: string;
  createdBy: string;
  title?: string;
  adoptedOn?: string;
  entryIntoForceAt?: string | null;
  signatures?: { partyId: string; kind: 'signature' | 'endorsement'; signedOn: string }[];
  phases?: string[];
  commitments: SeedCommitment[];
}

/** "2027-03-01T12:00:00.000Z" → "2027-03-01T12:00" (the wall time in UTC, as entered). */
const localOf = (iso: string) => iso.slice(0, 16);

/** Writes an agreement with its commitments; returns the ids in the order given. */
export async function seedAgreement(database: Database, spec: SeedAgreement) {
  const db = database.db;
  const now = new Date().toISOString();
  const id = newId('agr');
  const eif = spec.entryIntoForceAt ?? null;
  await db
    .insertInto('agreements')
    .values({
      id,
      process_id: spec.processId,
      plan_id: spec.planId,
      version_id: spec.versionId,
      title: spec.title ?? 'Test agreement',
      adopted_on: spec.adoptedOn ?? '2027-02-20',
      entry_into_force_local: eif && localOf(eif),
      entry_into_force_zone: eif && 'UTC',
      entry_into_force_at: eif,
      created_by: spec.createdBy,
      created_at: now,
      updated_at: now,
      revision: 1,
    })
    .execute();
  for (const s of spec.signatures ?? [])
    await db
      .insertInto('agreement_signatures')
      .values({
        id: newId('sig'),
        agreement_id: id,
        party_id: s.partyId,
        kind: s.kind,
        signed_on: s.signedOn,
      })
      .execute();
  const phaseIds: string[] = [];
  for (const [position, name] of (spec.phases ?? []).entries()) {
    const phaseId = newId('phs');
    phaseIds.push(phaseId);
    await db
      .insertInto('agreement_phases')
      .values({ id: phaseId, agreement_id: id, position, name, description: '' })
      .execute();
  }
  const commitmentIds: string[] = [];
  for (const [position, c] of spec.commitments.entries()) {
    const commitmentId = newId('cmt');
    commitmentIds.push(commitmentId);
    await db
      .insertInto('commitments')
      .values({
        id: commitmentId,
        process_id: spec.processId,
        agreement_id: id,
        point_id: c.pointId ?? null,
        sub_item: null,
        position,
        title: c.title,
        description: `Confidential description of ${c.title}`,
        phase_id: c.phase === undefined ? null : (phaseIds[c.phase] ?? null),
        deadline_kind: c.deadlineAt ? 'absolute' : 'none',
        deadline_local: c.deadlineAt ? localOf(c.deadlineAt) : null,
        deadline_zone: c.deadlineAt ? 'UTC' : null,
        deadline_at: c.deadlineAt ?? null,
        offset_amount: null,
        offset_unit: null,
        anchor_commitment_id: null,
        target_quantity: c.targetQuantity ?? null,
        target_unit: c.targetUnit ?? null,
        verification_method: 'Reports of the monitoring mission',
        created_by: spec.createdBy,
        created_at: now,
        updated_at: now,
        revision: 1,
      })
      .execute();
    for (const partyId of c.partyIds ?? [])
      await db
        .insertInto('commitment_parties')
        .values({ commitment_id: commitmentId, party_id: partyId })
        .execute();
    for (const p of c.progress ?? []) await addProgress(database, commitmentId, spec.createdBy, p);
    for (const s of c.scores ?? []) await addScore(database, commitmentId, spec.createdBy, s);
  }
  return { agreementId: id, commitmentIds, phaseIds };
}

export async function addProgress(database: Database, commitmentId: string, userId: string, p: SeedProgress) {
  await database.db
    .insertInto('commitment_progress')
    .values({
      id: newId('prg'),
      commitment_id: commitmentId,
      occurred_at: p.occurredAt,
      kind: p.kind,
      quantity: p.quantity ?? null,
      note: p.note ?? '',
      event_report_id: null,
      recorded_by: userId,
      recorded_at: new Date().toISOString(),
    })
    .execute();
}

export async function addScore(database: Database, commitmentId: string, userId: string, s: SeedScore) {
  await database.db
    .insertInto('commitment_scores')
    .values({
      id: newId('scr'),
      commitment_id: commitmentId,
      score: s.score,
      justification: s.justification,
      evidence: '[]',
      event_report_ids: '[]',
      effective_at: s.effectiveAt,
      recorded_by: userId,
      recorded_at: new Date().toISOString(),
    })
    .execute();
}

/** The id of a user by e-mail. */
export async function userId(database: Database, email: string): Promise<string> {
  const row = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

const DAY = 86_400_000;

/** The texts the report and CLI tests look for. */
export const REPORT_TEXT = {
  title: 'Orlen valley truce (report test)',
  hostages: 'Release all living hostages',
  weapons: 'Withdraw heavy weapons',
  remains: 'Return the remains of the deceased',
  crossings: 'Open the crossings',
  fullJustification: 'All twenty released, confirmed by the ICRC',
  minimalJustification: 'Only a few units moved back',
};

/**
 * An agreement with mixed outcomes, in force since ten days before `now`: one completed on time
 * against a quantity target, one overdue, one under way against a target, one breached.
 */
export async function seedReportAgreement(
  database: Database,
  ids: { processId: string; planId: string; versionId: string; mediatorId: string; pointIds: string[] },
  parties: { vel: string; krf: string },
  now = Date.now(),
) {
  const eif = now - 10 * DAY;
  const day = (d: number) => new Date(eif + d * DAY).toISOString();
  const seeded = await seedAgreement(database, {
    processId: ids.processId,
    planId: ids.planId,
    versionId: ids.versionId,
    createdBy: ids.mediatorId,
    title: REPORT_TEXT.title,
    adoptedOn: day(-2).slice(0, 10),
    entryIntoForceAt: day(0),
    signatures: [
      { partyId: parties.vel, kind: 'signature', signedOn: day(-2).slice(0, 10) },
      { partyId: parties.krf, kind: 'signature', signedOn: day(-2).slice(0, 10) },
    ],
    phases: ['Phase one', 'Phase two'],
    commitments: [
      {
        title: REPORT_TEXT.hostages,
        pointId: ids.pointIds[0] ?? null,
        deadlineAt: day(3),
        partyIds: [parties.krf],
        phase: 0,
        targetQuantity: 20,
        targetUnit: 'living hostages',
        progress: [
          { occurredAt: day(1), kind: 'progress', quantity: 12 },
          { occurredAt: day(2), kind: 'progress', quantity: 8 },
        ],
        scores: [{ score: 3, justification: REPORT_TEXT.fullJustification, effectiveAt: day(3) }],
      },
      {
        title: REPORT_TEXT.weapons,
        pointId: ids.pointIds[1] ?? null,
        deadlineAt: day(5),
        partyIds: [parties.vel],
        phase: 0,
        scores: [{ score: 1, justification: REPORT_TEXT.minimalJustification, effectiveAt: day(6) }],
      },
      {
        title: REPORT_TEXT.remains,
        pointId: ids.pointIds[1] ?? null,
        deadlineAt: day(20),
        partyIds: [parties.krf, parties.vel],
        phase: 1,
        targetQuantity: 28,
        targetUnit: 'remains',
        progress: [{ occurredAt: day(4), kind: 'progress', quantity: 10 }],
      },
      {
        title: REPORT_TEXT.crossings,
        partyIds: [parties.vel],
        progress: [{ occurredAt: day(7), kind: 'breached', note: 'Crossing closed again' }],
      },
    ],
  });
  return { ...seeded, day };
}

import { expect } from 'vitest';
import { newId } from '../../src/domain/shared/ids.ts';
import type { Database } from '../../src/store/database.ts';
import { insertAgreement } from '../../src/store/monitoring/agreements.repository.ts';
import { replaceCommitmentParties } from '../../src/store/monitoring/commitment-parties.repository.ts';
import { insertCommitments } from '../../src/store/monitoring/commitments.repository.ts';
import type { Client } from './test-app.ts';

/**
 * Agreements and commitments written straight to the store, for the authorization matrix and any
 * test that needs one without going through the API. A version is adopted at most once, so
 * `agreementOnVersion` finds the agreement already on a version before writing one: samples of
 * every monitoring area may ask for "the agreement on Draft 2" and get the same one.
 */

export interface AgreementSeed {
  processId: string;
  planId: string;
  versionId: string;
  createdBy: string;
}

/** The agreement adopted on a version, written (entry into force a week ago, UTC) if there is none. */
export async function agreementOnVersion(database: Database, seed: AgreementSeed): Promise<string> {
  const existing = await database.db
    .selectFrom('agreements')
    .select('id')
    .where('version_id', '=', seed.versionId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const id = newId('agr');
  const now = new Date();
  const entry = new Date(now.getTime() - 7 * 86_400_000);
  entry.setUTCSeconds(0, 0);
  try {
    await insertAgreement(database.db, {
      id,
      process_id: seed.processId,
      plan_id: seed.planId,
      version_id: seed.versionId,
      title: 'Matrix agreement',
      adopted_on: entry.toISOString().slice(0, 10),
      entry_into_force_local: entry.toISOString().slice(0, 16),
      entry_into_force_zone: 'UTC',
      entry_into_force_at: entry.toISOString(),
      created_by: seed.createdBy,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      revision: 1,
    });
    return id;
  } catch (error) {
    // Another sample wrote it between the look-up and the insert.
    const again = await database.db
      .selectFrom('agreements')
      .select('id')
      .where('version_id', '=', seed.versionId)
      .executeTakeFirst();
    if (again) return again.id;
    throw error;
  }
}

export interface CommitmentSeed {
  processId: string;
  agreementId: string;
  createdBy: string;
  title?: string;
  pointId?: string | null;
  partyIds?: string[];
  /** Hours after entry into force it is due (default 72). */
  dueAfterHours?: number;
}

let position = 1000;

/** A commitment due some hours after entry into force, written straight to the store. */
export async function writeCommitment(database: Database, seed: CommitmentSeed): Promise<string> {
  const id = newId('cmt');
  const now = new Date().toISOString();
  await insertCommitments(database.db, [
    {
      id,
      process_id: seed.processId,
      agreement_id: seed.agreementId,
      point_id: seed.pointId ?? null,
      sub_item: null,
      position: ++position,
      title: seed.title ?? `Matrix commitment ${position}`,
      description: 'Written by a test',
      phase_id: null,
      deadline_kind: 'after_entry_into_force',
      deadline_local: null,
      deadline_zone: null,
      deadline_at: null,
      offset_amount: seed.dueAfterHours ?? 72,
      offset_unit: 'hours',
      anchor_commitment_id: null,
      target_quantity: null,
      target_unit: null,
      verification_method: '',
      created_by: seed.createdBy,
      created_at: now,
      updated_at: now,
      revision: 1,
    },
  ]);
  await replaceCommitmentParties(database.db, id, seed.partyIds ?? []);
  return id;
}

/** The revision a row has now, for a PATCH sample or test that must name it. */
export async function currentRevision(
  database: Database,
  table: 'agreements' | 'commitments',
  id: string,
): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select('revision')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

/** Adopts a version through the API as `client` (the mediator) and returns the agreement. */
export async function adoptThroughApi(client: Client, processId: string, body: Record<string, unknown>) {
  const res = await client.post(`/api/v1/processes/${processId}/agreements`, {
    title: 'Test agreement',
    adoptedOn: '2025-03-19',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().agreement as {
    id: string;
    versionId: string;
    revision: number;
    phases: { id: string; name: string }[];
  };
}

/** Adds a commitment through the API and returns it. */
export async function commitThroughApi(
  client: Client,
  processId: string,
  agreementId: string,
  body: Record<string, unknown>,
) {
  const res = await client.post(`/api/v1/processes/${processId}/agreements/${agreementId}/commitments`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().commitment as CommitmentView;
}

/** A commitment as the API returns it (the fields the tests look at). */
export interface CommitmentView {
  id: string;
  agreementId: string;
  position: number;
  title: string;
  description: string;
  pointId: string | null;
  pointNumber: string | null;
  subItem: number | null;
  area: string | null;
  tags: string[];
  phaseId: string | null;
  partyIds: string[];
  deadline: Record<string, unknown>;
  deadlineAt: string | null;
  waitingFor: string | null;
  status: string;
  quantityDone: number;
  targetQuantity: number | null;
  targetUnit: string | null;
  score: number | null;
  completedAt: string | null;
  verificationMethod: string;
  revision: number;
  progress: {
    id: string;
    kind: string;
    quantity: number | null;
    occurredAt: string;
    eventReportId: string | null;
  }[];
  scores: { score: number; justification: string; evidence: unknown[]; eventReportIds: string[] }[];
  events: { id: string; status: string }[];
}

/** An event report written straight to the store, in the status given (no verification history). */
export async function writeEventReport(
  database: Database,
  seed: { processId: string; reportedBy: string; status: string; reportedByPartyId?: string | null },
): Promise<string> {
  const id = newId('evt');
  const now = new Date().toISOString();
  await database.db
    .insertInto('event_reports')
    .values({
      id,
      process_id: seed.processId,
      external_id: null,
      dedupe_key: id,
      occurred_at: '2025-03-22T06:00:00.000Z',
      time_precision: 'hour',
      place_name: 'Orlen bridge',
      latitude: 45.1,
      longitude: 21.2,
      geo_precision: 1,
      event_type: 'Release',
      sub_event_type: '',
      actor1: '',
      actor2: '',
      fatalities: null,
      description: 'Written by a test',
      source: 'Test',
      source_reliability: 'B',
      info_credibility: 2,
      status: seed.status,
      attributed_party_id: null,
      reported_by_party_id: seed.reportedByPartyId ?? null,
      reported_by: seed.reportedBy,
      import_id: null,
      created_at: now,
      updated_at: now,
      revision: 1,
    })
    .execute();
  return id;
}

import type { Selectable, Updateable } from 'kysely';
import type { DeadlineSpec, DeadlineUnit } from '../../domain/monitoring/monitoring-model.ts';
import type { Tx } from '../transaction.ts';
import type { CommitmentTable } from './monitoring.tables.ts';

export type CommitmentRow = Selectable<CommitmentTable>;

type DeadlineColumns = Pick<
  CommitmentRow,
  | 'deadline_kind'
  | 'deadline_local'
  | 'deadline_zone'
  | 'deadline_at'
  | 'offset_amount'
  | 'offset_unit'
  | 'anchor_commitment_id'
>;

/** A stored commitment's deadline as the domain reads it. */
export function deadlineOf(row: DeadlineColumns): DeadlineSpec {
  const amount = Number(row.offset_amount ?? 0);
  const unit = (row.offset_unit ?? 'days') as DeadlineUnit;
  switch (row.deadline_kind) {
    case 'absolute':
      return { kind: 'absolute', local: row.deadline_local ?? '', zone: row.deadline_zone ?? 'UTC' };
    case 'after_entry_into_force':
      return { kind: 'after_entry_into_force', amount, unit };
    case 'after_commitment':
      return { kind: 'after_commitment', amount, unit, commitmentId: row.anchor_commitment_id ?? '' };
    default:
      return { kind: 'none' };
  }
}

/** The columns a deadline is stored in; `absoluteAt` is the UTC instant of an absolute one. */
export function deadlineColumns(spec: DeadlineSpec, absoluteAt: string | null): DeadlineColumns {
  const none = {
    deadline_local: null,
    deadline_zone: null,
    deadline_at: null,
    offset_amount: null,
    offset_unit: null,
    anchor_commitment_id: null,
  };
  switch (spec.kind) {
    case 'none':
      return { deadline_kind: 'none', ...none };
    case 'absolute':
      return {
        ...none,
        deadline_kind: 'absolute',
        deadline_local: spec.local,
        deadline_zone: spec.zone,
        deadline_at: absoluteAt,
      };
    case 'after_entry_into_force':
      return { ...none, deadline_kind: spec.kind, offset_amount: spec.amount, offset_unit: spec.unit };
    case 'after_commitment':
      return {
        ...none,
        deadline_kind: spec.kind,
        offset_amount: spec.amount,
        offset_unit: spec.unit,
        anchor_commitment_id: spec.commitmentId,
      };
  }
}

export async function insertCommitments(tx: Tx, rows: CommitmentRow[]): Promise<void> {
  // A few hundred rows per statement stay under both engines' limits on bound parameters.
  for (let i = 0; i < rows.length; i += 200)
    await tx
      .insertInto('commitments')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** Compare-and-set on the revision, like agreements; false when someone else wrote meanwhile. */
export async function updateCommitment(
  tx: Tx,
  id: string,
  expectedRevision: number,
  changes: Omit<Updateable<CommitmentTable>, 'id' | 'revision'>,
): Promise<boolean> {
  const result = await tx
    .updateTable('commitments')
    .set({ ...changes, revision: expectedRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteCommitment(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('commitments').where('id', '=', id).execute();
}

export async function findCommitment(
  tx: Tx,
  processId: string,
  id: string,
): Promise<CommitmentRow | undefined> {
  return tx
    .selectFrom('commitments')
    .selectAll()
    .where('process_id', '=', processId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The commitments of an agreement in their order. */
export async function listCommitments(tx: Tx, agreementId: string): Promise<CommitmentRow[]> {
  return tx
    .selectFrom('commitments')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** What the status rules and the dashboard read of a commitment: no wording, no bookkeeping. */
export type CommitmentFactsRow = Pick<
  CommitmentRow,
  'id' | 'position' | 'title' | 'point_id' | 'sub_item' | 'phase_id' | 'target_quantity' | 'target_unit'
> &
  DeadlineColumns;

/** The commitments of an agreement in their order, with only what their status needs. */
export async function listCommitmentFacts(tx: Tx, agreementId: string): Promise<CommitmentFactsRow[]> {
  return tx
    .selectFrom('commitments')
    .select([
      'id',
      'position',
      'title',
      'point_id',
      'sub_item',
      'phase_id',
      'deadline_kind',
      'deadline_local',
      'deadline_zone',
      'deadline_at',
      'offset_amount',
      'offset_unit',
      'anchor_commitment_id',
      'target_quantity',
      'target_unit',
    ])
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The commitments whose clock starts when `id` is completed. */
export async function listDependents(tx: Tx, id: string): Promise<{ id: string; title: string }[]> {
  return tx
    .selectFrom('commitments')
    .select(['id', 'title'])
    .where('anchor_commitment_id', '=', id)
    .orderBy('position')
    .execute();
}

/** The next free position at the end of an agreement's list. */
export async function nextPosition(tx: Tx, agreementId: string): Promise<number> {
  const row = await tx
    .selectFrom('commitments')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

/** The event reports linked to some commitments, for the reader-dependent list on a commitment. */
export async function listLinkedEvents(tx: Tx, commitmentIds: readonly string[]) {
  if (commitmentIds.length === 0) return [];
  return tx
    .selectFrom('event_commitment_links as l')
    .innerJoin('event_reports as e', 'e.id', 'l.event_report_id')
    .select([
      'l.commitment_id',
      'e.id',
      'e.occurred_at',
      'e.time_precision',
      'e.place_name',
      'e.event_type',
      'e.sub_event_type',
      'e.status',
      'e.attributed_party_id',
      'e.reported_by_party_id',
    ])
    .where('l.commitment_id', 'in', commitmentIds)
    .orderBy('l.commitment_id')
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
}

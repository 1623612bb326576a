import type { Selectable } from 'kysely';
import type { Tx } from '../transaction.ts';
import type { ZoneTable } from './monitoring.tables.ts';

export type ZoneRow = Selectable<ZoneTable>;

export async function insertZones(tx: Tx, rows: readonly ZoneRow[]): Promise<void> {
  // A geometry is one text column: a few per statement keeps each statement's size moderate.
  for (let i = 0; i < rows.length; i += 50)
    await tx
      .insertInto('zones')
      .values(rows.slice(i, i + 50))
      .execute();
}

/** The zones of an agreement, in the order they were imported. */
export async function listZones(tx: Tx, agreementId: string): Promise<ZoneRow[]> {
  return tx
    .selectFrom('zones')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A zone of the process with its agreement's adopted version (whose holders may read it). */
export async function findZone(tx: Tx, processId: string, zoneId: string) {
  return tx
    .selectFrom('zones as z')
    .innerJoin('agreements as a', 'a.id', 'z.agreement_id')
    .select(['z.id', 'z.agreement_id', 'z.kind', 'z.name', 'a.version_id'])
    .where('z.process_id', '=', processId)
    .where('z.id', '=', zoneId)
    .executeTakeFirst();
}

export async function deleteZone(tx: Tx, zoneId: string): Promise<void> {
  await tx.deleteFrom('zones').where('id', '=', zoneId).execute();
}

/**
 * An agreement of the process, as far as zones need it: its adopted version (whose holders read
 * it) and plan (whose points a zone may be tied to).
 */
export async function findZoneAgreement(tx: Tx, processId: string, agreementId: string) {
  return tx
    .selectFrom('agreements')
    .select(['id', 'plan_id', 'version_id'])
    .where('process_id', '=', processId)
    .where('id', '=', agreementId)
    .executeTakeFirst();
}

import type { Selectable } from 'kysely';
import type { TextFingerprintTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type FingerprintRow = Selectable<TextFingerprintTable>;

export async function insertFingerprint(tx: Tx, row: FingerprintRow): Promise<void> {
  await tx.insertInto('text_fingerprints').values(row).execute();
}

/** A recorded copy with who received it and what it was, for naming the source of a leak. */
export interface FingerprintRecord {
  id: string;
  process_id: string;
  plan_id: string;
  plan_title: string;
  version_id: string;
  version_label: string;
  party_id: string | null;
  party_name: string | null;
  user_id: string;
  user_email: string;
  user_name: string;
  channel: string;
  seed: string;
  created_at: string;
}

/** Every recorded copy, or those of one process, oldest first. */
export async function listFingerprints(tx: Tx, processId?: string): Promise<FingerprintRecord[]> {
  let query = tx
    .selectFrom('text_fingerprints as f')
    .innerJoin('versions as v', 'v.id', 'f.version_id')
    .innerJoin('plans as pl', 'pl.id', 'f.plan_id')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .leftJoin('parties as p', 'p.id', 'f.party_id')
    .select([
      'f.id',
      'f.process_id',
      'f.plan_id',
      'pl.title as plan_title',
      'f.version_id',
      'v.label as version_label',
      'f.party_id',
      'p.name as party_name',
      'f.user_id',
      'u.email as user_email',
      'u.name as user_name',
      'f.channel',
      'f.seed',
      'f.created_at',
    ]);
  if (processId !== undefined) query = query.where('f.process_id', '=', processId);
  return query.orderBy('f.created_at').orderBy('f.id').execute();
}

/** The stored text of each version named, as JSON, keyed by version id. */
export async function versionContents(tx: Tx, versionIds: readonly string[]): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  // Chunked: an IN list of thousands of parameters is slow on SQLite and capped on both engines.
  for (let i = 0; i < versionIds.length; i += 500) {
    const rows = await tx
      .selectFrom('versions')
      .select(['id', 'content'])
      .where('id', 'in', versionIds.slice(i, i + 500))
      .execute();
    for (const row of rows) contents.set(row.id, row.content);
  }
  return contents;
}

import { sql } from 'kysely';
import type { Tx } from '../transaction.ts';

/** Which of a process's audit entries to read: one page, newest first. */
export interface AuditQuery {
  processId: string;
  /** Only entries by this user. */
  actorId?: string;
  /** Only entries by members of this party of the process. */
  partyId?: string;
  /** An action ("version.view"), or a family of them when it ends in a dot ("version."). */
  action?: string;
  /** ISO-8601 instants in UTC (as `at` is stored), both inclusive. */
  from?: string;
  to?: string;
  /** Keyset cursor: only entries older than this sequence number. */
  before?: number;
  limit: number;
  /**
   * The reader's party: what other parties do in their private space (their notes) is theirs, so
   * the entries about it are left out; only the reader's own party's note entries remain.
   */
  readerPartyId: string;
}

/**
 * One page of a process's audit entries with the actor's name, e-mail and party in that process.
 * Keyset paging on `seq` walks the (process_id, seq) index backwards, so a page costs the same at
 * the millionth entry as at the first.
 */
/**
 * Audit subjects that are a party's own business: its private notes, its party-only comment
 * threads, its amendments while still drafts (and counter-proposal imports, which make drafts).
 * Another party's reader, the mediator included, does not learn even that they were written.
 */
export const PARTY_PRIVATE_SUBJECTS = [
  'party_note',
  'party_comment',
  'amendment_draft',
  'amendment_batch',
  'party_preferences',
];

export async function queryProcessAudit(tx: Tx, q: AuditQuery) {
  let query = tx
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'a.actor_id').on('m.process_id', '=', q.processId),
    )
    .leftJoin('parties as p', 'p.id', 'm.party_id')
    .select([
      'a.seq',
      'a.at',
      'a.actor_id',
      'a.action',
      'a.subject_type',
      'a.subject_id',
      'a.detail',
      'a.hash',
      'u.name as actor_name',
      'u.email as actor_email',
      'p.id as party_id',
      'p.name as party_name',
      'p.code as party_code',
      'p.colour as party_colour',
    ])
    .where('a.process_id', '=', q.processId)
    .where((eb) =>
      eb.or([eb('a.subject_type', 'not in', PARTY_PRIVATE_SUBJECTS), eb('m.party_id', '=', q.readerPartyId)]),
    );
  if (q.actorId !== undefined) query = query.where('a.actor_id', '=', q.actorId);
  // The membership joined above is the actor's in this process: filtering on it is the party filter.
  if (q.partyId !== undefined) query = query.where('m.party_id', '=', q.partyId);
  if (q.action !== undefined) {
    if (q.action.endsWith('.')) {
      // A prefix without LIKE: "_" is a LIKE wildcard, and the two engines escape it differently.
      const head = sql<string>`substr(${sql.ref('a.action')}, 1, ${sql.lit(q.action.length)})`;
      query = query.where(head, '=', q.action);
    } else {
      query = query.where('a.action', '=', q.action);
    }
  }
  if (q.from !== undefined) query = query.where('a.at', '>=', q.from);
  if (q.to !== undefined) query = query.where('a.at', '<=', q.to);
  if (q.before !== undefined) query = query.where('a.seq', '<', q.before);
  const rows = await query.orderBy('a.seq', 'desc').limit(q.limit).execute();
  // PostgreSQL may hand back integers of wide columns as strings; the cursor must be a number.
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export type AuditQueryRow = Awaited<ReturnType<typeof queryProcessAudit>>[number];

/** The distinct actions recorded in a process, sorted: what the action filter offers. */
export async function listProcessAuditActions(
  tx: Tx,
  processId: string,
  readerPartyId: string,
): Promise<string[]> {
  // The same party-private filter as the entries: an action name alone ("amendment.import") can tell.
  const rows = await tx
    .selectFrom('audit_log as a')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'a.actor_id').on('m.process_id', '=', processId),
    )
    .select('a.action')
    .distinct()
    .where('a.process_id', '=', processId)
    .where((eb) =>
      eb.or([eb('a.subject_type', 'not in', PARTY_PRIVATE_SUBJECTS), eb('m.party_id', '=', readerPartyId)]),
    )
    .orderBy('a.action')
    .execute();
  return rows.map((r) => r.action);
}

/** Current labels of the subjects a page of entries refers to, scoped to the process. */
export async function auditSubjectLabels(
  tx: Tx,
  processId: string,
  ids: { plans: string[]; versions: string[]; users: string[] },
) {
  const [plans, versions, users] = await Promise.all([
    ids.plans.length === 0
      ? []
      : tx
          .selectFrom('plans')
          .select(['id', 'title as label'])
          .where('process_id', '=', processId)
          .where('id', 'in', ids.plans)
          .execute(),
    ids.versions.length === 0
      ? []
      : tx
          .selectFrom('versions as v')
          .innerJoin('plans as pl', 'pl.id', 'v.plan_id')
          .select(['v.id', 'v.label', 'v.plan_id'])
          .where('pl.process_id', '=', processId)
          .where('v.id', 'in', ids.versions)
          .execute(),
    // Users are named only as members of this process: no other account is revealed here.
    ids.users.length === 0
      ? []
      : tx
          .selectFrom('users as u')
          .innerJoin('memberships as m', 'm.user_id', 'u.id')
          .select(['u.id', 'u.name as label'])
          .where('m.process_id', '=', processId)
          .where('u.id', 'in', ids.users)
          .execute(),
  ]);
  return { plans, versions, users };
}

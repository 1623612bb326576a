import type { Selectable } from 'kysely';
import type { MembershipTable, PartyTable, ProcessTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type ProcessRow = Selectable<ProcessTable>;
export type PartyRow = Selectable<PartyTable>;
export type MembershipRow = Selectable<MembershipTable>;

export async function insertProcess(tx: Tx, row: ProcessRow): Promise<void> {
  await tx.insertInto('processes').values(row).execute();
}

export async function findProcess(tx: Tx, id: string): Promise<ProcessRow | undefined> {
  return tx.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Processes the user is a member of, newest first. */
export async function listProcessesFor(tx: Tx, userId: string) {
  const q = tx
    .selectFrom('processes as p')
    .leftJoin('memberships as m', (j) => j.onRef('m.process_id', '=', 'p.id').on('m.user_id', '=', userId))
    .leftJoin('parties as pa', 'pa.id', 'm.party_id')
    .select([
      'p.id',
      'p.title',
      'p.description',
      'p.created_at',
      'm.role',
      'm.party_id',
      'pa.name as party_name',
      (eb) =>
        eb
          .selectFrom('plans')
          .whereRef('plans.process_id', '=', 'p.id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('plan_count'),
    ]);
  return q.where('m.user_id', '=', userId).orderBy('p.created_at', 'desc').execute();
}

export async function countProcesses(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('processes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertParty(tx: Tx, row: PartyRow): Promise<void> {
  await tx.insertInto('parties').values(row).execute();
}

export async function listParties(tx: Tx, processId: string) {
  return tx
    .selectFrom('parties as pa')
    .selectAll('pa')
    .select((eb) =>
      eb
        .selectFrom('memberships')
        .whereRef('memberships.party_id', '=', 'pa.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('member_count'),
    )
    .where('pa.process_id', '=', processId)
    .orderBy('pa.created_at')
    .orderBy('pa.name')
    .execute();
}

export async function findPartyByCode(
  tx: Tx,
  processId: string,
  code: string,
): Promise<PartyRow | undefined> {
  return tx
    .selectFrom('parties')
    .selectAll()
    .where('process_id', '=', processId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findParty(tx: Tx, processId: string, partyId: string): Promise<PartyRow | undefined> {
  return tx
    .selectFrom('parties')
    .selectAll()
    .where('process_id', '=', processId)
    .where('id', '=', partyId)
    .executeTakeFirst();
}

export async function insertMembership(tx: Tx, row: MembershipRow): Promise<void> {
  await tx.insertInto('memberships').values(row).execute();
}

export async function findMembership(
  tx: Tx,
  processId: string,
  userId: string,
): Promise<MembershipRow | undefined> {
  return tx
    .selectFrom('memberships')
    .selectAll()
    .where('process_id', '=', processId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listMembers(tx: Tx, processId: string) {
  return tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'u.email', 'm.party_id', 'm.role'])
    .where('m.process_id', '=', processId)
    .orderBy('u.name')
    .execute();
}

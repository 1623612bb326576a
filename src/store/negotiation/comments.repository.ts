import type { Selectable, Updateable } from 'kysely';
import type { CommentTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type CommentRow = Selectable<CommentTable>;

export async function insertComment(tx: Tx, row: CommentRow): Promise<void> {
  await tx.insertInto('comments').values(row).execute();
}

export async function updateComment(tx: Tx, id: string, changes: Updateable<CommentTable>): Promise<void> {
  await tx.updateTable('comments').set(changes).where('id', '=', id).execute();
}

export async function deleteComment(tx: Tx, id: string): Promise<void> {
  await tx.deleteFrom('comments').where('id', '=', id).execute();
}

export async function findComment(tx: Tx, planId: string, id: string) {
  return tx
    .selectFrom('comments')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** How many comments answer a thread's first one. */
export async function countReplies(tx: Tx, threadId: string): Promise<number> {
  const row = await tx
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('thread_id', '=', threadId)
    .where('id', '!=', threadId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function commentsWithNames(tx: Tx, planId: string) {
  return (
    tx
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .innerJoin('parties as p', 'p.id', 'c.party_id')
      // The author's own party in the process: a mediator answering in a party's thread is shown as such.
      .leftJoin('memberships as m', (j) =>
        j.onRef('m.user_id', '=', 'c.author_id').onRef('m.process_id', '=', 'c.process_id'),
      )
      .leftJoin('parties as ap', 'ap.id', 'm.party_id')
      .selectAll('c')
      .select([
        'u.name as author_name',
        'ap.code as author_party_code',
        'p.name as party_name',
        'p.code as party_code',
        'p.colour as party_colour',
      ])
      .where('c.plan_id', '=', planId)
  );
}

export type CommentWithNames = Awaited<ReturnType<typeof listComments>>[number];

/** One comment with its author's and thread party's names. */
export async function findCommentWithNames(tx: Tx, planId: string, id: string) {
  return commentsWithNames(tx, planId).where('c.id', '=', id).executeTakeFirst();
}

/**
 * The comments on a plan in the threads of the given party, plus, when `openToMediatorToo` is
 * set, every thread another party opened to the mediator; oldest first.
 */
export async function listComments(tx: Tx, planId: string, partyId: string, openToMediatorToo: boolean) {
  return commentsWithNames(tx, planId)
    .where((eb) =>
      openToMediatorToo
        ? eb.or([eb('c.party_id', '=', partyId), eb('c.visibility', '=', 'mediator')])
        : eb('c.party_id', '=', partyId),
    )
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** Whether a party belongs to the process (a thread can be addressed only to one of its parties). */
export async function isPartyOfProcess(tx: Tx, processId: string, partyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('parties')
    .select('id')
    .where('process_id', '=', processId)
    .where('id', '=', partyId)
    .executeTakeFirst();
  return row !== undefined;
}

import type { z } from 'zod';
import type { Viewer } from '../../domain/access/policies.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  findCommentWithNames,
  insertComment,
  isPartyOfProcess,
} from '../../store/negotiation/comments.repository.ts';
import type { PlanRow } from '../../store/plans/plans.repository.ts';
import type { CommentVisibility } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan, planNotFound } from '../plans/plan-access.ts';
import type { newCommentSchema } from './comment.schema.ts';
import {
  assertPointHeldBy,
  commentNotFound,
  loadReadableComment,
  rowThread,
  threadSubject,
} from './comment-access.ts';
import { announceComment, commentAudit } from './comment-events.ts';
import { presentComment } from './comment-presenter.ts';

type NewComment = z.output<typeof newCommentSchema>;

interface Thread {
  id: string;
  pointId: string;
  partyId: string;
  visibility: CommentVisibility;
}

/**
 * Adds a comment: opens a thread on a point, or replies in one the actor may write in. The audit
 * entry records the comment, never its text; the live event goes out after the commit.
 */
export async function addComment(database: Database, actor: Actor, planId: string, input: NewComment) {
  const added = await database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const id = newId('cmt');
    const thread =
      input.threadId !== undefined
        ? await threadToAnswer(tx, viewer, planId, input.threadId)
        : await threadToOpen(tx, viewer, plan, id, input);
    const now = new Date().toISOString();
    const record = {
      id,
      process_id: plan.process_id,
      plan_id: planId,
      point_id: thread.pointId,
      thread_id: thread.id,
      party_id: thread.partyId,
      visibility: thread.visibility,
    };
    await insertComment(tx, {
      ...record,
      author_id: actor.user.id,
      body: input.body,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(tx, commentAudit(actor, record, 'comment.create'));
    const row = await findCommentWithNames(tx, planId, id);
    return { record, thread, comment: presentComment(row!) };
  });
  await announceComment(database, added.record);
  return { processId: added.record.process_id, thread: added.thread, comment: added.comment };
}

/** The thread a reply goes into: one the actor may read (else "not found") and write in. */
async function threadToAnswer(tx: Tx, viewer: Viewer, planId: string, threadId: string): Promise<Thread> {
  const named = await loadReadableComment(tx, viewer, planId, threadId);
  // Any comment of the thread names it; the reply joins the thread, not the comment.
  const head =
    named.thread_id === named.id ? named : await loadReadableComment(tx, viewer, planId, named.thread_id);
  authorize(viewer, 'comment.write', () => commentNotFound(threadId), threadSubject(rowThread(head)));
  return { id: head.id, pointId: head.point_id, partyId: head.party_id, visibility: head.visibility };
}

/**
 * A new thread: the actor's own party's by default; the mediator team may address one to another
 * party of the process, which that party and the mediator then read.
 */
async function threadToOpen(
  tx: Tx,
  viewer: Viewer,
  plan: PlanRow,
  id: string,
  input: NewComment,
): Promise<Thread> {
  const ownParty = viewer.membership?.partyId ?? '';
  const partyId = input.partyId ?? ownParty;
  const addressed = partyId !== ownParty;
  const visibility = input.visibility ?? (addressed ? 'mediator' : 'party');
  if (addressed && visibility === 'party')
    throw invalid(
      'body.visibility',
      "a thread addressed to another party is visible to the mediator: use 'mediator'",
    );
  const thread = { id, pointId: input.pointId ?? '', partyId, visibility };
  authorize(viewer, 'comment.write', () => planNotFound(plan.id), threadSubject(thread));
  if (addressed && !(await isPartyOfProcess(tx, plan.process_id, partyId)))
    throw invalid('body.partyId', 'is not a party of this process');
  await assertPointHeldBy(tx, viewer, plan, partyId, thread.pointId);
  return thread;
}

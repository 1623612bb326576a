import type { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  countReplies,
  deleteComment,
  findCommentWithNames,
  updateComment,
} from '../../store/negotiation/comments.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import type { commentChangesSchema } from './comment.schema.ts';
import { commentNotFound, loadReadableComment, rowThread, threadSubject } from './comment-access.ts';
import { announceComment, commentAudit } from './comment-events.ts';
import { presentComment } from './comment-presenter.ts';

/**
 * Loads a comment its author may change: unreadable is "not found"; readable but not writable in
 * (an observer's party thread, a read-only token) or someone else's is refused.
 */
async function loadOwnComment(tx: Tx, actor: Actor, planId: string, commentId: string) {
  const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
  const comment = await loadReadableComment(tx, viewer, planId, commentId);
  authorize(viewer, 'comment.write', () => commentNotFound(commentId), threadSubject(rowThread(comment)));
  if (comment.author_id !== actor.user.id)
    throw new AppError('auth.forbidden', 'Only its author can change or delete a comment.');
  return { plan, viewer, comment };
}

/** Rewrites the text of one's own comment. */
export async function editComment(
  database: Database,
  actor: Actor,
  planId: string,
  commentId: string,
  changes: z.output<typeof commentChangesSchema>,
) {
  const edited = await database.db.transaction().execute(async (tx) => {
    const { plan, comment } = await loadOwnComment(tx, actor, planId, commentId);
    await updateComment(tx, commentId, { body: changes.body, updated_at: new Date().toISOString() });
    await appendAudit(tx, commentAudit(actor, comment, 'comment.update'));
    const row = await findCommentWithNames(tx, planId, commentId);
    return { processId: plan.process_id, row: comment, comment: presentComment(row!) };
  });
  await announceComment(database, edited.row);
  return edited;
}

/**
 * Deletes one's own comment. The first comment of a thread that has replies stays (the replies
 * would lose what they answer): its author can edit it instead.
 */
export async function removeComment(database: Database, actor: Actor, planId: string, commentId: string) {
  const removed = await database.db.transaction().execute(async (tx) => {
    const { comment } = await loadOwnComment(tx, actor, planId, commentId);
    if (comment.thread_id === comment.id && (await countReplies(tx, comment.id)) > 0)
      throw new AppError(
        'conflict',
        'This comment opens a thread that has replies; edit its text instead of deleting it.',
      );
    await deleteComment(tx, commentId);
    await appendAudit(tx, commentAudit(actor, comment, 'comment.delete'));
    return comment;
  });
  await announceComment(database, removed);
}

import { can, type Subject, type Viewer } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError, invalid } from '../../domain/shared/app-error.ts';
import { type CommentRow, findComment } from '../../store/negotiation/comments.repository.ts';
import type { PlanRow } from '../../store/plans/plans.repository.ts';
import { contentsHeldBy } from '../../store/releases/releases.repository.ts';
import type { CommentVisibility } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { assertPointVisible } from '../notes/party-note-access.ts';

export const commentNotFound = (id: string) =>
  new AppError('comment.not_found', `comment ${id} does not exist or is not yours to read`);

/** A thread as the comment policies see it: whose it is, and whether the mediator reads it. */
export function threadSubject(thread: { partyId: string; visibility: CommentVisibility }): Subject {
  return { record: { partyId: thread.partyId, sharedWithMediator: thread.visibility === 'mediator' } };
}

/** Loads a comment the viewer may read; one they may not is "not found", like one that does not exist. */
export async function loadReadableComment(
  tx: Tx,
  viewer: Viewer,
  planId: string,
  commentId: string,
): Promise<CommentRow> {
  const comment = await findComment(tx, planId, commentId);
  if (!comment || !can(viewer, 'comment.read', threadSubject(rowThread(comment))))
    throw commentNotFound(commentId);
  return comment;
}

/** The thread a stored comment belongs to, in the policy's terms. */
export function rowThread(row: CommentRow) {
  return { partyId: row.party_id, visibility: row.visibility };
}

/**
 * Refuses a thread on a point its party has never been shown. For the viewer's own party that is
 * the notes' rule; for a thread the mediator addresses to another party, the texts that party holds
 * decide, so a thread can never point a party at text it was not given.
 */
export async function assertPointHeldBy(
  tx: Tx,
  viewer: Viewer,
  plan: PlanRow,
  partyId: string,
  pointId: string,
): Promise<void> {
  if (partyId === viewer.membership?.partyId) return assertPointVisible(tx, viewer, plan, pointId);
  const texts = await contentsHeldBy(tx, plan.id, partyId);
  const seen = texts.some((t) => (JSON.parse(t) as PlanContent).points.some((p) => p.id === pointId));
  if (!seen) throw invalid('body.pointId', 'is not a point of any text of this plan that party holds');
}

import type { Database } from '../../store/database.ts';
import type { CommentRow } from '../../store/negotiation/comments.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';

/** What the audit entry and the live event of a comment say about it: where it is, never its text. */
type CommentPlace = Pick<
  CommentRow,
  'id' | 'process_id' | 'plan_id' | 'point_id' | 'thread_id' | 'party_id' | 'visibility'
>;

/** The audit entry of a change to a comment; a party-only thread's activity stays out of other parties' view. */
export function commentAudit(actor: Actor, row: CommentPlace, action: string) {
  return {
    processId: row.process_id,
    actorId: actor.user.id,
    action,
    subjectType: row.visibility === 'party' ? 'party_comment' : 'comment',
    subjectId: row.id,
    detail: {
      planId: row.plan_id,
      pointId: row.point_id,
      partyId: row.party_id,
      threadId: row.thread_id,
      shared: row.visibility === 'mediator',
    },
  };
}

/** Tells the readers of the comment's thread, after the commit, that it changed. */
export function announceComment(database: Database, row: CommentPlace) {
  return publishLiveEvent(database, {
    type: 'comment.changed',
    processId: row.process_id,
    planId: row.plan_id,
    partyId: row.party_id,
    sharedWithMediator: row.visibility === 'mediator',
  });
}

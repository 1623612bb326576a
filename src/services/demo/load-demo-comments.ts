import { DEMO_THREADS } from '../../demo/demo-comments.ts';
import { newId } from '../../domain/shared/ids.ts';
import { insertComment } from '../../store/negotiation/comments.repository.ts';
import { type DemoContext, demoPoint } from './demo-context.ts';

/** Writes the demo's comment threads, each comment dated in story time. */
export async function loadDemoComments(ctx: DemoContext): Promise<void> {
  for (const thread of DEMO_THREADS) {
    const point = demoPoint(ctx, thread.versionLabel, thread.pointNumber);
    const partyId = ctx.partyIds.get(thread.partyKey);
    if (!partyId) throw new Error(`demo comments: no party ${thread.partyKey}`);
    const threadId = newId('cmt');
    for (const [index, comment] of thread.comments.entries()) {
      const authorId = ctx.userIds.get(comment.authorEmail);
      if (!authorId) throw new Error(`demo comments: no user ${comment.authorEmail}`);
      await insertComment(ctx.tx, {
        id: index === 0 ? threadId : newId('cmt'),
        process_id: ctx.processId,
        plan_id: ctx.planId,
        point_id: point.id,
        thread_id: threadId,
        party_id: partyId,
        visibility: thread.visibility,
        author_id: authorId,
        body: comment.body,
        created_at: ctx.at(comment.daysAgo),
        updated_at: ctx.at(comment.daysAgo),
      });
    }
  }
}

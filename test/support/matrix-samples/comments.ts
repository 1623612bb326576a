import { newId } from '../../../src/domain/shared/ids.ts';
import { insertComment } from '../../../src/store/negotiation/comments.repository.ts';
import {
  type MatrixCase,
  type MatrixFixture,
  next,
  partyOf,
  type Sample,
  userIdOf,
} from '../authorization-cases.ts';
import { oncePerFixture, ownEmail, VELORIA } from './sample-records.ts';

/** Veloria's party-only thread, written straight to the store once per fixture: "another party's". */
const otherThread = oncePerFixture((fx) =>
  writeThread(fx, VELORIA, 'Veloria internal: hold the line on point 1.'),
);

async function writeThread(fx: MatrixFixture, email: string, body: string): Promise<string> {
  const id = newId('cmt');
  const now = new Date().toISOString();
  await insertComment(fx.ctx.database.db, {
    id,
    process_id: fx.processId,
    plan_id: fx.planId,
    point_id: fx.sharedPointId,
    thread_id: id,
    party_id: await partyOf(fx, email),
    visibility: 'party',
    author_id: await userIdOf(fx, email),
    body,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** A fresh party-only comment written by the asker itself (another party's for the outsider). */
async function commentOf(fx: MatrixFixture, c: MatrixCase): Promise<string> {
  const email = ownEmail(c);
  if (email === null) return otherThread(fx);
  return writeThread(fx, email, `Own comment ${next()}`);
}

const commentsUrl = (fx: MatrixFixture) => `/api/v1/plans/${fx.planId}/comments`;

/**
 * Comment threads. "Own" is a thread of the asker's party that the asker wrote; "other" is a
 * Veloria thread kept from the mediator: replying in it, editing or deleting it are all "not found".
 */
export const COMMENTS_SAMPLES: Record<string, Sample> = {
  'GET /api/v1/plans/:planId/comments': async (fx) => ({ method: 'GET', url: commentsUrl(fx) }),
  'POST /api/v1/plans/:planId/comments': async (fx, c) =>
    c.note === 'own'
      ? {
          method: 'POST',
          url: commentsUrl(fx),
          payload: { pointId: fx.sharedPointId, body: `Matrix thread ${next()}`, visibility: 'party' },
        }
      : {
          method: 'POST',
          url: commentsUrl(fx),
          payload: { threadId: await otherThread(fx), body: `Matrix reply ${next()}` },
        },
  'PATCH /api/v1/plans/:planId/comments/:commentId': async (fx, c) => ({
    method: 'PATCH',
    url: `${commentsUrl(fx)}/${await commentOf(fx, c)}`,
    payload: { body: `Rewritten ${next()}` },
  }),
  'DELETE /api/v1/plans/:planId/comments/:commentId': async (fx, c) => ({
    method: 'DELETE',
    url: `${commentsUrl(fx)}/${await commentOf(fx, c)}`,
  }),
};

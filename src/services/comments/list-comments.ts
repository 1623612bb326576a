import type { z } from 'zod';
import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listComments } from '../../store/negotiation/comments.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import type { commentQuerySchema } from './comment.schema.ts';
import { rowThread, threadSubject } from './comment-access.ts';
import { presentThreads } from './comment-presenter.ts';

/**
 * The comment threads on a plan the actor may read: their own party's, and for the mediator team
 * also the threads other parties opened to it; each row is checked by the policy too. With the
 * number of threads and comments per point, for the badges beside each point.
 */
export async function getComments(
  database: Database,
  actor: Actor,
  planId: string,
  query: z.output<typeof commentQuerySchema>,
) {
  const { viewer } = await loadReadablePlan(database.db, actor, planId);
  const partyId = viewer.membership?.partyId ?? '';
  const rows = (await listComments(database.db, planId, partyId, can(viewer, 'draft.read'))).filter((r) =>
    can(viewer, 'comment.read', threadSubject(rowThread(r))),
  );
  const threads = presentThreads(rows);
  const counts = new Map<string, { pointId: string; threads: number; comments: number }>();
  for (const t of threads) {
    const c = counts.get(t.pointId) ?? { pointId: t.pointId, threads: 0, comments: 0 };
    c.threads += 1;
    c.comments += t.comments.length;
    counts.set(t.pointId, c);
  }
  return {
    items: query.pointId === undefined ? threads : threads.filter((t) => t.pointId === query.pointId),
    counts: [...counts.values()],
  };
}

import { planContentSchema } from '../../domain/plans/plan.schema.ts';
import { emptyPlan, type PlanContent } from '../../domain/plans/plan.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertPlan } from '../../store/plans/plans.repository.ts';
import { findProcess } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';
import { presentPlan } from './plan-presenter.ts';

/** Creates a plan whose working draft is `content` (an empty plan when none is given). */
export async function createPlan(
  database: Database,
  actor: Actor,
  processId: string,
  input: { title: string; content?: PlanContent; source?: string },
) {
  return database.db.transaction().execute((tx) => insertNewPlan(tx, actor, processId, input));
}

/** The transactional body of createPlan, for callers that already hold a transaction. */
export async function insertNewPlan(
  tx: Tx,
  actor: Actor,
  processId: string,
  input: { title: string; content?: PlanContent; source?: string },
) {
  if (!(await findProcess(tx, processId))) throw processNotFound(processId);
  authorize(await viewerIn(tx, actor, processId), 'plan.create', () => processNotFound(processId));
  // A new plan starts at revision 0, so revision stamps carried in from a file are reset with it.
  const content = input.content
    ? {
        ...input.content,
        title: input.title || input.content.title,
        points: input.content.points.map((p) => ({ ...p, changedAt: 0 })),
      }
    : emptyPlan(input.title);
  const checked = planContentSchema.safeParse(content);
  if (!checked.success) {
    throw new AppError('validation.failed', 'the plan content is not valid', {
      problems: checked.error.issues.map((i) => ({
        field: ['content', ...i.path].join('.'),
        reason: i.message,
      })),
    });
  }
  const now = new Date().toISOString();
  const row = {
    id: newId('pln'),
    process_id: processId,
    title: content.title || 'Untitled plan',
    draft_content: JSON.stringify(content),
    draft_revision: 0,
    point_count: content.points.length,
    created_at: now,
    created_by: actor.user.id,
    updated_at: now,
    updated_by: actor.user.id,
  };
  await insertPlan(tx, row);
  await appendAudit(tx, {
    processId,
    actorId: actor.user.id,
    action: 'plan.create',
    subjectType: 'plan',
    subjectId: row.id,
    detail: { title: row.title, points: row.point_count, source: input.source ?? 'blank' },
  });
  return presentPlan(row, 0);
}

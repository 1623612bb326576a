import { applyDraftOp } from '../../domain/plans/edit/apply-draft-op.ts';
import type { DraftEdit } from '../../domain/plans/edit/draft-op.schema.ts';
import { planContentSchema } from '../../domain/plans/plan.schema.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftOf, updateDraft } from '../../store/plans/plans.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadPlanFor } from './plan-access.ts';

/**
 * Applies one edit to the working draft. An edit made on a stale revision is merged when it
 * touches points nobody changed since; otherwise it is refused with the current text attached,
 * never silently overwritten.
 */
export async function editDraft(database: Database, actor: Actor, planId: string, edit: DraftEdit) {
  // A few attempts: a concurrent writer from another instance can win the compare-and-set in between.
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await database.db.transaction().execute(async (tx) => {
      const { plan } = await loadPlanFor(tx, actor, planId, 'draft.edit');
      const current = draftOf(plan);
      let result: ReturnType<typeof applyDraftOp>;
      try {
        result = applyDraftOp(current, edit.op, {
          currentRevision: plan.draft_revision,
          baseRevision: edit.baseRevision,
          newId,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'draft.conflict') {
          throw new AppError('draft.conflict', error.message, {
            extra: { ...error.extra, currentRevision: plan.draft_revision, current },
          });
        }
        throw error;
      }
      const checked = planContentSchema.safeParse(result.content);
      if (!checked.success) {
        throw new AppError('validation.failed', 'the edit would make the plan invalid', {
          problems: checked.error.issues.map((i) => ({
            field: ['op', ...i.path].join('.'),
            reason: i.message,
          })),
        });
      }
      const at = new Date().toISOString();
      if (!(await updateDraft(tx, planId, plan.draft_revision, result.content, actor.user.id, at)))
        return null;
      await appendAudit(tx, {
        processId: plan.process_id,
        actorId: actor.user.id,
        action: 'draft.edit',
        subjectType: 'plan',
        subjectId: planId,
        detail: { op: edit.op.type, points: result.touchedPointIds, revision: plan.draft_revision + 1 },
      });
      return { processId: plan.process_id, revision: plan.draft_revision + 1, content: result.content };
    });
    if (outcome) {
      const { processId, ...edited } = outcome;
      await publishLiveEvent(database, {
        type: 'draft.changed',
        processId,
        planId,
        revision: edited.revision,
      });
      return edited;
    }
  }
  throw new AppError(
    'draft.conflict',
    'the draft is being changed by others right now; reload and try again',
  );
}

import { applyDraftOp } from '../../domain/plans/edit/apply-draft-op.ts';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import { planContentSchema } from '../../domain/plans/plan.schema.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { draftOf, type PlanRow, updateDraft } from '../../store/plans/plans.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access/sessions.ts';

/**
 * Writes one op (or several, as one revision: applying an analysis package) into the working draft
 * inside the caller's transaction, the way a draft edit does (services/plans/edit-draft.ts): the
 * same domain op, the same validity check, the revision compare-and-set and a `draft.edit` audit
 * entry. The caller publishes `draft.changed` after commit.
 * Returns null when another writer bumped the revision first, so the caller can retry.
 */
export async function applyOpToDraft(
  tx: Tx,
  actor: Actor,
  plan: PlanRow,
  op: DraftOp | readonly DraftOp[],
  cause: Record<string, unknown>,
): Promise<{ revision: number; touchedPointIds: string[]; before: Set<string> } | null> {
  const current = draftOf(plan);
  const ops: readonly DraftOp[] = Array.isArray(op) ? op : [op as DraftOp];
  const result = { content: current, touchedPointIds: [] as string[] };
  for (const each of ops) {
    const step = applyDraftOp(result.content, each, {
      currentRevision: plan.draft_revision,
      baseRevision: plan.draft_revision,
      newId,
    });
    result.content = step.content;
    for (const id of step.touchedPointIds)
      if (!result.touchedPointIds.includes(id)) result.touchedPointIds.push(id);
  }
  const checked = planContentSchema.safeParse(result.content);
  if (!checked.success) {
    throw new AppError('validation.failed', 'the text would make the plan invalid', {
      problems: checked.error.issues.map((i) => ({
        field: ['body', 'text', ...i.path].join('.'),
        reason: i.message,
      })),
    });
  }
  const at = new Date().toISOString();
  if (!(await updateDraft(tx, plan.id, plan.draft_revision, result.content, actor.user.id, at))) return null;
  await appendAudit(tx, {
    processId: plan.process_id,
    actorId: actor.user.id,
    action: 'draft.edit',
    subjectType: 'plan',
    subjectId: plan.id,
    detail: {
      op: ops.length === 1 ? ops[0]?.type : ops.map((o) => o.type).join(','),
      points: result.touchedPointIds,
      revision: plan.draft_revision + 1,
      ...cause,
    },
  });
  return {
    revision: plan.draft_revision + 1,
    touchedPointIds: result.touchedPointIds,
    before: new Set(current.points.map((p) => p.id)),
  };
}

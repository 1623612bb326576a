import { amendmentDraftOp } from '../../domain/negotiation/amendment-draft-op.ts';
import { assertTransition } from '../../domain/negotiation/amendment-workflow.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError, invalid } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { type AmendmentRow, updateAmendment } from '../../store/negotiation/amendments.repository.ts';
import { draftOf, findVersion, type PlanRow } from '../../store/plans/plans.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import type { AmendmentDecisionInput } from './amendment.schema.ts';
import {
  amendmentNotFound,
  assertRevision,
  changedMeanwhile,
  loadReadableAmendment,
} from './amendment-access.ts';
import { amendmentAudit, publishAmendmentChanged } from './amendment-events.ts';
import { applyOpToDraft } from './apply-to-draft.ts';
import { presentOne } from './list-amendments.ts';

/** "point 7 of Draft 2", "a new point after point 7 of Draft 2": how messages name the amendment's place. */
async function describePlace(tx: Tx, amendment: AmendmentRow): Promise<string> {
  const base = await findVersion(tx, amendment.plan_id, amendment.base_version_id);
  const content = base ? (JSON.parse(base.content) as PlanContent) : undefined;
  const id = amendment.kind === 'add' ? amendment.after_point_id : amendment.point_id;
  const number = content?.points.find((p) => p.id === id)?.number;
  const where = `${number === undefined ? 'a point' : `point ${number}`} of ${base?.label ?? 'its base version'}`;
  return amendment.kind === 'add' ? `new point after ${where}` : where;
}

/** The text written into the draft, and the op that writes it; a deletion kept in part becomes a rewrite. */
async function plannedEdit(tx: Tx, plan: PlanRow, amendment: AmendmentRow, input: AmendmentDecisionInput) {
  const edited = input.text;
  const keepsPart = amendment.kind === 'delete' && input.decision === 'partly_accept';
  if (keepsPart && (edited ?? '') === '')
    throw invalid('body.text', 'give the text the point keeps when a deletion is partly accepted');
  const text = amendment.kind === 'delete' && !keepsPart ? '' : (edited ?? amendment.text);
  if (amendment.kind !== 'delete' && text === '')
    throw invalid('body.text', 'must not be empty: give the text to write into the draft');
  const kind = keepsPart ? 'replace' : amendment.kind;
  const op = amendmentDraftOp(
    draftOf(plan),
    {
      kind,
      pointId: amendment.point_id,
      afterPointId: amendment.after_point_id,
      areaId: amendment.area_id,
      describe: await describePlace(tx, amendment),
    },
    text,
  );
  return { text, op };
}

/**
 * The mediator decides on a submitted amendment. Accepting (fully, or in part with edited text)
 * writes the text into the working draft in the same transaction, through the same path as a
 * draft edit; the amendment records what was written, where, by whom and when. Rejecting records
 * the reply only.
 */
export async function decideAmendment(
  database: Database,
  actor: Actor,
  planId: string,
  amendmentId: string,
  input: AmendmentDecisionInput,
) {
  // A few attempts: another writer may bump the draft revision between our read and our write.
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await database.db.transaction().execute(async (tx) => {
      const { plan, viewer, amendment } = await loadReadableAmendment(tx, actor, planId, amendmentId);
      authorize(viewer, 'amendment.decide', () => amendmentNotFound(amendmentId));
      const state = assertTransition(amendment.state, input.decision, 'mediator');
      assertRevision(amendment, input.revision);
      let applied: { text: string; pointId: string | null; revision: number } | null = null;
      if (input.decision !== 'reject') {
        const { text, op } = await plannedEdit(tx, plan, amendment, input);
        const done = await applyOpToDraft(tx, actor, plan, op, { amendmentId });
        if (!done) return null;
        const created = done.touchedPointIds.find((id) => !done.before.has(id));
        const pointId = op.type === 'addPoint' ? (created ?? null) : amendment.point_id;
        applied = { text, pointId, revision: done.revision };
      }
      const now = new Date().toISOString();
      const ok = await updateAmendment(tx, amendmentId, amendment.revision, {
        state,
        reply: input.reply,
        applied_text: applied?.text ?? null,
        applied_point_id: applied?.pointId ?? null,
        decided_at: now,
        decided_by: actor.user.id,
        updated_at: now,
      });
      if (!ok) throw changedMeanwhile();
      await appendAudit(
        tx,
        amendmentAudit(actor, amendment, 'amendment.decide', {
          decision: input.decision,
          textEdited: applied !== null && applied.text !== amendment.text,
          draftRevision: applied?.revision ?? null,
        }),
      );
      return {
        row: amendment,
        draftRevision: applied?.revision ?? null,
        amendment: await presentOne(tx, viewer, planId, amendmentId),
      };
    });
    if (outcome) {
      if (outcome.draftRevision !== null) {
        await publishLiveEvent(database, {
          type: 'draft.changed',
          processId: outcome.row.process_id,
          planId,
          revision: outcome.draftRevision,
        });
      }
      await publishAmendmentChanged(database, outcome.row);
      return { amendment: outcome.amendment, draftRevision: outcome.draftRevision };
    }
  }
  throw new AppError('draft.conflict', 'the draft is being changed by others right now; try again');
}

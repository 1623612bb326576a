import { AppError } from '../../shared/app-error.ts';
import type { IdGenerator } from '../../shared/ids.ts';
import type { PlanContent } from '../plan.ts';
import { addArea, deleteArea, renameArea } from './area-ops.ts';
import type { DraftOp } from './draft-op.schema.ts';
import { addNote, deleteNote, updateNote } from './note-ops.ts';
import type { OpOutcome } from './op-outcome.ts';
import { addPoint, deletePoint, movePoint, updatePoint } from './point-ops.ts';
import { detectNumberingScheme, renumberPoints } from './renumber.ts';
import { mergePoints, splitPoint } from './split-merge.ts';
import { updatePlan } from './update-plan.ts';

export { validateDraftInvariants } from './draft-invariants.ts';

export interface DraftOpContext {
  /** The revision the draft is at now. */
  currentRevision: number;
  /** The revision the editor was looking at when it made the edit. */
  baseRevision: number;
  newId: IdGenerator;
}

export interface DraftOpResult {
  content: PlanContent;
  /** Points the op changed, added or removed (renumbered-only points are not listed). */
  touchedPointIds: string[];
}

/**
 * Applies one edit to the working draft and returns the new content (the input is not changed).
 *
 * Concurrency (optimistic, by revision). Points carry `changedAt`, so a stale edit (baseRevision
 * below the current revision) is applied when none of the points it reads or writes changed after
 * baseRevision: edits to different points merge cleanly. Title, preamble, area titles and notes
 * carry no revision and PlanContent has no room for one, so we cannot tell whether they changed
 * since baseRevision; a stale op that would rewrite or remove one of them is refused (unless it
 * leaves the value as it is). Those edits are rare, and refusing is the only rule that never
 * silently overwrites someone else's words; the client reloads and retries. Ops that only add
 * (a note, an empty area) overwrite nothing and are always accepted.
 */
export function applyDraftOp(content: PlanContent, op: DraftOp, ctx: DraftOpContext): DraftOpResult {
  if (ctx.baseRevision > ctx.currentRevision) {
    const reason = `revision ${ctx.baseRevision} is ahead of the draft (revision ${ctx.currentRevision}); send the revision you loaded`;
    throw new AppError('validation.failed', `baseRevision: ${reason}`, {
      problems: [{ field: 'baseRevision', reason }],
    });
  }
  const done = runOp(content, op, ctx.newId);
  if (ctx.baseRevision < ctx.currentRevision) assertNotStale(content, done, ctx);

  const revision = ctx.currentRevision + 1;
  const touched = new Set(done.touched);
  let points = done.content.points.map((p) => (touched.has(p.id) ? { ...p, changedAt: revision } : p));
  if (done.structural) points = renumberPoints(points, detectNumberingScheme(content.points));
  return { content: { ...done.content, points }, touchedPointIds: done.touched };
}

function runOp(content: PlanContent, op: DraftOp, newId: IdGenerator): OpOutcome {
  switch (op.type) {
    case 'updatePlan':
      return updatePlan(content, op);
    case 'updatePoint':
      return updatePoint(content, op);
    case 'addPoint':
      return addPoint(content, op, newId);
    case 'deletePoint':
      return deletePoint(content, op);
    case 'movePoint':
      return movePoint(content, op);
    case 'splitPoint':
      return splitPoint(content, op, newId);
    case 'mergePoints':
      return mergePoints(content, op);
    case 'addArea':
      return addArea(content, op, newId);
    case 'renameArea':
      return renameArea(content, op);
    case 'deleteArea':
      return deleteArea(content, op);
    case 'addNote':
      return addNote(content, op, newId);
    case 'updateNote':
      return updateNote(content, op);
    case 'deleteNote':
      return deleteNote(content, op);
  }
}

function assertNotStale(before: PlanContent, done: OpOutcome, ctx: DraftOpContext): void {
  const since = `since revision ${ctx.baseRevision} (the draft is now at revision ${ctx.currentRevision})`;
  const guarded = new Set(done.guarded);
  const conflicting = before.points.filter((p) => guarded.has(p.id) && p.changedAt > ctx.baseRevision);
  if (conflicting.length > 0) {
    const numbers = conflicting.map((p) => p.number).join(', ');
    const noun = conflicting.length === 1 ? `Point ${numbers} was` : `Points ${numbers} were`;
    throw new AppError(
      'draft.conflict',
      `${noun} changed by someone else ${since}; reload the draft and redo your edit`,
      {
        extra: { conflictingPointIds: conflicting.map((p) => p.id), currentRevision: ctx.currentRevision },
      },
    );
  }
  if (done.unversioned !== null) {
    throw new AppError(
      'draft.conflict',
      `The draft changed ${since} and ${done.unversioned} may have been edited too; reload the draft and redo your edit`,
      { extra: { conflictingPointIds: [], currentRevision: ctx.currentRevision } },
    );
  }
}

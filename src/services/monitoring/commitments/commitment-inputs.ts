import { canonicalTimeZone } from '../../../domain/meetings/meeting-time.ts';
import { type AnchoredCommitment, checkAnchor } from '../../../domain/monitoring/commitment-status.ts';
import { absoluteDeadlineUtc, deadlineProblems } from '../../../domain/monitoring/deadline.ts';
import type { DeadlineSpec } from '../../../domain/monitoring/monitoring-model.ts';
import type { PlanContent } from '../../../domain/plans/plan.ts';
import { AppError, type FieldProblem } from '../../../domain/shared/app-error.ts';
import { listPhases } from '../../../store/monitoring/agreement-phases.repository.ts';
import {
  type CommitmentRow,
  deadlineColumns,
  deadlineOf,
  listCommitments,
} from '../../../store/monitoring/commitments.repository.ts';
import { listParties } from '../../../store/processes/processes.repository.ts';
import type { Tx } from '../../../store/transaction.ts';
import { throwProblems } from '../agreements/agreement-inputs.ts';

/** What commitment fields are checked against: the agreement's text, phases, parties and commitments. */
export interface CommitmentContext {
  text: PlanContent;
  phaseIds: Set<string>;
  partyIds: Set<string>;
  commitments: CommitmentRow[];
}

export async function loadCommitmentContext(
  tx: Tx,
  processId: string,
  agreementId: string,
  text: PlanContent,
): Promise<CommitmentContext> {
  const [phases, parties, commitments] = await Promise.all([
    listPhases(tx, [agreementId]),
    listParties(tx, processId),
    listCommitments(tx, agreementId),
  ]);
  return {
    text,
    phaseIds: new Set(phases.map((p) => p.id)),
    partyIds: new Set(parties.map((p) => p.id)),
    commitments,
  };
}

/** The linked fields of a commitment as given (undefined: unchanged; null: cleared). */
export interface CommitmentLinks {
  pointId?: string | null;
  subItem?: number | null;
  phaseId?: string | null;
  partyIds?: readonly string[];
  deadline?: DeadlineSpec;
}

/**
 * Checks a commitment's point, sub-item, phase, parties and deadline against the agreement, with
 * `id`'s new deadline in place among the others for the anchor check (no cycles, no anchor outside
 * the agreement). Every problem is reported at once, each naming its field under `prefix`.
 */
export function checkCommitmentLinks(
  context: CommitmentContext,
  id: string,
  current: { pointId: string | null; subItem: number | null; position: number },
  links: CommitmentLinks,
  prefix = 'body',
): { deadline: ReturnType<typeof deadlineColumns> | null } {
  const problems: FieldProblem[] = [];
  const pointId = links.pointId === undefined ? current.pointId : links.pointId;
  const subItem = links.subItem === undefined ? current.subItem : links.subItem;
  const point = pointId === null ? undefined : context.text.points.find((p) => p.id === pointId);
  if (pointId !== null && !point)
    problems.push({ field: `${prefix}.pointId`, reason: 'is not a point of the adopted version' });
  if (subItem !== null) {
    if (pointId === null)
      problems.push({ field: `${prefix}.subItem`, reason: 'a sub-item needs the pointId it belongs to' });
    else if (point && subItem >= point.items.length)
      problems.push({
        field: `${prefix}.subItem`,
        reason:
          point.items.length === 0
            ? `point ${point.number} has no sub-items`
            : `point ${point.number} has sub-items 0 to ${point.items.length - 1}`,
      });
  }
  if (links.phaseId !== undefined && links.phaseId !== null && !context.phaseIds.has(links.phaseId))
    problems.push({ field: `${prefix}.phaseId`, reason: 'is not a phase of this agreement' });
  links.partyIds?.forEach((partyId, i) => {
    if (!context.partyIds.has(partyId))
      problems.push({ field: `${prefix}.partyIds.${i}`, reason: 'is not a party of this process' });
  });
  let deadline: ReturnType<typeof deadlineColumns> | null = null;
  if (links.deadline !== undefined) {
    // The zone is stored as IANA spells it ("europe/zurich" → "Europe/Zurich").
    const spec =
      links.deadline.kind === 'absolute'
        ? { ...links.deadline, zone: canonicalTimeZone(links.deadline.zone) ?? links.deadline.zone }
        : links.deadline;
    const own = deadlineProblems(spec, `${prefix}.deadline`);
    problems.push(...own);
    if (own.length === 0) {
      if (spec.kind === 'after_commitment')
        problems.push(...anchorProblems(context, id, current.position, spec, prefix));
      const at =
        spec.kind === 'absolute' ? absoluteDeadlineUtc(spec.local, spec.zone, `${prefix}.deadline`) : null;
      deadline = deadlineColumns(spec, at);
    }
  }
  throwProblems(problems);
  return { deadline };
}

function anchorProblems(
  context: CommitmentContext,
  id: string,
  position: number,
  spec: DeadlineSpec,
  prefix: string,
): FieldProblem[] {
  const others: AnchoredCommitment[] = context.commitments
    .filter((c) => c.id !== id)
    .map((c) => ({ id: c.id, position: c.position, deadline: deadlineOf(c) }));
  try {
    checkAnchor([...others, { id, position, deadline: spec }], id, `${prefix}.deadline.commitmentId`);
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return error.problems;
  }
}

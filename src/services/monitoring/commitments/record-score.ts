import type { FieldProblem } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { citedEventReports, insertScore } from '../../../store/monitoring/commitment-scores.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { throwProblems } from '../agreements/agreement-inputs.ts';
import type { ScoreInput } from './commitment.schema.ts';
import { notInFuture } from './record-progress.ts';
import { writeCommitment } from './write-commitment.ts';

/**
 * Scores a commitment's implementation 0–3 (monitors and the mediator team), with the
 * justification and evidence. Every score is kept: the newest effective at a moment applies then,
 * so the history reads as it stood on any date.
 */
export async function recordScore(
  database: Database,
  actor: Actor,
  processId: string,
  commitmentId: string,
  input: ScoreInput,
) {
  return writeCommitment(database, actor, processId, commitmentId, {
    action: 'commitment.record',
    done: 'scored',
    apply: async (tx, { agreement }) => {
      const now = new Date();
      const effectiveAt = input.effectiveAt ?? now.toISOString();
      const problems: FieldProblem[] = [];
      notInFuture(effectiveAt, 'body.effectiveAt', now, problems);
      const found = new Set((await citedEventReports(tx, processId, input.eventReportIds)).map((e) => e.id));
      input.eventReportIds.forEach((id, i) => {
        if (!found.has(id))
          problems.push({
            field: `body.eventReportIds.${i}`,
            reason: 'is not an event report of this process',
          });
      });
      throwProblems(problems);
      const id = newId('csc');
      await insertScore(tx, {
        id,
        commitment_id: commitmentId,
        score: input.score,
        justification: input.justification,
        evidence: JSON.stringify(input.evidence),
        event_report_ids: JSON.stringify(input.eventReportIds),
        effective_at: effectiveAt,
        recorded_by: actor.user.id,
        recorded_at: now.toISOString(),
      });
      await appendAudit(tx, {
        processId,
        actorId: actor.user.id,
        action: 'commitment.score',
        subjectType: 'commitment',
        subjectId: commitmentId,
        detail: { agreementId: agreement.id, score: input.score, effectiveAt },
      });
    },
  });
}

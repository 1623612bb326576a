import type { FieldProblem } from '../../../domain/shared/app-error.ts';
import { newId } from '../../../domain/shared/ids.ts';
import { appendAudit } from '../../../store/audit/audit.repository.ts';
import type { Database } from '../../../store/database.ts';
import { insertProgress } from '../../../store/monitoring/commitment-progress.repository.ts';
import {
  findEventLink,
  insertEventLink,
} from '../../../store/monitoring/event-commitment-links.repository.ts';
import { findEventReport } from '../../../store/monitoring/event-reports.repository.ts';
import type { Actor } from '../../access/sessions.ts';
import { throwProblems } from '../agreements/agreement-inputs.ts';
import type { ProgressInput } from './commitment.schema.ts';
import { writeCommitment } from './write-commitment.ts';

/** Clocks differ a little between the recorder's machine and the server. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Refuses a moment in the future: what has not happened yet cannot be recorded as having happened. */
export function notInFuture(at: string, field: string, now: Date, problems: FieldProblem[]): void {
  if (Date.parse(at) > now.getTime() + CLOCK_SKEW_MS)
    problems.push({ field, reason: 'is in the future: record what has happened, when it happened' });
}

/**
 * Records what happened towards a commitment (monitors and the mediator team): units delivered,
 * completion, a breach, a dispute or its end. An entry resting on an event report needs a verified
 * one (allegations do not move progress), and links the report to the commitment if not yet linked.
 */
export async function recordProgress(
  database: Database,
  actor: Actor,
  processId: string,
  commitmentId: string,
  input: ProgressInput,
) {
  return writeCommitment(database, actor, processId, commitmentId, {
    action: 'commitment.record',
    done: 'recorded on',
    apply: async (tx, { agreement }) => {
      const now = new Date();
      const problems: FieldProblem[] = [];
      notInFuture(input.occurredAt, 'body.occurredAt', now, problems);
      if (input.eventReportId !== undefined) {
        const event = await findEventReport(tx, processId, input.eventReportId);
        if (!event)
          problems.push({ field: 'body.eventReportId', reason: 'is not an event report of this process' });
        else if (event.status !== 'verified')
          problems.push({
            field: 'body.eventReportId',
            reason: `is ${event.status.replace('_', ' ')}: only verified event reports move progress`,
          });
      }
      throwProblems(problems);
      const id = newId('cpg');
      await insertProgress(tx, {
        id,
        commitment_id: commitmentId,
        occurred_at: input.occurredAt,
        kind: input.kind,
        quantity: input.quantity ?? null,
        note: input.note,
        event_report_id: input.eventReportId ?? null,
        recorded_by: actor.user.id,
        recorded_at: now.toISOString(),
      });
      if (input.eventReportId !== undefined && !(await findEventLink(tx, input.eventReportId, commitmentId)))
        await insertEventLink(tx, {
          event_report_id: input.eventReportId,
          commitment_id: commitmentId,
          created_by: actor.user.id,
          created_at: now.toISOString(),
        });
      await appendAudit(tx, {
        processId,
        actorId: actor.user.id,
        action: 'commitment.progress',
        subjectType: 'commitment',
        subjectId: commitmentId,
        detail: {
          agreementId: agreement.id,
          kind: input.kind,
          ...(input.quantity === undefined ? {} : { quantity: input.quantity }),
          ...(input.eventReportId === undefined ? {} : { eventReportId: input.eventReportId }),
        },
      });
    },
  });
}

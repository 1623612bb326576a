import { describeDeadline, formatInZone, relativeDue } from './monitoring-format.ts';
import type { CommitmentLine } from './monitoring-types.ts';

const COMPLETED = new Set(['completed', 'completed_late']);

/**
 * When a commitment is due: the moment in the agreement's zone, the rule it comes from ("72 hours
 * after entry into force"), and how far "as of" is from it; or what the clock waits for.
 */
export function DeadlineCell({
  line,
  asOf,
  zone,
  titleOf,
}: {
  line: Pick<CommitmentLine, 'deadline' | 'deadlineAt' | 'waitingFor' | 'status'>;
  asOf: string;
  zone: string | null;
  titleOf: (id: string) => string | undefined;
}) {
  const rule = describeDeadline(line.deadline, titleOf);
  if (line.deadline.kind === 'none') return <span className="muted">No deadline</span>;
  return (
    <span className="deadline">
      {line.deadlineAt !== null ? (
        <span className="deadline-at">{formatInZone(line.deadlineAt, zone)}</span>
      ) : (
        <span className="deadline-waiting">
          {line.waitingFor === 'entry_into_force'
            ? 'Waits for entry into force'
            : line.waitingFor === 'commitment'
              ? 'Waits for the commitment it follows'
              : 'Not set'}
        </span>
      )}
      {line.deadline.kind !== 'absolute' && <span className="deadline-rule">{rule}</span>}
      {line.deadlineAt !== null && !COMPLETED.has(line.status) && (
        <span
          className={`deadline-relative${Date.parse(line.deadlineAt) < Date.parse(asOf) ? ' is-late' : ''}`}
        >
          {relativeDue(line.deadlineAt, asOf)}
        </span>
      )}
    </span>
  );
}

import { STATUS_LABELS } from './monitoring-format.ts';
import type { CommitmentStatus } from './monitoring-types.ts';

/** A commitment's status as a coloured label: the word carries the meaning, the colour only helps. */
export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  return <span className={`commitment-status commitment-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

import { Link } from 'wouter';
import { STATUS_LABELS, STATUS_ORDER } from './monitoring-format.ts';
import type { CommitmentStatus } from './monitoring-types.ts';

/**
 * How many commitments stand in each status, as coloured tiles with the word and the number; each
 * opens the commitments list filtered to that status (at the same "as of").
 */
export function StatusCounts({
  counts,
  href,
}: {
  counts: Record<CommitmentStatus, number>;
  href: (status: CommitmentStatus) => string;
}) {
  return (
    <ul className="status-counts" aria-label="Commitments by status">
      {STATUS_ORDER.map((s) => (
        <li key={s} className={`status-count status-count-${s}${counts[s] === 0 ? ' is-zero' : ''}`}>
          <Link href={href(s)} aria-label={`${counts[s]} ${STATUS_LABELS[s].toLowerCase()}: show them`}>
            <span className="status-count-number">{counts[s]}</span>
            <span className="status-count-label">{STATUS_LABELS[s]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

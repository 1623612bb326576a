import { Link } from 'wouter';
import { DeadlineCell } from './deadline-cell.tsx';
import { quantityLabel } from './monitoring-format.ts';
import type { CommitmentItem } from './monitoring-types.ts';
import { PartyCodes } from './party-codes.tsx';
import { QuantityBar } from './quantity-bar.tsx';
import { ScoreBadge } from './score-badge.tsx';
import { CommitmentStatusBadge } from './status-badge.tsx';

/**
 * The commitments of an agreement: point, what and who, the deadline in the agreement's zone with
 * the rule it follows, the status as of the page's moment, progress on a quantity target, the score.
 */
export function CommitmentTable({
  processId,
  items,
  all,
  parties,
  asOf,
  zone,
}: {
  processId: string;
  items: readonly CommitmentItem[];
  /** Every commitment of the agreement, to name the one a deadline follows. */
  all: readonly CommitmentItem[];
  parties: readonly { id: string; name: string; code: string; colour: string }[];
  asOf: string;
  zone: string | null;
}) {
  const titleOf = (id: string) => all.find((c) => c.id === id)?.title;
  return (
    <table className="table commitment-table">
      <thead>
        <tr>
          <th scope="col">Point</th>
          <th scope="col">Commitment</th>
          <th scope="col">Obligated</th>
          <th scope="col">Deadline</th>
          <th scope="col">Status</th>
          <th scope="col">Progress</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <td className="point-col">
              {c.pointNumber === null ? (
                <span className="muted">—</span>
              ) : (
                <span className="mon-point">{c.pointNumber}</span>
              )}
            </td>
            <td>
              <Link href={`/processes/${processId}/commitments/${c.id}`} className="commitment-link">
                {c.title}
              </Link>
              {c.area !== null && <span className="commitment-area">{c.area}</span>}
            </td>
            <td>
              <PartyCodes ids={c.partyIds} parties={parties} />
            </td>
            <td>
              <DeadlineCell line={c} asOf={asOf} zone={zone} titleOf={titleOf} />
            </td>
            <td>
              <CommitmentStatusBadge status={c.status} />
            </td>
            <td className="progress-col">
              {c.targetQuantity !== null ? (
                <QuantityBar
                  done={c.quantityDone}
                  target={c.targetQuantity}
                  unit={c.targetUnit}
                  label={c.title}
                />
              ) : c.quantityDone > 0 ? (
                quantityLabel(c.quantityDone)
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td>
              <ScoreBadge score={c.score} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Link } from 'wouter';
import type { CommitmentLine } from './monitoring-types.ts';
import { QuantityBar } from './quantity-bar.tsx';
import { CommitmentStatusBadge } from './status-badge.tsx';

/** Progress on every commitment with a quantity target ("20 living hostages"), as of the dashboard's date. */
export function QuantityList({
  processId,
  commitments,
}: {
  processId: string;
  commitments: readonly CommitmentLine[];
}) {
  const counted = commitments.filter((c) => c.targetQuantity !== null);
  if (counted.length === 0) return <p className="empty">No commitment has a quantity target.</p>;
  return (
    <ul className="quantity-list">
      {counted.map((c) => (
        <li key={c.id}>
          <p className="quantity-head">
            <Link href={`/processes/${processId}/commitments/${c.id}`}>{c.title}</Link>{' '}
            <CommitmentStatusBadge status={c.status} />
          </p>
          <QuantityBar
            done={c.quantityDone}
            target={c.targetQuantity ?? 0}
            unit={c.targetUnit}
            label={c.title}
          />
        </li>
      ))}
    </ul>
  );
}

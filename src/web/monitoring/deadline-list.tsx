import { Link } from 'wouter';
import { formatInZone, relativeDue } from './monitoring-format.ts';
import type { CommitmentLine, MonitoringSnapshot } from './monitoring-types.ts';
import { PartyCodes } from './party-codes.tsx';
import { CommitmentStatusBadge } from './status-badge.tsx';

/** The overdue or due-soon commitments, in the snapshot's order, each linking to its page. */
export function DeadlineList({
  processId,
  ids,
  snapshot,
  empty,
}: {
  processId: string;
  ids: readonly string[];
  snapshot: MonitoringSnapshot;
  empty: string;
}) {
  const byId = new Map(snapshot.commitments.map((c) => [c.id, c]));
  const lines = ids.flatMap((id) => {
    const c = byId.get(id);
    return c === undefined ? [] : [c];
  });
  if (lines.length === 0) return <p className="empty">{empty}</p>;
  const zone = snapshot.agreement.entryIntoForceZone;
  return (
    <ul className="deadline-list">
      {lines.map((c: CommitmentLine) => (
        <li key={c.id} className="deadline-item">
          <span className="mon-point">{c.pointNumber ?? ''}</span>
          <div>
            <Link href={`/processes/${processId}/commitments/${c.id}`} className="deadline-list-title">
              {c.title}
            </Link>
            <p className="deadline-list-meta">
              <CommitmentStatusBadge status={c.status} />{' '}
              {c.deadlineAt !== null && (
                <>
                  <strong>{relativeDue(c.deadlineAt, snapshot.asOf)}</strong> · due{' '}
                  {formatInZone(c.deadlineAt, zone)}
                </>
              )}
            </p>
            <PartyCodes ids={c.partyIds} parties={snapshot.parties} />
          </div>
        </li>
      ))}
    </ul>
  );
}

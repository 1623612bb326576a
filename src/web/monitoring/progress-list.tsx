import { Link } from 'wouter';
import { formatDateTime } from '../components/format.ts';
import { PROGRESS_KIND_LABELS, quantityLabel } from './monitoring-format.ts';
import type { ProgressRecord } from './monitoring-types.ts';

/** What has been recorded towards the commitment, newest first, with who recorded it. */
export function ProgressList({
  processId,
  entries,
  unit,
}: {
  processId: string;
  entries: readonly ProgressRecord[];
  unit: string | null;
}) {
  if (entries.length === 0) return <p className="empty">Nothing recorded yet.</p>;
  const sorted = [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <ol className="record-list">
      {sorted.map((p) => (
        <li key={p.id} className={`record progress-${p.kind}`}>
          <p className="record-head">
            <span className={`progress-kind progress-kind-${p.kind}`}>{PROGRESS_KIND_LABELS[p.kind]}</span>
            {p.quantity !== null && (
              <strong>
                +{quantityLabel(p.quantity)}
                {unit ? ` ${unit}` : ''}
              </strong>
            )}
            <time dateTime={p.occurredAt}>{formatDateTime(p.occurredAt)}</time>
          </p>
          {p.note !== '' && <p className="record-note">{p.note}</p>}
          <p className="record-meta muted">
            {p.recordedBy ? `Recorded by ${p.recordedBy.name}` : 'Recorded'} on {formatDateTime(p.recordedAt)}
            {p.eventReportId !== null && (
              <>
                {' '}
                · <Link href={`/processes/${processId}/events/${p.eventReportId}`}>from an event report</Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

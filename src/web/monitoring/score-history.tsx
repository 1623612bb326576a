import { Link } from 'wouter';
import { formatDateTime } from '../components/format.ts';
import type { LinkedEvent, ScoreRecord } from './monitoring-types.ts';
import { ScoreBadge } from './score-badge.tsx';

/** Every score given, newest first: each with why, on what evidence, and from when it holds. */
export function ScoreHistory({
  processId,
  scores,
  events,
}: {
  processId: string;
  scores: readonly ScoreRecord[];
  /** The linked event reports, to name the ones a score cites. */
  events: readonly LinkedEvent[];
}) {
  if (scores.length === 0)
    return <p className="empty">Not scored yet. An unscored commitment counts as 0.</p>;
  const sorted = [...scores].sort(
    (a, b) => b.effectiveAt.localeCompare(a.effectiveAt) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return (
    <ol className="record-list">
      {sorted.map((s, i) => (
        <li key={s.id} className={`record${i === 0 ? ' is-current' : ''}`}>
          <p className="record-head">
            <ScoreBadge score={s.score} />
            <span>from {formatDateTime(s.effectiveAt)}</span>
            {i === 0 && <span className="muted">(latest)</span>}
          </p>
          <p className="record-note">{s.justification}</p>
          {(s.evidence.length > 0 || s.eventReportIds.length > 0) && (
            <ul className="evidence-list">
              {s.evidence.map((e, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: evidence items have no identity but their place.
                <li key={j}>
                  {e.url ? (
                    <a href={e.url} target="_blank" rel="noopener noreferrer">
                      {e.label}
                    </a>
                  ) : (
                    e.label
                  )}
                </li>
              ))}
              {s.eventReportIds.map((id, j) => (
                <li key={id}>
                  <Link href={`/processes/${processId}/events/${id}`}>{eventLabel(events, id, j)}</Link>
                </li>
              ))}
            </ul>
          )}
          <p className="record-meta muted">
            {s.recordedBy ? `Scored by ${s.recordedBy.name}` : 'Scored'} on {formatDateTime(s.recordedAt)}
          </p>
        </li>
      ))}
    </ol>
  );
}

function eventLabel(events: readonly LinkedEvent[], id: string, index: number): string {
  const e = events.find((x) => x.id === id);
  if (e === undefined) return `Event report ${index + 1}`;
  return `${e.eventType}${e.placeName === '' ? '' : `, ${e.placeName}`} (${formatDateTime(e.occurredAt)})`;
}

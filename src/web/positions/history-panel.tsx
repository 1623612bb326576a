import type { ReactNode } from 'react';
import type { Resource } from '../api/use-resource.ts';
import { formatDateTime } from '../components/format.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import { MOVE_ARROWS, MOVE_LABELS, PRIORITY_LABELS, STANCE_LABELS } from './stance.ts';
import type { Position, PositionHistory } from './types.ts';

interface Props {
  history: Resource<PositionHistory> & { reload: () => void };
  /** Whether the reader reads this party's history as the mediator (rationales only where shared). */
  asMediator: boolean;
  onClose: () => void;
  /** The form to state a new position, for the party's own delegates. */
  children?: ReactNode;
}

function Rationale({ position, asMediator }: { position: Position; asMediator: boolean }) {
  if (position.rationale === null)
    return <p className="rationale withheld">Rationale kept within the party.</p>;
  if (position.rationale === '') return <p className="rationale muted">No rationale given.</p>;
  return (
    <blockquote className="rationale">
      {position.rationale}
      {!asMediator && (
        <span className="rationale-share">
          {position.rationaleShared ? 'shared with the mediator' : 'private to your party'}
        </span>
      )}
    </blockquote>
  );
}

/** One point × party through the versions: the stance as of each version and how it moved. */
export function HistoryPanel({ history, asMediator, onClose, children }: Props) {
  return (
    <section className="panel history-panel" aria-labelledby="history-title">
      <div className="section-head">
        <h2 id="history-title">
          {history.data ? (
            <>
              <PartySwatch colour={history.data.party.colour} /> {history.data.party.code} on point{' '}
              {history.data.point.number}
            </>
          ) : (
            'History'
          )}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {history.state === 'loading' && <Loading label="Reading the history…" />}
      {history.state === 'error' && <ErrorBox error={history.error} onRetry={history.reload} />}
      {history.state === 'ready' && (
        <>
          <p className="history-point">{history.data.point.excerpt}</p>
          {history.data.byVersion.length === 0 ? (
            <p className="empty">{history.data.party.name} has not stated a position on this point yet.</p>
          ) : (
            <ol className="stance-timeline">
              {history.data.byVersion.map(({ move, position }) => (
                <li key={position.id} className={`timeline-step stance-${position.stance}`}>
                  <div className="timeline-head">
                    <span className="timeline-version">{position.version.label}</span>
                    <span className="timeline-stance">{STANCE_LABELS[position.stance]}</span>
                    <span className={`timeline-move move-${move}`} title={MOVE_LABELS[move]}>
                      <span aria-hidden="true">{MOVE_ARROWS[move]}</span> {MOVE_LABELS[move]}
                    </span>
                  </div>
                  <p className="timeline-meta">
                    Priority {position.priority} ({PRIORITY_LABELS[position.priority]}) ·{' '}
                    {position.author.name} ·{' '}
                    <time dateTime={position.recordedAt}>{formatDateTime(position.recordedAt)}</time>
                  </p>
                  <Rationale position={position} asMediator={asMediator} />
                </li>
              ))}
            </ol>
          )}
          {history.data.entries.length > history.data.byVersion.length && (
            <details className="history-all">
              <summary>All {history.data.entries.length} recorded positions</summary>
              <ol>
                {history.data.entries.map((e) => (
                  <li key={e.id}>
                    <time dateTime={e.recordedAt}>{formatDateTime(e.recordedAt)}</time> —{' '}
                    {STANCE_LABELS[e.stance]}, P{e.priority}, on {e.version.label}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
      {children}
    </section>
  );
}

import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { Segments } from '../compare/segments.tsx';
import { formatDateTime } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import { type Amendment, KIND_LABELS } from './amendment-types.ts';
import { StateBadge } from './state-badge.tsx';
import type { AmendmentActions } from './use-amendments.ts';

const DECIDED_AS = {
  accepted: 'Accepted as',
  partly_accepted: 'Partly accepted as',
  rejected: 'Not taken up',
};

interface Props {
  amendment: Amendment;
  actions: AmendmentActions;
  onEdit: (a: Amendment) => void;
  onDecide: (a: Amendment) => void;
}

/** One amendment: who asks what, the redline against its base, the reply and what was written in. */
export function AmendmentCard({ amendment: a, actions, onEdit, onDecide }: Props) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const act = async (send: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await send();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const can = (action: Amendment['actions'][number]) => a.actions.includes(action);
  const decided = a.state === 'accepted' || a.state === 'partly_accepted' || a.state === 'rejected';
  const label = `${a.party.code} amendment ${a.point.number === null ? '' : `on point ${a.point.number}`}`;

  return (
    <article className={`amendment-card state-${a.state}`} aria-label={label.trim()}>
      <header className="amendment-card-head">
        <span className="amendment-party">
          <PartySwatch colour={a.party.colour} /> <strong>{a.party.code}</strong>
        </span>
        <StateBadge state={a.state} />
        <span className="amendment-kind">{KIND_LABELS[a.kind]}</span>
      </header>
      <p className="amendment-meta">
        {a.author.name} · against {a.baseVersion.label} ·{' '}
        {a.submittedAt
          ? `submitted ${formatDateTime(a.submittedAt)}`
          : `drafted ${formatDateTime(a.createdAt)}`}
        {a.source === 'import' && ' · from a counter-proposal'}
      </p>
      <section aria-label="Proposed change">
        <h4 className="amendment-sub">{a.kind === 'delete' ? 'Asks to delete' : 'Proposed text'}</h4>
        {a.kind === 'delete' ? (
          <div className="redline-text">
            <del>{a.baseText}</del>
          </div>
        ) : (
          <Segments segments={a.segments} />
        )}
      </section>
      {a.rationale !== '' && (
        <p className="amendment-rationale">
          <span className="amendment-sub">Why: </span>
          {a.rationale}
        </p>
      )}
      {decided && (
        <section className="amendment-decision" aria-label="Decision">
          <h4 className="amendment-sub">
            {DECIDED_AS[a.state as keyof typeof DECIDED_AS]}
            {a.decidedBy && ` · ${a.decidedBy.name}`}
            {a.decidedAt && `, ${formatDateTime(a.decidedAt)}`}
          </h4>
          {a.appliedSegments && a.appliedText !== a.text && <Segments segments={a.appliedSegments} />}
          {a.appliedSegments && a.appliedText === a.text && (
            <p className="muted small">
              The text as proposed{a.takenInVersion ? '.' : ', now in the working draft.'}
            </p>
          )}
          {a.appliedWordingWithheld && (
            <p className="muted small">
              Accepted with changes to the wording: you will read it in the next version released to your
              party.
            </p>
          )}
          {a.reply !== '' && <blockquote className="amendment-reply">{a.reply}</blockquote>}
          {a.takenInVersion ? (
            <p className="amendment-taken">Taken in {a.takenInVersion.label}.</p>
          ) : (
            a.state !== 'rejected' && <p className="muted small">Not yet in a version you hold.</p>
          )}
        </section>
      )}
      <InlineError message={error} />
      {a.actions.length > 0 && (
        <div className="button-row amendment-actions">
          {can('edit') && (
            <button type="button" className="button button-small" onClick={() => onEdit(a)} disabled={busy}>
              Edit
            </button>
          )}
          {can('submit') && (
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy}
              onClick={() => void act(() => actions.submit(a.id, a.revision))}
            >
              Submit to the mediator
            </button>
          )}
          {can('withdraw') && (
            <button
              type="button"
              className="button button-small button-quiet"
              disabled={busy}
              onClick={() => void act(() => actions.withdraw(a.id, a.revision))}
            >
              Withdraw
            </button>
          )}
          {can('accept') && (
            <button type="button" className="button button-small button-primary" onClick={() => onDecide(a)}>
              Decide…
            </button>
          )}
        </div>
      )}
    </article>
  );
}

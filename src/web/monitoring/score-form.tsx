import { useId, useState } from 'react';
import { api } from '../api/client.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { formatDateTime } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { fromLocalInput, SCORE_NAMES } from './monitoring-format.ts';
import type { ImplementationScore, LinkedEvent } from './monitoring-types.ts';
import { useSubmit } from './use-submit.ts';

const SCORES: { score: ImplementationScore; hint: string }[] = [
  { score: 0, hint: 'nothing has been done yet' },
  { score: 1, hint: 'first steps, far from what was agreed' },
  { score: 2, hint: 'well under way, not complete' },
  { score: 3, hint: 'carried out as agreed' },
];

interface Evidence {
  label: string;
  url: string;
}

/**
 * Sets the 0–3 implementation score (monitors and the mediator team), with the justification it
 * needs, evidence (a label and an optional link each), the linked event reports it rests on, and
 * optionally the moment from which it holds. Earlier scores stay in the history.
 */
export function ScoreForm({
  processId,
  commitmentId,
  current,
  events,
  onCancel,
  onSaved,
}: {
  processId: string;
  commitmentId: string;
  current: ImplementationScore | null;
  events: readonly LinkedEvent[];
  onCancel: () => void;
  onSaved: () => void;
}) {
  const name = useId();
  const [score, setScore] = useState<ImplementationScore | null>(current);
  const [justification, setJustification] = useState('');
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [cited, setCited] = useState<ReadonlySet<string>>(new Set());
  const [effectiveAt, setEffectiveAt] = useState('');
  const form = useSubmit(
    () =>
      api.post(`/processes/${processId}/commitments/${commitmentId}/scores`, {
        score,
        justification: justification.trim(),
        evidence: evidence
          .filter((e) => e.label.trim() !== '' || e.url.trim() !== '')
          .map((e) => ({ label: e.label.trim(), ...(e.url.trim() === '' ? {} : { url: e.url.trim() }) })),
        eventReportIds: events.filter((e) => cited.has(e.id)).map((e) => e.id),
        ...(effectiveAt === '' ? {} : { effectiveAt: fromLocalInput(effectiveAt) ?? effectiveAt }),
      }),
    onSaved,
    'The score could not be saved. Try again.',
    ['score', 'justification', 'evidence', 'eventReportIds', 'effectiveAt'],
  );
  const setRow = (i: number, change: Partial<Evidence>) =>
    setEvidence((l) => l.map((e, j) => (j === i ? { ...e, ...change } : e)));

  return (
    <form className="inline-form record-form" onSubmit={form.onSubmit} aria-label="Set score">
      <fieldset className="field">
        <legend className="field-label">Score</legend>
        <div className="score-choices">
          {SCORES.map((s) => (
            <label key={s.score} className={`score-choice${score === s.score ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name={name}
                required
                checked={score === s.score}
                onChange={() => setScore(s.score)}
              />
              <span className="score-choice-name">
                {s.score} · {SCORE_NAMES[s.score]}
              </span>
              <span className="score-choice-hint">{s.hint}</span>
            </label>
          ))}
        </div>
        <InlineError message={form.fieldError('score')} />
      </fieldset>
      <label className="field">
        <span className="field-label">Justification</span>
        <textarea
          value={justification}
          rows={3}
          required
          maxLength={5000}
          aria-invalid={form.fieldError('justification') !== undefined}
          placeholder="What was done, what is missing, and on what the score rests."
          onChange={(e) => setJustification(e.target.value)}
        />
        <InlineError message={form.fieldError('justification')} />
      </label>
      <fieldset className="field">
        <legend className="field-label">
          Evidence <span className="optional">(optional)</span>
        </legend>
        {evidence.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: evidence rows have no identity but their place.
          <div key={i} className="form-row evidence-row">
            <label className="field grow">
              <span className="field-label">Evidence {i + 1}</span>
              <input
                value={e.label}
                maxLength={300}
                placeholder="ICRC hand-over record, 3 March"
                aria-invalid={form.fieldError(`evidence.${i}.label`) !== undefined}
                onChange={(ev) => setRow(i, { label: ev.target.value })}
              />
              <InlineError message={form.fieldError(`evidence.${i}.label`)} />
            </label>
            <label className="field grow">
              <span className="field-label">
                Link <span className="optional">(optional)</span>
              </span>
              <input
                type="url"
                value={e.url}
                maxLength={2000}
                placeholder="https://…"
                aria-invalid={form.fieldError(`evidence.${i}.url`) !== undefined}
                onChange={(ev) => setRow(i, { url: ev.target.value })}
              />
              <InlineError message={form.fieldError(`evidence.${i}.url`)} />
            </label>
            <button
              type="button"
              className="button button-quiet button-small evidence-remove"
              aria-label={`Remove evidence ${i + 1}`}
              onClick={() => setEvidence((l) => l.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-dashed button-small"
          onClick={() => setEvidence((l) => [...l, { label: '', url: '' }])}
        >
          Add evidence
        </button>
      </fieldset>
      {events.length > 0 && (
        <fieldset className="field">
          <legend className="field-label">
            Event reports it rests on <span className="optional">(optional)</span>
          </legend>
          {events.map((e) => (
            <label key={e.id} className="mon-choice">
              <input
                type="checkbox"
                checked={cited.has(e.id)}
                onChange={() =>
                  setCited((s) => {
                    const next = new Set(s);
                    if (!next.delete(e.id)) next.add(e.id);
                    return next;
                  })
                }
              />{' '}
              {e.eventType}
              {e.placeName === '' ? '' : `, ${e.placeName}`}{' '}
              <span className="muted">({formatDateTime(e.occurredAt)})</span>
            </label>
          ))}
          <InlineError message={form.fieldError('eventReportIds')} />
        </fieldset>
      )}
      <label className="field">
        <span className="field-label">
          Holds from (your time) <span className="optional">(empty: now)</span>
        </span>
        <input
          type="datetime-local"
          value={effectiveAt}
          className="date-field"
          aria-invalid={form.fieldError('effectiveAt') !== undefined}
          onChange={(e) => setEffectiveAt(e.target.value)}
        />
        <InlineError message={form.fieldError('effectiveAt')} />
      </label>
      <InlineError message={form.general} />
      <FormButtons busy={form.busy} label="Save score" busyLabel="Saving…" onCancel={onCancel} small />
    </form>
  );
}

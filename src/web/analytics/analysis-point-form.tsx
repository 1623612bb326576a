import { type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import type { AnalysisPoint, PutAnalysisPointBody } from './api-types.ts';

interface Draft {
  key: string;
  id?: string;
  label: string;
  text: string;
}

let nextKey = 0;
const draftOf = (o: { id?: string; label: string; text: string }): Draft => ({ ...o, key: `o${nextKey++}` });

/**
 * Defines one analysis point: a good (awarded whole to one party) or a contested point with two or
 * more alternative formulations. Saving replaces the point's options as a whole.
 */
export function AnalysisPointForm({
  planId,
  pointId,
  number,
  currentText,
  initial,
  onSaved,
  onCancel,
}: {
  planId: string;
  pointId: string;
  number: string;
  /** The point's text in the working draft, offered as a starting option. */
  currentText: string;
  initial: AnalysisPoint | null;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [good, setGood] = useState(initial?.good ?? false);
  const [options, setOptions] = useState<Draft[]>(() =>
    initial && initial.options.length > 0
      ? initial.options.map(draftOf)
      : [draftOf({ label: 'As drafted', text: currentText }), draftOf({ label: '', text: '' })],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | undefined>();
  const id = useId();
  const field = (f: string) => (error instanceof ApiError ? error.fieldReason(f) : undefined);

  const update = (key: string, patch: Partial<Draft>) =>
    setOptions((os) => os.map((o) => (o.key === key ? { ...o, ...patch } : o)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const body: PutAnalysisPointBody = {
      good,
      options: good
        ? []
        : options.map((o) => ({ ...(o.id ? { id: o.id } : {}), label: o.label.trim(), text: o.text })),
    };
    try {
      await api.put<AnalysisPoint>(`/plans/${planId}/analysis/points/${pointId}`, body);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : 'The point could not be saved.');
      setBusy(false);
    }
  }

  const general =
    error instanceof ApiError
      ? error.errors.length === 0
        ? error.detail
        : (field('options') ?? undefined)
      : error;

  return (
    <form
      className="analysis-point-form stack"
      onSubmit={(e) => void submit(e)}
      aria-label={`Point ${number} in the analysis`}
    >
      <fieldset>
        <legend className="field-label">What is at stake on point {number}</legend>
        <label className="radio-line">
          <input type="radio" name={`${id}-kind`} checked={!good} onChange={() => setGood(false)} />{' '}
          Alternative formulations — each party scores every option
        </label>
        <label className="radio-line">
          <input type="radio" name={`${id}-kind`} checked={good} onChange={() => setGood(true)} /> A good —
          awarded whole to one party (no options; a party scores 100 when it gets it)
        </label>
      </fieldset>
      {!good && (
        <>
          <p className="notice small">
            Option texts are shown to every party that holds point {number}, so that it can score them. Write
            nothing here that a party may not read.
          </p>
          <ol className="option-list">
            {options.map((o, i) => (
              <li key={o.key} className="option-item">
                <div className="option-fields">
                  <label className="field option-label-field">
                    <span className="field-label">Option {i + 1} label</span>
                    <input
                      value={o.label}
                      maxLength={120}
                      required
                      onChange={(e) => update(o.key, { label: e.target.value })}
                      aria-invalid={field(`options.${i}.label`) !== undefined}
                    />
                    <InlineError message={field(`options.${i}.label`)} />
                  </label>
                  <label className="field grow">
                    <span className="field-label">Text</span>
                    <textarea
                      value={o.text}
                      rows={3}
                      maxLength={8000}
                      required
                      onChange={(e) => update(o.key, { text: e.target.value })}
                      aria-invalid={field(`options.${i}.text`) !== undefined}
                    />
                    <InlineError message={field(`options.${i}.text`)} />
                  </label>
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    onClick={() => update(o.key, { text: currentText })}
                  >
                    Use the current text
                  </button>
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    disabled={options.length <= 2}
                    onClick={() => setOptions((os) => os.filter((x) => x.key !== o.key))}
                    aria-label={`Remove option ${i + 1}${o.label ? ` (${o.label})` : ''}`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
          <div>
            <button
              type="button"
              className="button button-dashed button-small"
              onClick={() => setOptions((os) => [...os, draftOf({ label: '', text: '' })])}
            >
              Add an option
            </button>
            <span className="muted small"> At least two options.</span>
          </div>
        </>
      )}
      <InlineError message={general} />
      <FormButtons busy={busy} label="Save point" busyLabel="Saving…" onCancel={onCancel} small />
    </form>
  );
}

import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import { PLAN_LIMITS } from '../../domain/plans/plan.schema.ts';
import { POINT_STATUSES, type Point, type PointStatus } from '../../domain/plans/plan.ts';
import type { ProvisionTag } from '../../domain/plans/taxonomy.ts';
import type { ApiError } from '../api/client.ts';
import { InlineError } from '../components/status.tsx';
import { ItemsEditor } from './items-editor.tsx';
import { TagPicker } from './tag-picker.tsx';
import type { EditOutcome } from './use-draft.ts';
import { validateOp } from './validate-op.ts';

interface Props {
  point: Point;
  taxonomy: ProvisionTag[];
  send: (op: DraftOp) => Promise<EditOutcome>;
  onDone: () => void;
}

export const STATUS_LABELS: Record<PointStatus, string> = {
  open: 'Open',
  contested: 'Contested',
  agreed: 'Agreed',
};

/** Editing one point: text, number, sub-items, tags, status; Ctrl/Cmd+Enter saves, Esc cancels. */
export function PointForm({ point, taxonomy, send, onDone }: Props) {
  const [number, setNumber] = useState(point.number);
  const [text, setText] = useState(point.text);
  const [items, setItems] = useState(point.items);
  const [tags, setTags] = useState(point.tags);
  const [status, setStatus] = useState(point.status);
  const [serverError, setServerError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const [splitHint, setSplitHint] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  const op: DraftOp & { type: 'updatePoint' } = { type: 'updatePoint', pointId: point.id };
  if (number !== point.number) op.number = number;
  if (text !== point.text) op.text = text;
  if (JSON.stringify(items) !== JSON.stringify(point.items)) op.items = items;
  if (JSON.stringify(tags) !== JSON.stringify(point.tags)) op.tags = tags;
  if (status !== point.status) op.status = status;
  const dirty = Object.keys(op).length > 2;
  const live = validateOp(op);
  const errorFor = (field: string) => live[field] ?? serverError?.fieldReason(field);
  const valid = Object.keys(live).length === 0;
  const generalError =
    serverError !== undefined && serverError.errors.length === 0 ? serverError.detail : undefined;

  async function save(): Promise<boolean> {
    if (!dirty) return true;
    if (!valid) return false;
    setBusy(true);
    setServerError(undefined);
    const outcome = await send(op);
    setBusy(false);
    if (outcome.ok) return true;
    if ('error' in outcome) setServerError(outcome.error);
    else onDone(); // a conflict: the conflict panel takes over, holding our text
    return false;
  }

  async function split() {
    const at = textRef.current?.selectionStart ?? 0;
    if (at <= 0 || at >= text.length) {
      textRef.current?.focus();
      setServerError(undefined);
      setSplitHint(true);
      return;
    }
    if (!(await save())) return;
    setBusy(true);
    const outcome = await send({ type: 'splitPoint', pointId: point.id, at });
    setBusy(false);
    if (outcome.ok || !('error' in outcome)) onDone();
    else setServerError(outcome.error);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save().then((ok) => ok && onDone());
    }
  }

  return (
    <form
      className="point-form"
      aria-label={`Edit point ${point.number}`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save().then((ok) => ok && onDone());
      }}
    >
      <div className="form-row">
        <label className="field number-field">
          <span className="field-label">Number</span>
          <input value={number} maxLength={32} onChange={(e) => setNumber(e.target.value)} />
          <InlineError message={errorFor('number')} />
        </label>
        <label className="field">
          <span className="field-label">Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as PointStatus)}>
            {POINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {/* Not one <label> around it all: the count and hints would become part of the field's name. */}
      <div className="field">
        <label className="field-label" htmlFor={`${ids}-text`}>
          Text
        </label>
        <textarea
          id={`${ids}-text`}
          ref={textRef}
          className="point-text-input"
          rows={Math.min(14, Math.max(4, Math.ceil(text.length / 70) + text.split('\n').length))}
          value={text}
          autoFocus
          aria-invalid={errorFor('text') !== undefined}
          aria-describedby={`${ids}-count`}
          onChange={(e) => {
            setText(e.target.value);
            setSplitHint(false);
          }}
        />
        <span
          id={`${ids}-count`}
          className={`char-count${text.length > PLAN_LIMITS.textLength ? ' over' : ''}`}
        >
          {text.length.toLocaleString()} / {PLAN_LIMITS.textLength.toLocaleString()} · *emphasis*, **strong**,
          “- ” for lists, blank line between paragraphs
        </span>
        <InlineError message={errorFor('text')} />
        {splitHint && <p className="hint">Place the cursor in the text where the new point should begin.</p>}
      </div>
      <ItemsEditor items={items} onChange={setItems} errorFor={errorFor} />
      <TagPicker taxonomy={taxonomy} value={tags} onChange={setTags} />
      <InlineError message={errorFor('tags') ?? generalError} />
      <div className="button-row form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !valid}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
        <span className="kbd-hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves · <kbd>Esc</kbd> cancels
        </span>
        <button
          type="button"
          className="button button-small push-right"
          disabled={busy}
          onClick={() => void split()}
        >
          Split at cursor
        </button>
      </div>
    </form>
  );
}

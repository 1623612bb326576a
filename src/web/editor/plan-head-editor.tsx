import { type KeyboardEvent, useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import type { ApiError } from '../api/client.ts';
import { Markdown } from '../components/markdown.tsx';
import { InlineError } from '../components/status.tsx';
import type { EditOutcome } from './use-draft.ts';
import { validateOp } from './validate-op.ts';

interface Props {
  content: PlanContent;
  send: (op: DraftOp) => Promise<EditOutcome>;
}

/** The plan's title and preamble, shown as the document head and editable in place. */
export function PlanHeadEditor({ content, send }: Props) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(content.title);
  const [preamble, setPreamble] = useState(content.preamble);
  const [serverError, setServerError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const op: DraftOp & { type: 'updatePlan' } = { type: 'updatePlan' };
  if (title !== content.title) op.title = title;
  if (preamble !== content.preamble) op.preamble = preamble;
  const live = validateOp(op);
  const errorFor = (f: string) => live[f] ?? serverError?.fieldReason(f);

  function start() {
    setTitle(content.title);
    setPreamble(content.preamble);
    setServerError(undefined);
    setEditing(true);
  }

  async function save() {
    if (Object.keys(live).length > 0) return;
    if (op.title === undefined && op.preamble === undefined) return setEditing(false);
    setBusy(true);
    const outcome = await send(op);
    setBusy(false);
    if (outcome.ok || !('error' in outcome)) setEditing(false);
    else setServerError(outcome.error);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') setEditing(false);
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
  }

  if (!editing) {
    return (
      <header className="plan-head">
        <div className="plan-head-row">
          <h1 className="plan-title">{content.title === '' ? 'Untitled plan' : content.title}</h1>
          <button type="button" className="tool" onClick={start}>
            Edit title and preamble
          </button>
        </div>
        {content.preamble !== '' ? (
          <Markdown text={content.preamble} className="prose preamble" />
        ) : (
          <p className="muted small">No preamble.</p>
        )}
      </header>
    );
  }
  return (
    <form
      className="plan-head plan-head-form stack"
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field">
        <span className="field-label">Title</span>
        <input className="title-input" value={title} autoFocus onChange={(e) => setTitle(e.target.value)} />
        <InlineError message={errorFor('title')} />
      </label>
      <label className="field">
        <span className="field-label">Preamble</span>
        <textarea
          className="point-text-input"
          rows={6}
          value={preamble}
          onChange={(e) => setPreamble(e.target.value)}
        />
        <InlineError message={errorFor('preamble')} />
      </label>
      <InlineError
        message={
          serverError !== undefined && serverError.errors.length === 0 ? serverError.detail : undefined
        }
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || Object.keys(live).length > 0}
        >
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

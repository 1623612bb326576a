import { type FormEvent, useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import type { Area } from '../../domain/plans/plan.ts';
import { InlineError } from '../components/status.tsx';
import type { EditOutcome } from './use-draft.ts';
import { validateOp } from './validate-op.ts';

interface Props {
  area: Area;
  pointCount: number;
  send: (op: DraftOp) => Promise<EditOutcome>;
}

/** An area title with rename and delete. */
export function AreaHeading({ area, pointCount, send }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>();

  async function run(op: DraftOp): Promise<boolean> {
    setError(undefined);
    const outcome = await send(op);
    if (!outcome.ok && 'error' in outcome)
      setError(outcome.error.fieldReason('title') ?? outcome.error.detail);
    return outcome.ok;
  }

  return (
    <div className="area-head" id={`area-${area.id}`}>
      {renaming ? (
        <TitleForm
          initial={area.title}
          label="Area title"
          submitLabel="Rename"
          onCancel={() => setRenaming(false)}
          onSubmit={async (title) => {
            if (await run({ type: 'renameArea', areaId: area.id, title })) setRenaming(false);
          }}
        />
      ) : (
        <>
          <h2 className="area-title">{area.title}</h2>
          <div className="area-tools">
            <button type="button" className="tool" onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button type="button" className="tool tool-danger" onClick={() => setConfirming(true)}>
              Delete area
            </button>
          </div>
        </>
      )}
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={`Delete area ${area.title}?`}>
          <p>
            Delete the heading “{area.title}”?{' '}
            {pointCount > 0
              ? 'Its points stay in the plan and join the area before it.'
              : 'It has no points.'}
          </p>
          <button
            type="button"
            className="button button-danger"
            autoFocus
            onClick={() => {
              setConfirming(false);
              void run({ type: 'deleteArea', areaId: area.id });
            }}
          >
            Delete area
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      <InlineError message={error} />
    </div>
  );
}

/** A one-line title input with live validation from the draft-op schema. */
export function TitleForm(props: {
  initial: string;
  label: string;
  submitLabel: string;
  onSubmit: (title: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const live = validateOp({ type: 'addArea', title, beforePointId: null }).title;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (live !== undefined) return;
    setBusy(true);
    await props.onSubmit(title.trim());
    setBusy(false);
  }
  return (
    <form className="title-form" onSubmit={(e) => void submit(e)}>
      <label className="field grow">
        <span className="visually-hidden">{props.label}</span>
        <input
          value={title}
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
          aria-invalid={live !== undefined}
        />
        <InlineError message={title === props.initial ? undefined : live} />
      </label>
      <button type="submit" className="button button-primary" disabled={busy || live !== undefined}>
        {props.submitLabel}
      </button>
      <button type="button" className="button button-quiet" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

import { useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import { InlineError } from '../components/status.tsx';
import { TitleForm } from './area-heading.tsx';
import type { EditOutcome } from './use-draft.ts';

type Send = (op: DraftOp) => Promise<EditOutcome>;

export function AddPointButton(props: {
  send: Send;
  afterPointId: string | null;
  areaId: string | null;
  label: string;
}) {
  const [error, setError] = useState<string | undefined>();
  return (
    <div className="add-point">
      <button
        type="button"
        className="button button-small button-dashed"
        onClick={async () => {
          const outcome = await props.send({
            type: 'addPoint',
            afterPointId: props.afterPointId,
            areaId: props.areaId,
            text: '',
            items: [],
            tags: [],
          });
          setError(!outcome.ok && 'error' in outcome ? outcome.error.detail : undefined);
        }}
      >
        + {props.label}
      </button>
      <InlineError message={error} />
    </div>
  );
}

/** "Add area" at the end of the plan. */
export function AddArea({ send }: { send: Send }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!open) {
    return (
      <div className="add-area">
        <button type="button" className="button button-small button-dashed" onClick={() => setOpen(true)}>
          + Add area
        </button>
      </div>
    );
  }
  return (
    <div className="add-area">
      <TitleForm
        initial=""
        label="New area title"
        submitLabel="Add area"
        onCancel={() => setOpen(false)}
        onSubmit={async (title) => {
          const outcome = await send({ type: 'addArea', title, beforePointId: null });
          if (outcome.ok) setOpen(false);
          else
            setError(
              'error' in outcome ? (outcome.error.fieldReason('title') ?? outcome.error.detail) : undefined,
            );
        }}
      />
      <InlineError message={error} />
    </div>
  );
}

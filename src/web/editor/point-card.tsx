import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import { POINT_STATUSES, type Point, type PointStatus } from '../../domain/plans/plan.ts';
import type { ProvisionTag } from '../../domain/plans/taxonomy.ts';
import { InlineError } from '../components/status.tsx';
import { PointForm, STATUS_LABELS } from './point-form.tsx';
import { PointBody } from './point-view.tsx';
import type { EditOutcome } from './use-draft.ts';

interface Props {
  point: Point;
  taxonomy: ProvisionTag[];
  editing: boolean;
  focusMe: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  nextId: string | null;
  send: (op: DraftOp) => Promise<EditOutcome>;
  onEdit: (editing: boolean) => void;
  onMove: (direction: 'up' | 'down') => void;
  onFocused: () => void;
}

export function PointCard(props: Props) {
  const { point, taxonomy, editing, send, onEdit, onMove } = props;
  const ref = useRef<HTMLElement>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const tagLabel = (key: string) => taxonomy.find((t) => t.key === key)?.label ?? key;

  useEffect(() => {
    if (props.focusMe && !editing) {
      ref.current?.focus();
      props.onFocused();
    }
  });

  async function run(op: DraftOp) {
    setError(undefined);
    const outcome = await send(op);
    if (!outcome.ok && 'error' in outcome) setError(outcome.error.detail);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      onEdit(true);
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      onMove(e.key === 'ArrowUp' ? 'up' : 'down');
    }
  }

  const label = `Point ${point.number}`;
  return (
    <article
      ref={ref}
      id={`point-${point.id}`}
      className={`point-card status-${point.status}${editing ? ' editing' : ''}`}
      tabIndex={editing ? undefined : 0}
      aria-label={label}
      aria-keyshortcuts="Enter Alt+ArrowUp Alt+ArrowDown"
      onKeyDown={onKeyDown}
    >
      <header className="point-head">
        <span className="point-number">{point.number}</span>
        <span className={`status-dot status-${point.status}`} aria-hidden="true" />
        {editing && <span className="editing-label">Editing</span>}
        {!editing && (
          <label className="status-select">
            <span className="visually-hidden">Status of point {point.number}</span>
            <select
              value={point.status}
              onChange={(e) =>
                void run({ type: 'updatePoint', pointId: point.id, status: e.target.value as PointStatus })
              }
            >
              {POINT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        )}
        {!editing && (
          <div className="point-toolbar" role="toolbar" aria-label={`Actions for point ${point.number}`}>
            <button
              type="button"
              className="tool"
              aria-label={`Edit point ${point.number}`}
              onClick={() => onEdit(true)}
            >
              Edit
            </button>
            <button
              type="button"
              className="tool"
              aria-label="Move up"
              title="Move up (Alt+↑)"
              disabled={!props.canMoveUp}
              onClick={() => onMove('up')}
            >
              ↑
            </button>
            <button
              type="button"
              className="tool"
              aria-label="Move down"
              title="Move down (Alt+↓)"
              disabled={!props.canMoveDown}
              onClick={() => onMove('down')}
            >
              ↓
            </button>
            <button
              type="button"
              className="tool"
              title="Merge this point with the next one"
              disabled={props.nextId === null}
              onClick={() =>
                props.nextId !== null && void run({ type: 'mergePoints', pointIds: [point.id, props.nextId] })
              }
            >
              Merge next
            </button>
            <button
              type="button"
              className="tool"
              title="Add a point after this one"
              onClick={() =>
                void run({
                  type: 'addPoint',
                  afterPointId: point.id,
                  areaId: point.areaId,
                  text: '',
                  items: [],
                  tags: [],
                })
              }
            >
              Add after
            </button>
            <button type="button" className="tool tool-danger" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          </div>
        )}
      </header>
      {editing ? (
        <PointForm point={point} taxonomy={taxonomy} send={send} onDone={() => onEdit(false)} />
      ) : (
        <PointBody point={point} tagLabel={tagLabel} />
      )}
      {confirmDelete && (
        <div className="confirm" role="alertdialog" aria-label={`Delete point ${point.number}?`}>
          <p>Delete point {point.number}? Earlier versions keep it; the working draft loses it.</p>
          <button
            type="button"
            className="button button-danger"
            autoFocus
            onClick={() => {
              setConfirmDelete(false);
              void run({ type: 'deletePoint', pointId: point.id });
            }}
          >
            Delete point
          </button>
          <button type="button" className="button button-quiet" onClick={() => setConfirmDelete(false)}>
            Keep it
          </button>
        </div>
      )}
      <InlineError message={error} />
    </article>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import { findPoint, type PlanContent } from '../../domain/plans/plan.ts';
import type { DraftConflict } from './use-draft.ts';

interface Props {
  conflict: DraftConflict;
  keepTheirs: () => void;
  resend: (op: DraftOp) => void;
}

/** What we tried to write for a point: the text of an update, or a description of the op. */
function myText(op: DraftOp, mine: PlanContent, pointId: string): string {
  if (op.type === 'updatePoint' && op.pointId === pointId && op.text !== undefined) return op.text;
  const before = findPoint(mine, pointId)?.text ?? '';
  return before;
}

function describeOp(op: DraftOp): string {
  switch (op.type) {
    case 'updatePoint':
      return 'your edit of this point';
    case 'deletePoint':
      return 'deleting this point';
    case 'movePoint':
      return 'moving this point';
    case 'splitPoint':
      return 'splitting this point';
    case 'mergePoints':
      return 'merging these points';
    default:
      return 'your change';
  }
}

/** A first merge to edit: one text when the other already contains it, else both, ours first. */
export function initialMerge(yours: string, theirs: string): string {
  if (theirs.includes(yours)) return theirs;
  if (yours.includes(theirs)) return yours;
  return `${yours}\n\n${theirs}`;
}

/**
 * Shown on 409 draft.conflict: someone else changed the same point; the user decides. Both texts
 * stand side by side; for an edit of one point's text a merge of both is ready to edit and save.
 */
export function ConflictPanel({ conflict, keepTheirs, resend }: Props) {
  const { op, mine, current } = conflict;
  const ids = conflict.conflictingPointIds.length > 0 ? conflict.conflictingPointIds : opPointIds(op);
  const single = op.type === 'updatePoint' && ids.length === 1 && ids[0] === op.pointId ? op : null;
  const singleTheirs = single === null ? undefined : findPoint(current, single.pointId);
  const [merging, setMerging] = useState<string | null>(
    singleTheirs === undefined ? null : (single?.pointId ?? null),
  );
  const [merged, setMerged] = useState(() =>
    single !== null && singleTheirs !== undefined
      ? initialMerge(myText(op, mine, single.pointId), singleTheirs.text)
      : '',
  );
  const ref = useRef<HTMLElement>(null);

  // The edit may have been far down the plan: bring the decision to the user.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus();
  }, []);

  /** The merged text, sent with the rest of our edit of that point (number, tags) kept. */
  const mergedOp = (id: string): DraftOp =>
    op.type === 'updatePoint' && op.pointId === id
      ? { ...op, text: merged }
      : { type: 'updatePoint', pointId: id, text: merged };

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="conflict-panel"
      role="alert"
      aria-labelledby="conflict-heading"
    >
      <h2 id="conflict-heading">Someone else changed this while you were editing</h2>
      <p>
        Your change ({describeOp(op)}) was not saved: the draft moved on to revision{' '}
        {conflict.currentRevision}. Compare the two texts, then save a merge of both, keep theirs, or use
        yours.
      </p>
      {ids.map((id) => {
        const theirs = findPoint(current, id);
        const yours = myText(op, mine, id);
        const number = theirs?.number ?? findPoint(mine, id)?.number ?? '?';
        return (
          <div key={id} className="conflict-point">
            <h3>Point {number}</h3>
            <div className="conflict-columns">
              <div>
                <p className="conflict-label">Your text</p>
                <pre className="conflict-text">{yours}</pre>
              </div>
              <div>
                <p className="conflict-label">Their text (current)</p>
                <pre className="conflict-text">
                  {theirs === undefined ? '(this point was deleted)' : theirs.text}
                </pre>
              </div>
            </div>
            {merging === id && theirs !== undefined && (
              <div className="stack">
                <label className="field">
                  <span className="field-label">Merged text for point {number}</span>
                  <textarea
                    className="point-text-input"
                    rows={8}
                    value={merged}
                    onChange={(e) => setMerged(e.target.value)}
                  />
                </label>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={merged.trim() === ''}
                    onClick={() => resend(mergedOp(id))}
                  >
                    Save merged
                  </button>
                  {single === null && (
                    <button type="button" className="button button-quiet" onClick={() => setMerging(null)}>
                      Cancel merge
                    </button>
                  )}
                </div>
              </div>
            )}
            {merging !== id && theirs !== undefined && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setMerged(initialMerge(yours, theirs.text));
                  setMerging(id);
                }}
              >
                Edit a merge of both
              </button>
            )}
          </div>
        );
      })}
      <div className="button-row">
        <button type="button" className="button" onClick={keepTheirs}>
          Keep theirs
        </button>
        <button type="button" className="button" onClick={() => resend(op)}>
          Use mine
        </button>
      </div>
    </section>
  );
}

function opPointIds(op: DraftOp): string[] {
  if ('pointId' in op) return [op.pointId];
  if (op.type === 'mergePoints') return op.pointIds;
  return [];
}

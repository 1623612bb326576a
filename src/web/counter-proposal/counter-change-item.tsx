import { Segments } from '../compare/segments.tsx';
import type { CounterChange } from './counter-types.ts';

const KIND_LABEL: Record<CounterChange['kind'], string> = {
  replaced: 'Replace',
  deleted: 'Delete',
  added: 'New point',
};
const KIND_CLASS: Record<CounterChange['kind'], string> = {
  replaced: 'modified',
  deleted: 'deleted',
  added: 'added',
};

/** What the change is about, in words: "Point 4 (your 4)", "after point 7, Security arrangements". */
function headline(change: CounterChange): string {
  if (change.kind === 'replaced') return `Point ${change.number} — your ${change.counterNumber}`;
  if (change.kind === 'deleted') return `Point ${change.number} — not in your text`;
  const where = change.afterNumber === null ? 'at the start' : `after point ${change.afterNumber}`;
  return `Your ${change.counterNumber} — ${where}${change.areaTitle === null ? '' : `, in ${change.areaTitle}`}`;
}

function originNote(change: CounterChange): string | null {
  if (change.origin === 'split')
    return change.kind === 'added' ? 'part of a split point' : 'split into several points';
  if (change.origin === 'merge')
    return change.kind === 'deleted' ? 'merged into the point before' : 'merges several points';
  return null;
}

interface Props {
  change: CounterChange;
  included: boolean;
  onToggle: (included: boolean) => void;
}

/** One proposed change with its checkbox: a replacement as a word redline, a deletion struck, an addition placed. */
export function CounterChangeItem({ change, included, onToggle }: Props) {
  const id = `counter-${change.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const note = originNote(change);
  return (
    <li
      className={`counter-change change kind-border-${KIND_CLASS[change.kind]}${included ? '' : ' counter-excluded'}`}
    >
      <div className="counter-change-head">
        <input
          id={id}
          type="checkbox"
          checked={included}
          onChange={(e) => onToggle(e.target.checked)}
          aria-describedby={`${id}-text`}
        />
        <label htmlFor={id} className="counter-change-label">
          <span className={`kind-badge kind-${KIND_CLASS[change.kind]}`}>{KIND_LABEL[change.kind]}</span>
          <span className="counter-change-title">{headline(change)}</span>
          {note !== null && <span className="muted small">{note}</span>}
          {change.kind === 'replaced' && (
            <span className="muted small">{Math.round(change.similarity * 100)}% of the words kept</span>
          )}
        </label>
      </div>
      <div id={`${id}-text`} className="counter-change-body">
        {change.kind === 'replaced' && <Segments segments={change.segments} />}
        {change.kind === 'deleted' && <Segments segments={[{ op: 'delete', text: change.baseText }]} />}
        {change.kind === 'added' && <Segments segments={[{ op: 'insert', text: change.text }]} />}
      </div>
    </li>
  );
}

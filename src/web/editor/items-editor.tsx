import type { PlanItem } from '../../domain/plans/plan.ts';
import { InlineError } from '../components/status.tsx';

interface Props {
  items: PlanItem[];
  onChange: (items: PlanItem[]) => void;
  errorFor: (field: string) => string | undefined;
}

/** The next label in the sequence the point already uses: a → b, 1 → 2, none → a. */
function nextLabel(items: PlanItem[]): string | null {
  const last = items.at(-1)?.label;
  if (last === undefined) return 'a';
  if (last === null) return null;
  if (/^\d+$/.test(last)) return String(Number(last) + 1);
  if (/^[a-y]$/i.test(last)) return String.fromCharCode(last.charCodeAt(0) + 1);
  return '';
}

/** Sub-items (10 a–d) as rows of label + text. */
export function ItemsEditor({ items, onChange, errorFor }: Props) {
  const update = (i: number, patch: Partial<PlanItem>) =>
    onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  return (
    <fieldset className="items-editor">
      <legend className="field-label">Sub-items</legend>
      {items.length === 0 && <p className="muted small">No sub-items.</p>}
      <ol className="item-rows">
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: sub-items are positional, they have no ids
          <li key={i} className="item-row">
            <input
              className="item-label"
              aria-label={`Label of sub-item ${i + 1}`}
              placeholder="•"
              maxLength={16}
              value={item.label ?? ''}
              onChange={(e) => update(i, { label: e.target.value === '' ? null : e.target.value })}
            />
            <div className="grow">
              <textarea
                className="item-text"
                aria-label={`Text of sub-item ${i + 1}`}
                rows={2}
                value={item.text}
                onChange={(e) => update(i, { text: e.target.value })}
              />
              <InlineError message={errorFor(`items.${i}.label`) ?? errorFor(`items.${i}.text`)} />
            </div>
            <button
              type="button"
              className="button button-quiet icon-button"
              aria-label={`Remove sub-item ${i + 1}`}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange([...items, { label: nextLabel(items), text: '' }])}
      >
        Add sub-item
      </button>
      <InlineError message={errorFor('items')} />
    </fieldset>
  );
}

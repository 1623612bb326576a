import type { ApiError } from '../api/client.ts';
import { ErrorBox } from '../components/status.tsx';
import { CounterChangeItem } from './counter-change-item.tsx';
import type { CounterPreview } from './counter-types.ts';

interface Props {
  preview: CounterPreview;
  included: ReadonlySet<string>;
  onInclude: (keys: ReadonlySet<string>) => void;
  creating: boolean;
  error: ApiError | undefined;
  onCreate: () => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Step 2: the changes found, each to keep or leave out, and the button that writes the kept ones as drafts. */
export function CounterReview({ preview, included, onInclude, creating, error, onCreate }: Props) {
  const { changes, counts } = preview;
  const toggle = (key: string, on: boolean) => {
    const next = new Set(included);
    if (on) next.add(key);
    else next.delete(key);
    onInclude(next);
  };
  const chosen = changes.filter((c) => included.has(c.key)).length;

  return (
    <section className="counter-review panel stack" aria-labelledby="counter-review-title">
      <h2 id="counter-review-title">2. Review the changes against {preview.baseVersion.label}</h2>
      <p className="counter-summary" role="status">
        {changes.length === 0
          ? `Your text changes nothing in ${preview.baseVersion.label}: every point is there as it stands (numbering, spacing and punctuation aside).`
          : `${plural(changes.length, 'change')} found: ${plural(counts.replaced, 'point')} reworded, ${plural(counts.deleted, 'point')} left out, ${plural(counts.added, 'new point')}. ${plural(preview.unchanged, 'point')} unchanged.`}
      </p>
      {preview.notices.length > 0 && (
        <ul className="counter-notices" aria-label="Not carried by amendments">
          {preview.notices.map((n) => (
            <li key={n.message}>{n.message}</li>
          ))}
        </ul>
      )}
      {changes.length > 0 && (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button button-small"
              onClick={() => onInclude(new Set(changes.map((c) => c.key)))}
            >
              Select all
            </button>
            <button
              type="button"
              className="button button-small button-quiet"
              onClick={() => onInclude(new Set())}
            >
              Select none
            </button>
            <span className="muted small">Uncheck the changes you do not want to propose.</span>
          </div>
          <ol className="counter-changes">
            {changes.map((c) => (
              <CounterChangeItem
                key={c.key}
                change={c}
                included={included.has(c.key)}
                onToggle={(on) => toggle(c.key, on)}
              />
            ))}
          </ol>
          {error !== undefined && <ErrorBox error={error} title="The amendments were not created" />}
          <div className="button-row counter-create">
            <button
              type="button"
              className="button button-primary"
              disabled={chosen === 0 || creating}
              onClick={onCreate}
            >
              {creating ? 'Creating…' : `Create ${plural(chosen, 'draft amendment')}`}
            </button>
            <span className="muted small">
              They stay your party’s drafts: the mediator sees them only once you submit them.
            </span>
          </div>
        </>
      )}
    </section>
  );
}

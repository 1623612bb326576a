import type { ProvisionTag } from '../../domain/plans/taxonomy.ts';

interface Props {
  taxonomy: ProvisionTag[];
  value: string[];
  onChange: (tags: string[]) => void;
}

/** Tags as toggle chips (aria-pressed), in taxonomy order; unknown tags already on the point stay visible. */
export function TagPicker({ taxonomy, value, onChange }: Props) {
  const known = new Set(taxonomy.map((t) => t.key));
  const extra = value
    .filter((v) => !known.has(v))
    .map((key) => ({ key, label: key, description: 'Not in the taxonomy' }));
  const toggle = (key: string) =>
    onChange(value.includes(key) ? value.filter((k) => k !== key) : [...value, key]);
  return (
    <fieldset className="tag-picker">
      <legend className="field-label">Tags</legend>
      <div className="chip-row">
        {[...taxonomy, ...extra].map((t) => (
          <button
            key={t.key}
            type="button"
            className="chip chip-toggle"
            aria-pressed={value.includes(t.key)}
            title={t.description}
            onClick={() => toggle(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

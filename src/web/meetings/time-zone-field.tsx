import { useId, useMemo } from 'react';
import { InlineError } from '../components/status.tsx';
import { zoneName } from './meeting-format.ts';

/** Every IANA zone the browser knows, once. */
let zones: string[] | null = null;
export function knownZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

/**
 * A time zone (by default the venue's): a text field that suggests matching IANA names as one types ("zur" →
 * Europe/Zurich), and says the zone's current offset once the name is one it knows.
 */
export function TimeZoneField({
  value,
  onChange,
  error,
  label = 'Time zone of the venue',
  required = true,
}: {
  value: string;
  onChange: (zone: string) => void;
  error: string | undefined;
  label?: string;
  required?: boolean;
}) {
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const all = knownZones();
  const known = useMemo(() => all.includes(value), [all, value]);
  // Matches for what is typed, on any part of the name ("york", "zur"), for picking by keyboard.
  const matches = useMemo(() => {
    const q = value.trim().toLowerCase().replace(/\s+/g, '_');
    return q === '' || known ? [] : all.filter((z) => z.toLowerCase().includes(q)).slice(0, 8);
  }, [all, value, known]);
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        list={listId}
        value={value}
        required={required}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        aria-invalid={error !== undefined || (value !== '' && !known)}
        placeholder="Search: Geneva, Vienna, New York…"
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {all.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <span className="hint" id={hintId}>
        {value === ''
          ? 'Type part of a city or region and pick the IANA name.'
          : known
            ? `Now ${zoneName(new Date().toISOString(), value)} — times above are read as local times there.`
            : matches.length > 0
              ? 'Pick the matching zone:'
              : 'Not a time zone this browser knows: try the name of a nearby city.'}
      </span>
      {matches.length > 0 && (
        <fieldset className="zone-matches">
          <legend className="visually-hidden">Matching time zones</legend>
          {matches.map((z) => (
            <button key={z} type="button" className="button button-small" onClick={() => onChange(z)}>
              {z.replace(/_/g, ' ')}
            </button>
          ))}
        </fieldset>
      )}
      <InlineError message={error} />
    </div>
  );
}

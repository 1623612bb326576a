import { useId, useMemo } from 'react';
import { InlineError } from '../components/status.tsx';
import { zoneName } from '../meetings/meeting-format.ts';
import { knownZones } from '../meetings/time-zone-field.tsx';

/**
 * An IANA time zone picked by typing part of its name ("gen" → Europe/Geneva), as the meeting
 * form does, with a label of the caller's (the meeting field speaks of a venue).
 */
export function ZoneField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  error: string | undefined;
}) {
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const all = knownZones();
  const known = all.includes(value);
  const matches = useMemo(() => {
    const q = value.trim().toLowerCase().replace(/\s+/g, '_');
    return q === '' || known ? [] : all.filter((z) => z.toLowerCase().includes(q)).slice(0, 6);
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
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hintId}
        aria-invalid={error !== undefined || (value !== '' && !known)}
        placeholder="Search: Geneva, Kyiv, Jerusalem…"
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
            ? `Now ${zoneName(new Date().toISOString(), value)}.`
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

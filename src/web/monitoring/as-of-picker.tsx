import { useEffect, useId, useState } from 'react';
import { viewerZone } from '../meetings/meeting-format.ts';
import { formatInZone, fromLocalInput, toLocalInput } from './monitoring-format.ts';

/**
 * Time travel: the date and time (in the reader's own zone) the page shows the commitments as of,
 * with shortcuts to now and to entry into force. Applied when a complete date and time is typed.
 */
export function AsOfPicker({
  asOf,
  onChange,
  entryIntoForceAt,
  zone,
}: {
  /** The chosen moment, or null for now. */
  asOf: string | null;
  onChange: (asOf: string | null) => void;
  entryIntoForceAt: string | null;
  /** The agreement's zone, to say what the moment is there. */
  zone: string | null;
}) {
  const id = useId();
  const [text, setText] = useState(asOf === null ? '' : toLocalInput(asOf));
  useEffect(() => setText(asOf === null ? '' : toLocalInput(asOf)), [asOf]);
  const mine = viewerZone();
  return (
    <search className="as-of" aria-label="Show the state as of a moment">
      <div className="field">
        <label className="field-label" htmlFor={id}>
          As of <span className="optional">(your time, {mine.replace(/_/g, ' ')})</span>
        </label>
        <div className="as-of-row">
          <input
            id={id}
            type="datetime-local"
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              const iso = fromLocalInput(e.target.value);
              if (iso !== null) onChange(iso);
              else if (e.target.value === '') onChange(null);
            }}
          />
          <button
            type="button"
            className="button button-small"
            disabled={asOf === null}
            onClick={() => onChange(null)}
          >
            Now
          </button>
          {entryIntoForceAt !== null && (
            <button type="button" className="button button-small" onClick={() => onChange(entryIntoForceAt)}>
              At entry into force
            </button>
          )}
        </div>
        <span className="hint" id={`${id}-hint`}>
          {asOf === null
            ? 'Showing the state now. Pick a date and time to see it as it was, or will be.'
            : `Showing the state as of ${formatInZone(asOf, zone ?? mine)}${zone !== null && zone !== mine ? ` (${zone.replace(/_/g, ' ')})` : ''}.`}
        </span>
      </div>
    </search>
  );
}

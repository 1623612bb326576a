import { InlineError } from '../components/status.tsx';
import { TimeZoneField } from '../meetings/time-zone-field.tsx';

export interface EntryIntoForceDraft {
  set: boolean;
  local: string;
  zone: string;
}

/**
 * The moment the agreement takes effect, as the text says it: a local date and time where it
 * applies, and that place's time zone. Deadlines counted from entry into force wait until it is set.
 */
export function EntryIntoForceFields({
  value,
  onChange,
  fieldError,
}: {
  value: EntryIntoForceDraft;
  onChange: (next: EntryIntoForceDraft) => void;
  fieldError: (field: string) => string | undefined;
}) {
  return (
    <fieldset className="field">
      <legend className="field-label">Entry into force</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.set}
          onChange={(e) => onChange({ ...value, set: e.target.checked })}
        />
        The moment of entry into force is known
      </label>
      {value.set ? (
        <div className="form-row eif-row">
          <label className="field grow">
            <span className="field-label">Local date and time</span>
            <input
              type="datetime-local"
              value={value.local}
              required
              aria-invalid={fieldError('entryIntoForce.local') !== undefined}
              onChange={(e) => onChange({ ...value, local: e.target.value })}
            />
            <InlineError message={fieldError('entryIntoForce.local')} />
          </label>
          <div className="grow">
            <TimeZoneField
              required={false}
              label="Time zone it is given in"
              value={value.zone}
              onChange={(zone) => onChange({ ...value, zone })}
              error={fieldError('entryIntoForce.zone')}
            />
          </div>
        </div>
      ) : (
        <p className="hint">
          Deadlines counted from entry into force ("within 72 hours") start only once it is set.
        </p>
      )}
      <InlineError message={fieldError('entryIntoForce')} />
    </fieldset>
  );
}

/** What the API takes: the local time and zone, or null while it is not set. */
export function entryIntoForceBody(value: EntryIntoForceDraft) {
  return value.set ? { local: value.local, zone: value.zone.trim() } : null;
}

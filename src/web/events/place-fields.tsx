import { lazy, Suspense, useState } from 'react';
import { InlineError, Loading } from '../components/status.tsx';
import { GEO_PRECISION_LABELS } from './event-format.ts';
import type { GeoPrecision } from './event-types.ts';

// The picker draws the world map: its data loads only when someone opens it.
const CoordinatePicker = lazy(() => import('../map/coordinate-picker.tsx'));

export interface PlaceValue {
  placeName: string;
  /** As typed, so a half-typed number is not lost; parsed when sent. */
  latitude: string;
  longitude: string;
  geoPrecision: GeoPrecision | null;
}

/** A typed coordinate as a number, null when left empty; NaN (sent as typed) lets the server name the field. */
export function parseCoordinate(text: string): number | null | string {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** Where it happened: a place name, coordinates (typed or picked on a map) and how precise they are. */
export function PlaceFields({
  value,
  onChange,
  fieldError,
  near,
}: {
  value: PlaceValue;
  onChange: (v: PlaceValue) => void;
  fieldError: (field: string) => string | undefined;
  /** Where the map picker opens when no coordinates are typed yet (the latest located report). */
  near: { latitude: number; longitude: number } | null;
}) {
  const [picking, setPicking] = useState(false);
  const set = (changes: Partial<PlaceValue>) => onChange({ ...value, ...changes });
  const lat = parseCoordinate(value.latitude);
  const lon = parseCoordinate(value.longitude);
  return (
    <fieldset className="field event-place-fields">
      <legend className="field-label">Where it happened</legend>
      <label className="field">
        <span className="field-label">Place name</span>
        <input
          value={value.placeName}
          maxLength={300}
          placeholder="Village, town, road or landmark"
          onChange={(e) => set({ placeName: e.target.value })}
        />
        <InlineError message={fieldError('placeName')} />
      </label>
      <div className="form-row">
        <label className="field">
          <span className="field-label">Latitude</span>
          <input
            inputMode="decimal"
            value={value.latitude}
            placeholder="48.5123"
            aria-describedby="coordinate-hint"
            onChange={(e) => set({ latitude: e.target.value })}
          />
          <InlineError message={fieldError('latitude')} />
        </label>
        <label className="field">
          <span className="field-label">Longitude</span>
          <input
            inputMode="decimal"
            value={value.longitude}
            placeholder="35.0411"
            aria-describedby="coordinate-hint"
            onChange={(e) => set({ longitude: e.target.value })}
          />
          <InlineError message={fieldError('longitude')} />
        </label>
        <label className="field">
          <span className="field-label">Coordinates are</span>
          <select
            value={value.geoPrecision ?? ''}
            onChange={(e) =>
              set({ geoPrecision: e.target.value === '' ? null : (Number(e.target.value) as GeoPrecision) })
            }
          >
            <option value="">not given</option>
            {([1, 2, 3] as const).map((p) => (
              <option key={p} value={p}>
                {GEO_PRECISION_LABELS[p]}
              </option>
            ))}
          </select>
          <InlineError message={fieldError('geoPrecision')} />
        </label>
      </div>
      <p className="hint" id="coordinate-hint">
        Decimal degrees (WGS 84): latitude −90 to 90, north positive; longitude −180 to 180, east positive.
        Leave both empty when only the place name is known.{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => setPicking((p) => !p)}
          aria-expanded={picking}
        >
          {picking ? 'Close the map' : 'Pick on a map'}
        </button>
      </p>
      {picking && (
        <Suspense fallback={<Loading label="Opening the map…" />}>
          <CoordinatePicker
            latitude={typeof lat === 'number' ? lat : null}
            longitude={typeof lon === 'number' ? lon : null}
            near={near}
            onPick={(la, lo) =>
              set({
                latitude: la.toFixed(5),
                longitude: lo.toFixed(5),
                geoPrecision: value.geoPrecision ?? 2,
              })
            }
          />
        </Suspense>
      )}
    </fieldset>
  );
}

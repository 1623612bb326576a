import { useDeferredValue, useMemo, useState } from 'react';
import { ZONE_KINDS } from '../../domain/monitoring/monitoring-model.ts';
import { parseZones } from '../../domain/monitoring/zones/parse-zones.ts';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { plural } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { areaLabel, lengthLabel, ZONE_KIND_LABELS } from './zone-format.ts';
import type { Zone, ZoneImportResult, ZoneKind, ZoneProblem } from './zone-types.ts';
import { ZonesMap } from './zones-map.tsx';

/** Shown in the text box; bigger files are kept but not displayed. */
const SHOWN_CHARS = 200_000;

function problemLabel(p: { feature: number | null }): string {
  return p.feature === null ? 'the file' : `feature ${p.feature + 1}`;
}

/**
 * GeoJSON import of zones: a file or pasted text, checked here as it is typed (the same rules
 * the server applies: closed rings, no self-intersection, coordinates on the globe), previewed on
 * a map, then sent; the server checks again and writes all features or none.
 */
export function ZoneImportForm({
  processId,
  agreementId,
  points,
  onImported,
}: {
  processId: string;
  agreementId: string;
  /** Points of the adopted text with commitments, for linking the zones: id and label. */
  points: readonly { id: string; label: string }[];
  onImported: (zones: Zone[]) => void;
}) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [kind, setKind] = useState<ZoneKind>('other');
  const [pointId, setPointId] = useState('');
  const [busy, setBusy] = useState(false);
  const [serverProblems, setServerProblems] = useState<ZoneProblem[] | null>(null);
  const [error, setError] = useState<string | undefined>();
  const deferred = useDeferredValue(text);
  const parsed = useMemo(
    () => (deferred.trim() === '' ? null : parseZones(deferred, { kind })),
    [deferred, kind],
  );
  const preview: Zone[] = useMemo(
    () =>
      parsed?.items.map((z, i) => ({
        id: `preview-${i}`,
        name: z.name,
        kind: z.kind,
        pointId: null,
        geometry: z.geometry,
        areaKm2: z.areaKm2,
        lengthKm: z.lengthKm,
      })) ?? [],
    [parsed],
  );

  async function readFile(file: File) {
    setServerProblems(null);
    setFileName(file.name);
    setText(await file.text());
  }

  async function submit() {
    setBusy(true);
    setError(undefined);
    setServerProblems(null);
    try {
      const r = await api.post<ZoneImportResult>(`/processes/${processId}/agreements/${agreementId}/zones`, {
        geojson: text,
        kind,
        ...(pointId === '' ? {} : { pointId }),
      });
      if (r.ok) {
        setText('');
        setFileName(null);
        onImported(r.items);
      } else setServerProblems(r.problems);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const problems = serverProblems ?? parsed?.problems ?? [];
  const big = text.length > SHOWN_CHARS;
  return (
    <div className="zone-import">
      <div className="form-row">
        <label className="field">
          <span className="field-label">GeoJSON file</span>
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void readFile(f);
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Kind, where a feature does not say</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ZoneKind)}>
            {ZONE_KINDS.map((k) => (
              <option key={k} value={k}>
                {ZONE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Point, where a feature does not say</span>
          <select
            value={pointId}
            onChange={(e) => {
              setPointId(e.target.value);
              setServerProblems(null);
            }}
          >
            <option value="">No point</option>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {big ? (
        <p className="hint">
          {fileName ?? 'The text'} is too long to show ({Math.round(text.length / 1024).toLocaleString()} KB);
          it is checked below.{' '}
          <button type="button" className="link-button" onClick={() => setText('')}>
            Clear
          </button>
        </p>
      ) : (
        <label className="field">
          <span className="field-label">Or paste GeoJSON</span>
          <textarea
            className="code-field"
            rows={8}
            value={text}
            spellCheck={false}
            placeholder='{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Buffer zone north", "kind": "buffer_zone", "point": "3"}, "geometry": {"type": "Polygon", "coordinates": [[…]]}}]}'
            onChange={(e) => {
              setText(e.target.value);
              setFileName(null);
              setServerProblems(null);
            }}
          />
        </label>
      )}
      <p className="hint">
        Polygons, multi-polygons, lines and multi-lines in longitude, latitude (WGS 84). A feature’s
        properties may give its <code>name</code>, <code>kind</code> (line_of_contact, buffer_zone,
        area_to_vacate, other) and <code>point</code> (the number of the point in the adopted text).
      </p>
      {parsed !== null && (
        <div className="zone-preview" aria-live="polite">
          {problems.length > 0 ? (
            <>
              <p className="field-error">
                {serverProblems ? 'The server refused the import' : 'This cannot be imported yet'}:{' '}
                {plural(problems.length, 'problem')}. Nothing is imported until every feature is right.
              </p>
              <ul className="problems">
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems are a fixed list per check
                  <li key={i} className="problem problem-error zone-problem">
                    <span className="problem-line">{problemLabel(p)}</span>
                    <span>{p.message}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p className="ok-line">
                {plural(parsed.items.length, 'zone')} ready:{' '}
                {parsed.items
                  .slice(0, 6)
                  .map(
                    (z) =>
                      `${z.name || ZONE_KIND_LABELS[z.kind]} (${z.areaKm2 !== null ? areaLabel(z.areaKm2) : z.lengthKm !== null ? lengthLabel(z.lengthKm) : ZONE_KIND_LABELS[z.kind]})`,
                  )
                  .join(', ')}
                {parsed.items.length > 6 ? ', …' : ''}
              </p>
              <ZonesMap zones={preview} label={`Preview of ${plural(preview.length, 'zone')}`} />
            </>
          )}
        </div>
      )}
      <InlineError message={error} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy || parsed === null || !parsed.ok || serverProblems !== null}
          onClick={() => void submit()}
        >
          {busy ? 'Importing…' : parsed?.ok ? `Import ${plural(parsed.items.length, 'zone')}` : 'Import'}
        </button>
      </div>
    </div>
  );
}

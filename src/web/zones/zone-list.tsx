import { useState } from 'react';
import { errorMessage } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { InlineError } from '../components/status.tsx';
import { areaLabel, lengthLabel, ZONE_KIND_LABELS } from './zone-format.ts';
import type { Zone } from './zone-types.ts';

/** The zones of an agreement: name, kind, point, size; delete for the mission. */
export function ZoneList({
  processId,
  zones,
  pointLabel,
  canDelete,
  onDeleted,
}: {
  processId: string;
  zones: readonly Zone[];
  pointLabel: (pointId: string) => string;
  canDelete: boolean;
  onDeleted: (zoneId: string) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  // Deleting asks once more, in place: the first click arms it.
  const [armed, setArmed] = useState<string | null>(null);
  async function remove(z: Zone) {
    setArmed(null);
    setBusy(z.id);
    setError(undefined);
    try {
      await api.delete(`/processes/${processId}/zones/${z.id}`);
      onDeleted(z.id);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }
  if (zones.length === 0) return <p className="empty">No zones yet.</p>;
  return (
    <>
      <table className="table zone-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Point</th>
            <th scope="col" className="num">
              Area
            </th>
            <th scope="col" className="num">
              Length
            </th>
            {canDelete && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z.id}>
              <td>{z.name || <span className="muted">No name</span>}</td>
              <td>
                <span className={`zone-kind zone-kind-${z.kind}`}>{ZONE_KIND_LABELS[z.kind]}</span>
              </td>
              <td>{z.pointId === null ? <span className="muted">—</span> : pointLabel(z.pointId)}</td>
              <td className="num">{z.areaKm2 === null ? '—' : areaLabel(z.areaKm2)}</td>
              <td className="num">{z.lengthKm === null ? '—' : lengthLabel(z.lengthKm)}</td>
              {canDelete && (
                <td className="zone-actions">
                  {armed === z.id ? (
                    <>
                      <button
                        type="button"
                        className="button button-danger button-small"
                        onClick={() => void remove(z)}
                      >
                        Delete it
                      </button>
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        onClick={() => setArmed(null)}
                      >
                        Keep
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      disabled={busy !== null}
                      aria-label={`Delete ${z.name || ZONE_KIND_LABELS[z.kind]}`}
                      onClick={() => setArmed(z.id)}
                    >
                      {busy === z.id ? 'Deleting…' : 'Delete'}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <InlineError message={error} />
    </>
  );
}

import { useState } from 'react';
import { Link } from 'wouter';
import { errorMessage } from '../api/api-error.ts';
import { api, isApiError } from '../api/client.ts';
import { InlineError } from '../components/status.tsx';
import type { EventReport } from './event-types.ts';

/** The commitments an event concerns, each a link to its page, with unlink for the mission. */
export function CommitmentLinks({
  processId,
  report,
  canLink,
  onChanged,
}: {
  processId: string;
  report: EventReport;
  canLink: boolean;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  async function unlink(commitmentId: string) {
    setBusy(commitmentId);
    setError(undefined);
    try {
      await api.delete(`/processes/${processId}/event-reports/${report.id}/links/${commitmentId}`);
      onChanged();
    } catch (err) {
      // Already gone is what was wanted.
      if (isApiError(err) && err.status === 404) onChanged();
      else setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }
  if (report.links.length === 0)
    return <p className="empty">Not linked to any commitment{canLink ? ' yet' : ''}.</p>;
  return (
    <>
      <ul className="event-links">
        {report.links.map((c) => (
          <li key={c.commitmentId}>
            <Link href={`/processes/${processId}/commitments/${c.commitmentId}`}>{c.commitmentTitle}</Link>
            {canLink && (
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={`Unlink “${c.commitmentTitle}”`}
                disabled={busy !== null}
                onClick={() => void unlink(c.commitmentId)}
              >
                {busy === c.commitmentId ? 'Unlinking…' : 'Unlink'}
              </button>
            )}
          </li>
        ))}
      </ul>
      <InlineError message={error} />
      {canLink && (
        <p className="hint">
          Unlinking keeps any progress already recorded from this event on the commitment’s page.
        </p>
      )}
    </>
  );
}

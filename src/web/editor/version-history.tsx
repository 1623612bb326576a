import { Link } from 'wouter';
import type { VersionSummary } from '../api/types.ts';
import { formatDateTime } from '../components/format.ts';

/** Versions, newest first, each with links to read it and to compare it. */
export function VersionHistory({ planId, versions }: { planId: string; versions: VersionSummary[] }) {
  return (
    <section className="side-section" aria-labelledby="history-heading">
      <h2 id="history-heading" className="side-heading">
        Versions
      </h2>
      {versions.length === 0 ? (
        <p className="muted small">
          No versions yet. Cut one to freeze the draft for sharing and comparison.
        </p>
      ) : (
        <ol className="version-list">
          {versions.map((v, i) => {
            const previous = versions[i + 1];
            return (
              <li key={v.id} className="version-item">
                <p className="version-label">
                  <Link href={`/plans/${planId}/versions/${v.id}`}>{v.label}</Link>
                  <code className="hash" title={`Content hash ${v.contentHash}`}>
                    {v.contentHash.replace(/^sha256:/, '').slice(0, 8)}
                  </code>
                </p>
                <p className="version-meta">
                  {formatDateTime(v.createdAt)} · {v.author.name}
                </p>
                {v.note !== '' && <p className="version-note">{v.note}</p>}
                <p className="version-links">
                  <Link href={`/plans/${planId}/compare?from=${v.id}&to=draft`}>Compare with draft</Link>
                  {previous !== undefined && (
                    <Link href={`/plans/${planId}/compare?from=${previous.id}&to=${v.id}`}>
                      Changes since {previous.label}
                    </Link>
                  )}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

import { Link } from 'wouter';
import type { VersionSummary } from '../api/types.ts';
import { formatDate, formatDateTime } from '../components/format.ts';

/** How the version reached the reader's party. */
export function ReleaseFacts({ release }: { release: NonNullable<VersionSummary['release']> }) {
  return (
    <dl className="facts">
      <dt>Released to your party</dt>
      <dd>{formatDateTime(release.releasedAt)}</dd>
      {release.channel && (
        <>
          <dt>At</dt>
          <dd>{release.channel}</dd>
        </>
      )}
      {release.note !== '' && (
        <>
          <dt>Note</dt>
          <dd>{release.note}</dd>
        </>
      )}
    </dl>
  );
}

/** The versions the reader may open (for a party: those released to it), with redlines between them. */
export function HeldVersions({
  planId,
  versions,
  current,
  readsDraft,
}: {
  planId: string;
  versions: VersionSummary[];
  current: string;
  readsDraft: boolean;
}) {
  if (versions.length === 0) return null;
  const index = versions.findIndex((v) => v.id === current);
  const previous = index >= 0 ? versions[index + 1] : undefined;
  return (
    <section className="side-section" aria-labelledby="held-versions">
      <h2 id="held-versions" className="side-heading">
        {readsDraft ? 'Versions' : 'Versions your party holds'}
      </h2>
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v.id}>
            {v.id === current ? (
              <strong aria-current="page">{v.label}</strong>
            ) : (
              <Link href={`/plans/${planId}/versions/${v.id}`}>{v.label}</Link>
            )}
            <span className="muted"> · {formatDate(v.release?.releasedAt ?? v.createdAt)}</span>
          </li>
        ))}
      </ul>
      {previous && (
        <p className="version-links">
          <Link href={`/plans/${planId}/compare?from=${previous.id}&to=${current}`}>
            What changed since {previous.label}
          </Link>
        </p>
      )}
    </section>
  );
}

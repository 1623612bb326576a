import type { ConsultationLog, ReleaseRecord } from '../api/types.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { PartySwatch } from '../process/party-swatch.tsx';

type PlanRow = ConsultationLog['plans'][number];
type VersionRow = PlanRow['versions'][number];

interface Props {
  plan: PlanRow;
  parties: ConsultationLog['parties'];
  releases: ReleaseRecord[];
  /** Offered to mediators: open the release dialog for a version. */
  onRelease?: (version: VersionRow) => void;
}

/**
 * Versions (rows, newest on top) × parties (columns): a filled cell says since when the party
 * holds the version; the newest version each party holds is marked, since that is the text it is
 * negotiating on.
 */
export function ReleaseMatrix({ plan, parties, releases, onRelease }: Props) {
  const cell = new Map(releases.map((r) => [`${r.versionId}|${r.partyId}`, r]));
  const versions = [...plan.versions].sort((a, b) => b.seq - a.seq);
  const newestHeld = new Map<string, string>();
  for (const party of parties) {
    const newest = versions.find((v) => cell.has(`${v.id}|${party.id}`));
    if (newest) newestHeld.set(party.id, newest.id);
  }
  return (
    <div className="matrix-scroll">
      <table className="table release-matrix">
        <caption className="visually-hidden">Which party holds which version of {plan.title}</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            {parties.map((p) => (
              <th scope="col" key={p.id} className="party-col" title={p.name}>
                <PartySwatch colour={p.colour} /> {p.code}
                <span className="party-col-name">{p.name}</span>
              </th>
            ))}
            {onRelease && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id}>
              <th scope="row" className="version-cell">
                <a href={`/plans/${plan.id}/versions/${v.id}`}>{v.label}</a>
                <span className="version-cut">cut {formatDate(v.createdAt)}</span>
              </th>
              {parties.map((p) => {
                const r = cell.get(`${v.id}|${p.id}`);
                if (!r) {
                  return (
                    <td key={p.id} className="release-cell not-held">
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">not released to {p.name}</span>
                    </td>
                  );
                }
                const latest = newestHeld.get(p.id) === v.id;
                const detail = [
                  `${p.name} holds ${v.label} since ${formatDateTime(r.releasedAt)}`,
                  `released by ${r.releasedBy.name}`,
                  r.channel ? `at ${r.channel}` : '',
                  r.note,
                ]
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <td
                    key={p.id}
                    className={latest ? 'release-cell held latest' : 'release-cell held'}
                    title={detail}
                  >
                    <span className="held-mark" aria-hidden="true">
                      ●
                    </span>{' '}
                    {formatDate(r.releasedAt)}
                    {r.channel && <span className="release-channel">{r.channel}</span>}
                    {latest && <span className="latest-tag">current text</span>}
                    <span className="visually-hidden">{detail}</span>
                  </td>
                );
              })}
              {onRelease && (
                <td>
                  <button type="button" className="button button-small" onClick={() => onRelease(v)}>
                    Release…
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useId, useState } from 'react';
import type { Role } from '../api/types.ts';
import { viewerCan } from '../auth/viewer.ts';
import '../styles/briefs.css';

interface BriefParty {
  id: string;
  name: string;
  kind?: string;
}

/**
 * "Export brief": download links for a negotiation brief (.docx or PDF) of a plan. Mediators pick
 * the party it is prepared for, or all parties; anyone else gets their own party's brief, on the
 * newest version it holds. Plain links, so the browser handles the file.
 */
export function BriefMenu({
  planId,
  viewer,
  parties,
}: {
  planId: string;
  viewer: { role: Role; partyId: string } | null;
  /** The process's parties; only mediators choose among them. */
  parties: readonly BriefParty[];
}) {
  const id = useId();
  const mediator = viewer?.role === 'mediator';
  const [party, setParty] = useState(mediator ? 'all' : (viewer?.partyId ?? ''));
  if (!viewer || !viewerCan(viewer, 'brief.export', mediator ? {} : { partyId: viewer.partyId })) return null;
  const choices = parties.filter((p) => p.kind !== 'mediator');
  const href = (format: 'docx' | 'pdf') =>
    `/api/v1/plans/${encodeURIComponent(planId)}/brief?format=${format}&party=${encodeURIComponent(party)}`;
  return (
    <section className="brief-menu" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="side-heading">
        Export brief
      </h2>
      {mediator && (
        <label className="field">
          <span className="field-label">Prepared for</span>
          <select value={party} onChange={(e) => setParty(e.target.value)}>
            <option value="all">All parties</option>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul className="brief-links">
        <li>
          <a className="button button-small" href={href('docx')} download>
            Brief (.docx)
          </a>
        </li>
        <li>
          <a className="button button-small" href={href('pdf')} download>
            Brief (PDF)
          </a>
        </li>
      </ul>
      <p className="muted brief-hint">
        {mediator
          ? 'The working draft with the chosen party’s stances, its open amendments and the meetings ahead.'
          : 'The newest text your party holds with your stances, open amendments and meetings ahead. Each copy is marked invisibly for you, so that a leak can be traced.'}
      </p>
    </section>
  );
}

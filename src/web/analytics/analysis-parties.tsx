import { Link } from 'wouter';
import { PartySwatch } from '../process/party-swatch.tsx';
import type { AnalysisParty } from './api-types.ts';

/** Per party: whether it gave its preferences and whether it shares them with the mediator. */
export function AnalysisParties({ planId, parties }: { planId: string; parties: AnalysisParty[] }) {
  const given = parties.filter((p) => p.hasPreferences).length;
  return (
    <div>
      <p className="muted small">
        {given} of {parties.length} parties gave preferences. The engine reads every party’s; you see numbers
        only for those that share them with you.
      </p>
      <table className="table party-status">
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">Preferences</th>
            <th scope="col">Shared with you</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <PartySwatch colour={p.colour} /> <strong>{p.code}</strong> {p.name}
              </th>
              <td className={p.hasPreferences ? 'ok-line' : 'muted'}>
                {p.hasPreferences ? 'given' : 'not yet'}
              </td>
              <td className="nowrap">
                {!p.hasPreferences ? (
                  <span className="muted">—</span>
                ) : p.sharedWithMediator ? (
                  <>
                    shared ·{' '}
                    <Link href={`/plans/${planId}/preferences?party=${encodeURIComponent(p.id)}`}>
                      view<span className="visually-hidden"> {p.name}’s preferences</span>
                    </Link>
                  </>
                ) : (
                  <span className="muted">sealed</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

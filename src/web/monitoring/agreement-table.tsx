import { Link } from 'wouter';
import { useResource } from '../api/use-resource.ts';
import { formatDay, formatInZone, percentLabel } from './monitoring-format.ts';
import type { Agreement, MonitoringSnapshot } from './monitoring-types.ts';

/** The agreements of a process: what was adopted, when it took effect, and how far it is implemented now. */
export function AgreementTable({
  processId,
  agreements,
}: {
  processId: string;
  agreements: readonly Agreement[];
}) {
  return (
    <table className="table agreement-table">
      <thead>
        <tr>
          <th scope="col">Agreement</th>
          <th scope="col">Adopted text</th>
          <th scope="col">Adopted on</th>
          <th scope="col">Entry into force</th>
          <th scope="col" className="num">
            Commitments
          </th>
          <th scope="col" className="num">
            Implemented
          </th>
        </tr>
      </thead>
      <tbody>
        {agreements.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/processes/${processId}/agreements/${a.id}`} className="plan-link">
                {a.title}
              </Link>
            </td>
            <td>{a.versionLabel}</td>
            <td className="date">{formatDay(a.adoptedOn)}</td>
            <td className="date">
              {a.entryIntoForce === null ? (
                <span className="muted">not set</span>
              ) : (
                formatInZone(a.entryIntoForce.at, a.entryIntoForce.zone)
              )}
            </td>
            <td className="num">{a.commitmentCount}</td>
            <td className="num">
              <Implemented processId={processId} agreement={a} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The percentage now: from the list when it carries it, otherwise from the agreement's status. */
function Implemented({ processId, agreement }: { processId: string; agreement: Agreement }) {
  const known = agreement.percent;
  const status = useResource<MonitoringSnapshot>(
    known === undefined && agreement.commitmentCount > 0
      ? `/processes/${processId}/agreements/${agreement.id}/status`
      : null,
  );
  if (known !== undefined) return <>{percentLabel(known)}</>;
  if (agreement.commitmentCount === 0) return <span className="muted">no commitments</span>;
  if (status.state !== 'ready') return <span className="muted">…</span>;
  return <>{percentLabel(status.data.totals.percent)}</>;
}

import { scaleLinear } from 'd3-scale';
import { plural } from '../components/format.ts';
import { PartySwatch } from '../process/party-swatch.tsx';
import { percentLabel, STATUS_LABELS, STATUS_ORDER } from './monitoring-format.ts';
import type { MonitoringSnapshot } from './monitoring-types.ts';

type Row = MonitoringSnapshot['totals'];

const WIDTH = 300;
const BAR = 14;
const x = scaleLinear().domain([0, 100]).range([0, WIDTH]);

/** "2 overdue, 1 breached": the statuses that need attention in a group, if any. */
function trouble(row: Row): string {
  return (['breached', 'overdue', 'disputed'] as const)
    .filter((s) => row.counts[s] > 0)
    .map((s) => `${row.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
}

/**
 * Implementation of each group (area, party, phase, tag) as a bar on a 0–100% scale shared by all
 * rows, with the number of commitments and those in trouble written beside it.
 */
export function AggregateBars({
  rows,
  colours,
  empty,
}: {
  rows: readonly Row[];
  /** Party colours by key, for a swatch before the label. */
  colours?: ReadonlyMap<string, string>;
  empty: string;
}) {
  if (rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="aggregate-bars">
      {rows.map((r) => {
        const issues = trouble(r);
        const statuses = STATUS_ORDER.filter((s) => r.counts[s] > 0);
        const colour = colours?.get(r.key);
        return (
          <li key={r.key} className="aggregate-row">
            <span className="aggregate-label">
              {colour !== undefined && <PartySwatch colour={colour} />} {r.label}
            </span>
            <svg
              viewBox={`0 0 ${WIDTH} ${BAR}`}
              className="aggregate-svg"
              role="img"
              aria-label={`${r.label}: ${percentLabel(r.percent)} implemented across ${plural(r.commitments, 'commitment')}; ${statuses.map((s) => `${r.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(', ')}.`}
              preserveAspectRatio="none"
            >
              <rect x={0} y={0} width={WIDTH} height={BAR} className="bar-track" />
              <rect x={0} y={0} width={x(r.percent)} height={BAR} className="bar-fill" />
            </svg>
            <span className="aggregate-value">
              <strong>{percentLabel(r.percent)}</strong>
              <span className="muted">
                {' '}
                · {plural(r.commitments, 'commitment')}
                {r.scored < r.commitments && `, ${r.commitments - r.scored} unscored`}
              </span>
              {issues !== '' && <span className="aggregate-trouble"> · {issues}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

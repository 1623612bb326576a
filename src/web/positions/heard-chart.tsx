import { scaleLinear } from 'd3-scale';
import { PartySwatch } from '../process/party-swatch.tsx';
import type { PartySummary } from './types.ts';

type Row = PartySummary['parties'][number];

interface Segment {
  key: string;
  label: string;
  value: number;
}

const WIDTH = 420;
const LABEL_WIDTH = 120;
const BAR_HEIGHT = 18;
const GAP = 10;
const BAR_AREA = WIDTH - LABEL_WIDTH - 36;

const amendmentSegments = (r: Row): Segment[] => [
  { key: 'accepted', label: 'accepted', value: r.amendments.accepted },
  { key: 'partly', label: 'partly accepted', value: r.amendments.partlyAccepted },
  { key: 'rejected', label: 'rejected', value: r.amendments.rejected },
  { key: 'open', label: 'open', value: r.amendments.open },
];
const moveSegments = (r: Row): Segment[] => [
  { key: 'towards', label: 'towards support', value: r.moves.towards },
  { key: 'unchanged', label: 'unchanged', value: r.moves.unchanged },
  { key: 'away', label: 'away from support', value: r.moves.away },
];

const total = (segments: Segment[]) => segments.reduce((s, x) => s + x.value, 0);
const describe = (segments: Segment[]) =>
  segments
    .filter((s) => s.value > 0)
    .map((s) => `${s.value} ${s.label}`)
    .join(', ');

/** One stacked bar: segments laid end to end on the shared scale, the total written after it. */
function Bar({
  y,
  title,
  segments,
  x,
  family,
  empty,
}: {
  y: number;
  title: string;
  segments: Segment[];
  x: (v: number) => number;
  family: string;
  empty: string;
}) {
  const sum = total(segments);
  let start = 0;
  const label = sum === 0 ? `${title}: ${empty}` : `${title}: ${describe(segments)}`;
  return (
    <g className="heard-bar">
      <title>{label}</title>
      <text x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className="heard-axis-label">
        {title}
      </text>
      <rect x={LABEL_WIDTH} y={y} width={BAR_AREA} height={BAR_HEIGHT} className="heard-track" />
      {segments.map((s) => {
        const x0 = LABEL_WIDTH + x(start);
        start += s.value;
        const w = x(start) - x(start - s.value);
        if (s.value === 0) return null;
        return (
          <g key={s.key}>
            <rect x={x0} y={y} width={w} height={BAR_HEIGHT} className={`${family}-${s.key}`} />
            {w >= 18 && (
              <text
                x={x0 + w / 2}
                y={y + BAR_HEIGHT / 2}
                className="heard-segment-value"
                dominantBaseline="middle"
              >
                {s.value}
              </text>
            )}
          </g>
        );
      })}
      <text
        x={LABEL_WIDTH + x(sum) + 6}
        y={y + BAR_HEIGHT / 2}
        dominantBaseline="middle"
        className="heard-total"
      >
        {sum === 0 ? empty : sum}
      </text>
    </g>
  );
}

/**
 * "How far each side is heard": per party, its amendments by outcome and its stance moves across
 * versions, as stacked bars on scales shared by all parties so the sides compare at a glance.
 */
export function HeardChart({ summary }: { summary: PartySummary }) {
  const rows = summary.parties;
  const maxAmendments = Math.max(1, ...rows.map((r) => total(amendmentSegments(r))));
  const maxMoves = Math.max(1, ...rows.map((r) => total(moveSegments(r))));
  const ax = scaleLinear().domain([0, maxAmendments]).range([0, BAR_AREA]);
  const mx = scaleLinear().domain([0, maxMoves]).range([0, BAR_AREA]);
  const height = 2 * BAR_HEIGHT + GAP;
  return (
    <div className="heard-chart">
      <ul className="heard-legend" aria-label="Chart colours">
        <li>
          <span className="legend-swatch chart-amend-accepted" aria-hidden="true" /> accepted
        </li>
        <li>
          <span className="legend-swatch chart-amend-partly" aria-hidden="true" /> partly accepted
        </li>
        <li>
          <span className="legend-swatch chart-amend-rejected" aria-hidden="true" /> rejected
        </li>
        <li>
          <span className="legend-swatch chart-amend-open" aria-hidden="true" /> open
        </li>
        <li className="legend-gap">
          <span className="legend-swatch chart-move-towards" aria-hidden="true" /> moved towards support
        </li>
        <li>
          <span className="legend-swatch chart-move-unchanged" aria-hidden="true" /> unchanged
        </li>
        <li>
          <span className="legend-swatch chart-move-away" aria-hidden="true" /> moved away
        </li>
      </ul>
      <ul className="heard-parties">
        {rows.map((r) => {
          const a = r.amendments;
          const decided = a.accepted + a.partlyAccepted + a.rejected;
          return (
            <li key={r.party.id} className="heard-party">
              <p className="heard-party-name">
                <PartySwatch colour={r.party.colour} /> <strong>{r.party.code}</strong> {r.party.name}
              </p>
              <svg
                viewBox={`0 0 ${WIDTH} ${height}`}
                width="100%"
                className="heard-svg"
                role="img"
                aria-label={`${r.party.name}. Amendments: ${describe(amendmentSegments(r)) || 'none put forward'}. Stance moves: ${describe(moveSegments(r)) || 'none yet'}.`}
              >
                <Bar
                  y={0}
                  title="Amendments"
                  segments={amendmentSegments(r)}
                  x={ax}
                  family="chart-amend"
                  empty="none put forward"
                />
                <Bar
                  y={BAR_HEIGHT + GAP}
                  title="Stance moves"
                  segments={moveSegments(r)}
                  x={mx}
                  family="chart-move"
                  empty="none yet"
                />
              </svg>
              <p className="heard-note muted">
                {decided === 0
                  ? 'No amendment decided yet.'
                  : `${a.accepted + a.partlyAccepted} of ${decided} decided amendments taken in, ${a.partlyAccepted} of them in part.`}
                {a.withdrawn > 0 && ` ${a.withdrawn} withdrawn.`}
              </p>
            </li>
          );
        })}
      </ul>
      <details className="heard-numbers">
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                Partly
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
              <th scope="col" className="num">
                Open
              </th>
              <th scope="col" className="num">
                Withdrawn
              </th>
              <th scope="col" className="num">
                Towards support
              </th>
              <th scope="col" className="num">
                Unchanged
              </th>
              <th scope="col" className="num">
                Away
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.party.id}>
                <th scope="row">{r.party.name}</th>
                <td className="num">{r.amendments.accepted}</td>
                <td className="num">{r.amendments.partlyAccepted}</td>
                <td className="num">{r.amendments.rejected}</td>
                <td className="num">{r.amendments.open}</td>
                <td className="num">{r.amendments.withdrawn}</td>
                <td className="num">{r.moves.towards}</td>
                <td className="num">{r.moves.unchanged}</td>
                <td className="num">{r.moves.away}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

import { scaleLinear, scaleTime } from 'd3-scale';
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { formatDate } from '../components/format.ts';
import { percentLabel, STATUS_LABELS } from './monitoring-format.ts';
import type { CommitmentStatus, MonitoringSnapshot } from './monitoring-types.ts';

type Trend = MonitoringSnapshot['overTime'];

const M = { top: 12, right: 16, bottom: 26, left: 44 };
const LINE_HEIGHT = 150;
const GAP = 30;
const AREA_HEIGHT = 110;
const HEIGHT = M.top + LINE_HEIGHT + GAP + AREA_HEIGHT + M.bottom;

/** Bottom to top: done work at the base, trouble on top, so a growing red band reads as trouble. */
const STACK: readonly CommitmentStatus[] = [
  'completed',
  'completed_late',
  'in_progress',
  'not_started',
  'disputed',
  'overdue',
  'breached',
];

function describe(p: Trend[number]): string {
  const counts = STACK.filter((s) => p.counts[s] > 0)
    .map((s) => `${p.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
  return `${formatDate(p.at)}: ${percentLabel(p.percent)} implemented${counts === '' ? '' : `; ${counts}`}`;
}

/**
 * Implementation over time: the percentage as a line (top) and the commitments by status as
 * stacked areas (below), on one time axis. Arrow keys (or the pointer) move a cursor across the
 * dates and the line above the chart reads out that date; the numbers are also in a table.
 */
export function TrendChart({ trend }: { trend: Trend }) {
  const [cursor, setCursor] = useState<number | null>(null);
  // Drawn at the width it is shown at, so the labels keep their size on any screen.
  const wrap = useRef<HTMLDivElement>(null);
  const [WIDTH, setWidth] = useState(720);
  useLayoutEffect(() => {
    const el = wrap.current;
    if (!el) return;
    setWidth(Math.max(320, el.clientWidth));
    const observer = new ResizeObserver(
      ([entry]) => entry && setWidth(Math.max(320, Math.round(entry.contentRect.width))),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  if (trend.length === 0)
    return (
      <p className="empty">The series starts at entry into force, which is not set or not reached yet.</p>
    );
  const first = trend[0] as Trend[number];
  const last = trend.at(-1) as Trend[number];
  const t0 = new Date(first.at);
  const t1 = trend.length === 1 ? new Date(t0.getTime() + 86_400_000) : new Date(last.at);
  const x = scaleTime()
    .domain([t0, t1])
    .range([M.left, WIDTH - M.right]);
  const yPct = scaleLinear()
    .domain([0, 100])
    .range([M.top + LINE_HEIGHT, M.top]);
  const total = Math.max(1, ...trend.map((p) => STACK.reduce((s, k) => s + p.counts[k], 0)));
  const areaTop = M.top + LINE_HEIGHT + GAP;
  const yCount = scaleLinear()
    .domain([0, total])
    .range([areaTop + AREA_HEIGHT, areaTop]);
  const xs = trend.map((p) => x(new Date(p.at)));
  const line = trend.map((p, i) => `${i === 0 ? 'M' : 'L'}${xs[i]},${yPct(p.percent)}`).join(' ');
  const under = `${line} L${xs.at(-1)},${yPct(0)} L${xs[0]},${yPct(0)} Z`;

  // Stacked areas: each status band between the running sums below and above it.
  const bands = STACK.map((status, k) => {
    const lower = trend.map((p) => STACK.slice(0, k).reduce((s, key) => s + p.counts[key], 0));
    const upper = trend.map((p, i) => (lower[i] ?? 0) + p.counts[status]);
    const top = upper.map((v, i) => `${i === 0 ? 'M' : 'L'}${xs[i]},${yCount(v)}`).join(' ');
    const bottom = lower
      .map((v, i) => `L${xs[i]},${yCount(v)}`)
      .reverse()
      .join(' ');
    return { status, d: `${top} ${bottom} Z`, present: upper.some((v, i) => v > (lower[i] ?? 0)) };
  });
  const ticks = x.ticks(Math.max(2, Math.min(Math.floor(WIDTH / 110), trend.length + 1)));
  const shown = cursor === null ? null : (trend[cursor] ?? null);

  const move = (e: KeyboardEvent) => {
    const i = cursor ?? trend.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? Math.min(trend.length - 1, i + 1)
        : e.key === 'ArrowLeft'
          ? Math.max(0, i - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? trend.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    setCursor(next);
  };
  const nearest = (clientX: number, svg: HTMLElement) => {
    const box = svg.getBoundingClientRect();
    const px = ((clientX - box.left) / box.width) * WIDTH;
    let best = 0;
    xs.forEach((v, i) => {
      if (Math.abs(v - px) < Math.abs((xs[best] ?? 0) - px)) best = i;
    });
    return best;
  };

  return (
    <div className="trend-chart" ref={wrap}>
      <p className="trend-readout" aria-live="polite">
        {shown === null ? `Latest — ${describe(last)}` : describe(shown)}
      </p>
      {/* A slider over the dates: arrow keys move the cursor, the readout above says what it shows. */}
      <div
        className="trend-focus"
        role="slider"
        tabIndex={0}
        aria-label="Implementation over time"
        aria-valuemin={0}
        aria-valuemax={trend.length - 1}
        aria-valuenow={cursor ?? trend.length - 1}
        aria-valuetext={describe(shown ?? last)}
        aria-orientation="horizontal"
        onKeyDown={move}
        onBlur={() => setCursor(null)}
        onPointerMove={(e) => setCursor(nearest(e.clientX, e.currentTarget))}
        onPointerLeave={() => setCursor(null)}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          className="trend-svg"
          aria-hidden="true"
        >
          {[0, 25, 50, 75, 100].map((t) => (
            <g key={t}>
              <line x1={M.left} x2={WIDTH - M.right} y1={yPct(t)} y2={yPct(t)} className="mon-grid" />
              <text x={M.left - 6} y={yPct(t)} className="mon-tick mon-tick-y" dominantBaseline="middle">
                {t}%
              </text>
            </g>
          ))}
          <path d={under} className="trend-under" />
          <path d={line} className="trend-line" />
          {trend.map((p, i) => (
            <circle
              key={p.at}
              cx={xs[i]}
              cy={yPct(p.percent)}
              r={cursor === i ? 5 : 3}
              className="trend-dot"
            />
          ))}
          <text x={M.left} y={areaTop - 8} className="chart-caption">
            Commitments by status
          </text>
          {bands
            .filter((b) => b.present)
            .map((b) => (
              <path key={b.status} d={b.d} className={`band band-${b.status}`} />
            ))}
          <text x={M.left - 6} y={yCount(total)} className="mon-tick mon-tick-y" dominantBaseline="middle">
            {total}
          </text>
          <text x={M.left - 6} y={yCount(0)} className="mon-tick mon-tick-y" dominantBaseline="middle">
            0
          </text>
          {ticks.map((t) => (
            <text
              key={t.toISOString()}
              x={x(t)}
              y={HEIGHT - 8}
              className="mon-tick"
              // Labels near an edge are anchored inside the chart so they are not cut off.
              textAnchor={x(t) > WIDTH - M.right - 40 ? 'end' : x(t) < M.left + 40 ? 'start' : 'middle'}
            >
              {formatDate(t.toISOString())}
            </text>
          ))}
          {cursor !== null && xs[cursor] !== undefined && (
            <line
              x1={xs[cursor]}
              x2={xs[cursor]}
              y1={M.top}
              y2={areaTop + AREA_HEIGHT}
              className="trend-cursor"
            />
          )}
        </svg>
      </div>
      <ul className="chart-legend" aria-label="Status colours">
        {[...STACK].reverse().map((s) => (
          <li key={s}>
            <span className={`mon-swatch band-${s}`} aria-hidden="true" /> {STATUS_LABELS[s]}
          </li>
        ))}
      </ul>
      <details className="chart-numbers">
        <summary>Show the numbers as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Implemented
              </th>
              {STACK.map((s) => (
                <th key={s} scope="col" className="num">
                  {STATUS_LABELS[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.map((p) => (
              <tr key={p.at}>
                <th scope="row">{formatDate(p.at)}</th>
                <td className="num">{percentLabel(p.percent)}</td>
                {STACK.map((s) => (
                  <td key={s} className="num">
                    {p.counts[s]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
import type {
  AggregateRow,
  CommitmentLine,
  TrendPoint,
} from '../../../domain/monitoring/monitoring-snapshot.ts';
import type { ChartScene, Shape } from './chart-scene.ts';
import { formatCount, formatPercent } from './report-text.ts';

/**
 * The report's charts as scenes (chart-scene.ts), laid out with d3-scale: implementation over
 * time as a line, implementation by group as horizontal bars, and progress on quantity targets as
 * bars against their target. Sizes are in px of a 640-wide box; labels are cut to fit by length.
 */

const WIDTH = 640;
const INK = '#1a1a1a';
const MUTED = '#5a5a5a';
const GRID = '#d9dde3';
const ACCENT = '#1f2a44';
const BAR = '#3b6ea5';
const TRACK = '#e8ebf0';
/** Light enough for the label written across it. */
const FILL = '#9dbde0';
const FONT = 11;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const text = (
  x: number,
  y: number,
  value: string,
  anchor: 'start' | 'middle' | 'end',
  fill = MUTED,
  size = FONT,
): Extract<Shape, { kind: 'text' }> => ({ kind: 'text', x, y, text: value, size, fill, anchor });

/** Implementation % over time: a line over a 0–100 % grid, dated along the bottom. */
export function trendChart(points: readonly TrendPoint[]): ChartScene {
  const height = 240;
  const m = { top: 14, right: 20, bottom: 30, left: 46 };
  const times = points.map((p) => Date.parse(p.at));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = scaleUtc()
    .domain([new Date(first), new Date(last > first ? last : first + 86_400_000)])
    .range([m.left, WIDTH - m.right]);
  const y = scaleLinear()
    .domain([0, 100])
    .range([height - m.bottom, m.top]);
  const shapes: Shape[] = [];
  for (const tick of [0, 25, 50, 75, 100]) {
    shapes.push({
      kind: 'line',
      x1: m.left,
      y1: y(tick),
      x2: WIDTH - m.right,
      y2: y(tick),
      stroke: GRID,
      strokeWidth: 1,
    });
    shapes.push(text(m.left - 6, y(tick) + 4, `${tick} %`, 'end'));
  }
  const format = x.tickFormat(5, '%-d %b %Y');
  for (const tick of x.ticks(5)) shapes.push(text(x(tick), height - m.bottom + 16, format(tick), 'middle'));
  const xy = points.map((p): [number, number] => [x(new Date(p.at)), y(p.percent)]);
  if (xy.length > 1) shapes.push({ kind: 'polyline', points: xy, stroke: ACCENT, strokeWidth: 2 });
  const end = xy.at(-1);
  if (end) {
    shapes.push({ kind: 'circle', cx: end[0], cy: end[1], r: 3.5, fill: ACCENT });
    const latest = points.at(-1)!;
    shapes.push({ ...text(end[0] - 6, end[1] - 8, formatPercent(latest.percent), 'end', INK), bold: true });
  }
  return { width: WIDTH, height, shapes };
}

/** Implementation % of each group (area, party, phase) as bars, in the party's colour when given. */
export function groupChart(
  rows: readonly AggregateRow[],
  colours: ReadonlyMap<string, string> = new Map(),
): ChartScene {
  const band = 24;
  const m = { top: 8, right: 56, bottom: 22, left: 190 };
  const height = m.top + m.bottom + Math.max(1, rows.length) * band;
  const x = scaleLinear()
    .domain([0, 100])
    .range([m.left, WIDTH - m.right]);
  const y = scaleBand()
    .domain(rows.map((r) => r.key))
    .range([m.top, height - m.bottom])
    .padding(0.25);
  const shapes: Shape[] = [];
  for (const tick of [0, 50, 100]) {
    shapes.push({
      kind: 'line',
      x1: x(tick),
      y1: m.top,
      x2: x(tick),
      y2: height - m.bottom,
      stroke: GRID,
      strokeWidth: 1,
    });
    shapes.push(text(x(tick), height - 6, `${tick} %`, 'middle'));
  }
  for (const row of rows) {
    const top = y(row.key) ?? 0;
    const mid = top + y.bandwidth() / 2 + 4;
    shapes.push(text(m.left - 8, mid, cut(`${row.label} (${row.commitments})`, 30), 'end', INK));
    shapes.push({ kind: 'rect', x: x(0), y: top, width: x(100) - x(0), height: y.bandwidth(), fill: TRACK });
    shapes.push({
      kind: 'rect',
      x: x(0),
      y: top,
      width: x(Math.max(0, Math.min(100, row.percent))) - x(0),
      height: y.bandwidth(),
      fill: colours.get(row.key) ?? BAR,
    });
    shapes.push(text(x(100) + 6, mid, formatPercent(row.percent), 'start', INK));
  }
  return { width: WIDTH, height, shapes };
}

/** Each commitment with a quantity target: what was delivered against the target. */
export function quantityChart(lines: readonly (CommitmentLine & { number: string })[]): ChartScene {
  const band = 30;
  const m = { top: 8, right: 12, bottom: 8, left: 190 };
  const withTarget = lines.filter((l) => l.targetQuantity !== null && l.targetQuantity > 0);
  const height = m.top + m.bottom + Math.max(1, withTarget.length) * band;
  const x = scaleLinear()
    .domain([0, 1])
    .range([m.left, WIDTH - m.right])
    .clamp(true);
  const shapes: Shape[] = [];
  withTarget.forEach((line, i) => {
    const top = m.top + i * band + 4;
    const target = line.targetQuantity ?? 1;
    shapes.push(text(m.left - 8, top + 14, cut(`${line.number} ${line.title}`, 30), 'end', INK));
    shapes.push({ kind: 'rect', x: x(0), y: top, width: x(1) - x(0), height: 18, fill: TRACK });
    shapes.push({
      kind: 'rect',
      x: x(0),
      y: top,
      width: x(line.quantityDone / target) - x(0),
      height: 18,
      fill: FILL,
    });
    const label = `${formatCount(line.quantityDone)} / ${formatCount(target)}${line.targetUnit ? ` ${line.targetUnit}` : ''}`;
    shapes.push(text(x(0) + 6, top + 13, cut(label, 60), 'start', INK, 10));
  });
  return { width: WIDTH, height, shapes };
}

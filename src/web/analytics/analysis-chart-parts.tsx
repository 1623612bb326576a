import { CONCEPT_LABELS, CONCEPTS } from './analysis-format.ts';
import type { SolutionConcept } from './api-types.ts';

/** The marker shape of each concept, so the marks differ by shape as well as by colour. */
export function ConceptMarker({
  concept,
  x,
  y,
  size = 7,
}: {
  concept: SolutionConcept;
  x: number;
  y: number;
  size?: number;
}) {
  const className = `concept-mark concept-${concept}`;
  if (concept === 'nash') return <circle cx={x} cy={y} r={size} className={className} />;
  if (concept === 'kalaiSmorodinsky')
    return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} className={className} />;
  if (concept === 'leximin')
    return (
      <polygon
        points={`${x},${y - size * 1.25} ${x + size * 1.25},${y} ${x},${y + size * 1.25} ${x - size * 1.25},${y}`}
        className={className}
      />
    );
  return (
    <polygon
      points={`${x},${y - size * 1.3} ${x + size * 1.15},${y + size * 0.8} ${x - size * 1.15},${y + size * 0.8}`}
      className={className}
    />
  );
}

/** The chart's key: concept markers, the frontier and (when drawn) the reservation lines. */
export function ChartLegend({ reservations, sealed }: { reservations: boolean; sealed: boolean }) {
  return (
    <ul className="analysis-legend" aria-label="Chart key">
      {CONCEPTS.map((c) => (
        <li key={c}>
          <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
            <ConceptMarker concept={c} x={9} y={9} size={5.5} />
          </svg>
          {CONCEPT_LABELS[c]}
        </li>
      ))}
      <li>
        <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
          <circle cx={9} cy={9} r={4} className="frontier-dot" />
        </svg>
        other efficient packages
      </li>
      {reservations && (
        <li>
          <svg width="22" height="18" viewBox="0 0 22 18" aria-hidden="true">
            <line x1={1} x2={21} y1={9} y2={9} className="reservation-line" />
          </svg>
          reservation (value of no agreement)
        </li>
      )}
      {sealed && (
        <li>
          <span className="legend-sealed" aria-hidden="true" />
          sealed: the party does not share its preferences with you
        </li>
      )}
    </ul>
  );
}

/** A tooltip drawn inside the SVG next to a mark, kept within the plot. */
export function SvgTooltip({
  x,
  y,
  lines,
  width,
  height,
}: {
  x: number;
  y: number;
  lines: string[];
  width: number;
  height: number;
}) {
  const lineHeight = 16;
  const boxWidth = Math.max(...lines.map((l) => l.length)) * 7.4 + 18;
  const boxHeight = lines.length * lineHeight + 10;
  const left = x + 12 + boxWidth > width ? x - 12 - boxWidth : x + 12;
  const top = Math.min(Math.max(4, y - boxHeight / 2), height - boxHeight - 4);
  return (
    <g className="chart-tooltip" pointerEvents="none">
      <rect x={left} y={top} width={boxWidth} height={boxHeight} rx={4} />
      {lines.map((l, i) => (
        <text
          key={l}
          x={left + 8}
          y={top + 17 + i * lineHeight}
          className={i === 0 ? 'tooltip-title' : undefined}
        >
          {l}
        </text>
      ))}
    </g>
  );
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Greedy label placement for the marks of a scatter: each label takes the first spot around its
 * mark (right, left, above, below, then further out) that overlaps neither a mark nor a label
 * already placed, so coinciding and neighbouring solutions stay legible.
 */
export function placeLabels(
  marks: { x: number; y: number; text: string }[],
  bounds: { left: number; top: number; right: number; bottom: number },
): PlacedLabel[] {
  const taken: Box[] = marks.map((m) => ({ x: m.x - 10, y: m.y - 10, w: 20, h: 20 }));
  return marks.map((m) => {
    const w = m.text.length * 7.2;
    const h = 14;
    const spots: (PlacedLabel & { box: Box })[] = [];
    for (const d of [0, 16, 32]) {
      spots.push(
        { x: m.x + 13 + d, y: m.y + 4, anchor: 'start', box: { x: m.x + 13 + d, y: m.y - 8, w, h } },
        { x: m.x - 13 - d, y: m.y + 4, anchor: 'end', box: { x: m.x - 13 - d - w, y: m.y - 8, w, h } },
        { x: m.x, y: m.y - 14 - d, anchor: 'middle', box: { x: m.x - w / 2, y: m.y - 26 - d, w, h } },
        { x: m.x, y: m.y + 24 + d, anchor: 'middle', box: { x: m.x - w / 2, y: m.y + 12 + d, w, h } },
      );
    }
    const inside = (b: Box) =>
      b.x >= bounds.left && b.x + b.w <= bounds.right && b.y >= bounds.top && b.y + b.h <= bounds.bottom;
    const spot =
      spots.find((s) => inside(s.box) && !taken.some((t) => overlaps(t, s.box))) ??
      spots.find((s) => inside(s.box)) ??
      (spots[0] as PlacedLabel & { box: Box });
    taken.push(spot.box);
    return { x: spot.x, y: spot.y, anchor: spot.anchor };
  });
}

/** Spreads label positions along one axis so that no two are closer than `gap`, keeping their order. */
export function spreadApart(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = new Array<number>(ys.length);
  let last = min - gap;
  for (const o of order) {
    const y = Math.max(o.y, last + gap);
    out[o.i] = y;
    last = y;
  }
  // Pushed past the bottom: shift the whole run up.
  const overflow = Math.max(0, last - max);
  return out.map((y) => y - overflow);
}

import { scaleLinear, scalePoint } from 'd3-scale';
import { useState } from 'react';
import { ChartLegend, ConceptMarker, SvgTooltip, spreadApart } from './analysis-chart-parts.tsx';
import { CONCEPT_LABELS, CONCEPT_SHORT, CONCEPTS, describeUtilities } from './analysis-format.ts';
import type { AnalysisRun, RunPackage, RunParty, SolutionConcept } from './api-types.ts';

const WIDTH = 760;
const HEIGHT = 420;
const M = { top: 40, right: 80, bottom: 56, left: 56 };
/** Room right of the last shared axis for the solution labels. */
const LABEL_ROOM = 150;
const SEALED_GAP = 140;
const TICKS = [0, 25, 50, 75, 100];

/**
 * Parallel coordinates for three or more parties: one vertical axis per party (0–100), one line per
 * efficient package, the four solutions drawn bold. Sealed parties stand at the end as greyed axes
 * labelled "sealed": the engine counted them, the mediator sees no numbers.
 */
export function FrontierParallel({
  run,
  reservations,
  selected,
  onSelect,
}: {
  run: AnalysisRun;
  reservations: Record<string, number | undefined>;
  selected: SolutionConcept | null;
  onSelect: (concept: SolutionConcept) => void;
}) {
  const [focused, setFocused] = useState<string | null>(null);
  const shared = run.parties.filter((p) => p.shared);
  const sealed = run.parties.filter((p) => !p.shared);
  const axes = [...shared, ...sealed];
  // Shared axes share the plot; the solution labels sit right of the last one, sealed axes beyond.
  const sealedRoom = sealed.length * SEALED_GAP;
  const sharedRight = WIDTH - M.right - sealedRoom;
  const ax = scalePoint<string>()
    .domain(shared.map((p) => p.id))
    .range([M.left, sharedRight]);
  const sealedX = new Map(sealed.map((p, i) => [p.id, sharedRight + LABEL_ROOM + i * SEALED_GAP]));
  const y = scaleLinear()
    .domain([0, 100])
    .range([HEIGHT - M.bottom, M.top]);
  const xOf = (p: RunParty) => ax(p.id) ?? sealedX.get(p.id) ?? M.left;
  const points = (pkg: RunPackage) =>
    shared.map((p) => ({ party: p, x: xOf(p), y: y(pkg.utility[p.id] ?? 0) }));
  const line = (pkg: RunPackage) =>
    points(pkg)
      .map((pt, i) => `${i === 0 ? 'M' : 'L'}${pt.x},${pt.y}`)
      .join(' ');
  const solutions = CONCEPTS.flatMap((c) => {
    const s = run.solutions[c];
    return s ? [{ concept: c, pkg: s }] : [];
  });
  const tooltipFor = (key: string) => {
    if (key.startsWith('f')) {
      const pkg = run.frontier[Number(key.slice(1))];
      if (!pkg) return null;
      const last = points(pkg).at(-1);
      return { title: 'Efficient package', pkg, x: last?.x ?? M.left, y: last?.y ?? M.top };
    }
    const s = solutions.find((sol) => sol.concept === key);
    if (!s) return null;
    const last = points(s.pkg).at(-1);
    return { title: CONCEPT_LABELS[s.concept], pkg: s.pkg, x: last?.x ?? M.left, y: last?.y ?? M.top };
  };
  const tip = focused ? tooltipFor(focused) : null;
  const labelYs = spreadApart(
    solutions.map((sol) => points(sol.pkg).at(-1)?.y ?? M.top),
    16,
    M.top,
    HEIGHT - M.bottom,
  );
  const tipParties = [...shared, ...sealed];
  const hasReservation = shared.some((p) => reservations[p.id] !== undefined);

  return (
    <figure className="analysis-figure">
      <ChartLegend reservations={hasReservation} sealed={sealed.length > 0} />
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG chart groups its marks; a fieldset cannot sit in SVG */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="analysis-svg"
        role="group"
        aria-label={`Efficient packages across ${axes.length} parties: one axis per party (utility 0 to 100), one line per package. The package table below gives the same numbers.`}
      >
        {axes.map((p) => {
          const isSealed = !p.shared;
          const px = xOf(p);
          const r = reservations[p.id];
          return (
            <g key={p.id} className={isSealed ? 'parallel-axis sealed' : 'parallel-axis'}>
              <line
                x1={px}
                x2={px}
                y1={M.top}
                y2={HEIGHT - M.bottom}
                stroke={isSealed ? undefined : p.colour}
              />
              {TICKS.map((t) => (
                <g key={t}>
                  <line x1={px - 4} x2={px} y1={y(t)} y2={y(t)} className="parallel-tick" />
                  {!isSealed && (
                    <text
                      x={px - 7}
                      y={y(t)}
                      textAnchor="end"
                      dominantBaseline="middle"
                      className="chart-tick"
                    >
                      {t}
                    </text>
                  )}
                </g>
              ))}
              <text x={px} y={M.top - 16} textAnchor="middle" className="chart-axis-label">
                {p.code}
              </text>
              <text x={px} y={HEIGHT - M.bottom + 20} textAnchor="middle" className="chart-tick">
                {p.name.length > 20 ? `${p.name.slice(0, 19)}…` : p.name}
              </text>
              {isSealed && (
                <text
                  x={px}
                  y={(M.top + HEIGHT - M.bottom) / 2}
                  textAnchor="middle"
                  className="sealed-label"
                  transform={`rotate(-90 ${px} ${(M.top + HEIGHT - M.bottom) / 2})`}
                  dy={-6}
                >
                  sealed
                </text>
              )}
              {r !== undefined && !isSealed && (
                <g>
                  <line
                    x1={px - 10}
                    x2={px + 10}
                    y1={y(r)}
                    y2={y(r)}
                    className="reservation-line"
                    stroke={p.colour}
                  />
                  <title>{`${p.name} reservation: ${r}`}</title>
                </g>
              )}
            </g>
          );
        })}
        {shared.length >= 2 &&
          run.frontier.map((pkg, i) => {
            const key = `f${i}`;
            return (
              // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: focusable only to show its tooltip; role img carries its name
              <g
                key={key}
                tabIndex={0}
                role="img"
                aria-label={`Efficient package: ${describeUtilities(run.parties, pkg)}`}
                className="parallel-line"
                onFocus={() => setFocused(key)}
                onBlur={() => setFocused(null)}
                onMouseEnter={() => setFocused(key)}
                onMouseLeave={() => setFocused(null)}
              >
                <path d={line(pkg)} className="frontier-line" />
                <path d={line(pkg)} className="hit-line" />
              </g>
            );
          })}
        {solutions.map(({ concept, pkg }, i) => {
          const pts = points(pkg);
          const last = pts.at(-1);
          const isSelected = selected === concept;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>
            <g
              key={concept}
              tabIndex={0}
              role="button"
              aria-pressed={isSelected}
              aria-label={`${CONCEPT_LABELS[concept]}: ${describeUtilities(run.parties, pkg)}. Show its ledger.`}
              className={`solution-line concept-${concept}${isSelected ? ' selected' : ''}`}
              onFocus={() => setFocused(concept)}
              onBlur={() => setFocused(null)}
              onMouseEnter={() => setFocused(concept)}
              onMouseLeave={() => setFocused(null)}
              onClick={() => onSelect(concept)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(concept);
                }
              }}
            >
              {pts.length >= 2 && <path d={line(pkg)} className="solution-path" />}
              {pts.map((pt) => (
                <ConceptMarker
                  key={pt.party.id}
                  concept={concept}
                  x={pt.x}
                  y={pt.y}
                  size={isSelected ? 6 : 5}
                />
              ))}
              {last && (
                <>
                  <line
                    x1={last.x + 8}
                    x2={last.x + 30}
                    y1={last.y}
                    y2={labelYs[i] ?? last.y}
                    className="label-leader"
                  />
                  <text x={last.x + 34} y={(labelYs[i] ?? last.y) + 4} className="solution-label">
                    {CONCEPT_SHORT[concept]}
                  </text>
                </>
              )}
            </g>
          );
        })}
        {tip && (
          <SvgTooltip
            x={tip.x}
            y={tip.y}
            width={WIDTH}
            height={HEIGHT}
            lines={[
              tip.title,
              ...tipParties.map(
                (p) =>
                  `${p.code}: ${tip.pkg.utility[p.id] === null ? 'sealed' : (tip.pkg.utility[p.id] ?? 0).toFixed(1)}`,
              ),
            ]}
          />
        )}
      </svg>
      <figcaption className="muted small">
        {run.frontier.length} efficient {run.frontier.length === 1 ? 'package' : 'packages'}
        {run.frontierTruncated ? ` drawn of ${run.frontierSize}` : ''}; higher on an axis is better for that
        party.
        {shared.length < 2 &&
          ' Fewer than two parties share their preferences with you, so no lines can be drawn between axes.'}
      </figcaption>
    </figure>
  );
}

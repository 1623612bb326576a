import { scaleLinear } from 'd3-scale';
import { useState } from 'react';
import { ChartLegend, ConceptMarker, placeLabels, SvgTooltip } from './analysis-chart-parts.tsx';
import {
  CONCEPT_LABELS,
  CONCEPT_SHORT,
  CONCEPTS,
  conceptsOf,
  formatUtility,
  packageKey,
} from './analysis-format.ts';
import type { AnalysisRun, RunPackage, RunParty, SolutionConcept } from './api-types.ts';

const WIDTH = 640;
const HEIGHT = 460;
const M = { top: 20, right: 24, bottom: 56, left: 64 };
const TICKS = [0, 20, 40, 60, 80, 100];

interface Mark {
  key: string;
  pkg: RunPackage;
  concepts: SolutionConcept[];
  x: number;
  y: number;
}

/**
 * Two parties' utilities for every efficient package: the frontier as dots joined in order, the
 * four bargaining solutions marked and named, each party's reservation level as a dashed line.
 * Marks take the keyboard focus; a solution's mark selects its package for the ledger.
 */
export function FrontierScatter({
  run,
  xParty,
  yParty,
  reservations,
  selected,
  onSelect,
  sealedParties,
}: {
  run: AnalysisRun;
  xParty: RunParty;
  yParty: RunParty;
  reservations: Record<string, number | undefined>;
  selected: SolutionConcept | null;
  onSelect: (concept: SolutionConcept) => void;
  /** Parties left out of the plot because their utilities are sealed. */
  sealedParties: RunParty[];
}) {
  const [focused, setFocused] = useState<string | null>(null);
  const x = scaleLinear()
    .domain([0, 100])
    .range([M.left, WIDTH - M.right]);
  const y = scaleLinear()
    .domain([0, 100])
    .range([HEIGHT - M.bottom, M.top]);
  const byKey = new Map<string, Mark>();
  const add = (pkg: RunPackage) => {
    const ux = pkg.utility[xParty.id];
    const uy = pkg.utility[yParty.id];
    if (ux === null || ux === undefined || uy === null || uy === undefined) return;
    const key = packageKey(pkg.choice);
    if (!byKey.has(key)) byKey.set(key, { key, pkg, concepts: conceptsOf(run, pkg), x: x(ux), y: y(uy) });
  };
  for (const pkg of run.frontier) add(pkg);
  for (const c of CONCEPTS) {
    const s = run.solutions[c];
    if (s) add(s);
  }
  const marks = [...byKey.values()];
  // The frontier of two parties is a staircase; with more parties the projection is no line.
  const path = (run.parties.length === 2 ? marks : [])
    .filter((m) => run.frontier.some((p) => packageKey(p.choice) === m.key))
    .sort((a, b) => a.x - b.x)
    .map((m, i) => `${i === 0 ? 'M' : 'L'}${m.x},${m.y}`)
    .join(' ');
  const solutionMarks = marks.filter((m) => m.concepts.length > 0);
  const labels = placeLabels(
    solutionMarks.map((m) => ({ x: m.x, y: m.y, text: m.concepts.map((c) => CONCEPT_SHORT[c]).join(' · ') })),
    { left: M.left, top: M.top, right: WIDTH - M.right, bottom: HEIGHT - M.bottom },
  );
  const rx = reservations[xParty.id];
  const ry = reservations[yParty.id];
  const focusMark = marks.find((m) => m.key === focused);
  const describe = (m: Mark) =>
    `${m.concepts.length > 0 ? m.concepts.map((c) => CONCEPT_LABELS[c]).join(', ') : 'Efficient package'}: ${xParty.code} ${formatUtility(m.pkg.utility[xParty.id])}, ${yParty.code} ${formatUtility(m.pkg.utility[yParty.id])}`;

  return (
    <figure className="analysis-figure">
      <ChartLegend reservations={rx !== undefined || ry !== undefined} sealed={sealedParties.length > 0} />
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG chart groups its marks; a fieldset cannot sit in SVG */}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="analysis-svg"
        role="group"
        aria-label={`Efficient packages by ${xParty.name}’s utility (across) and ${yParty.name}’s utility (up), 0 to 100. The package table below gives the same numbers.`}
      >
        {TICKS.map((t) => (
          <g key={`x${t}`} className="chart-grid">
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={HEIGHT - M.bottom} />
            <text x={x(t)} y={HEIGHT - M.bottom + 18} textAnchor="middle" className="chart-tick">
              {t}
            </text>
          </g>
        ))}
        {TICKS.map((t) => (
          <g key={`y${t}`} className="chart-grid">
            <line x1={M.left} x2={WIDTH - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 8} y={y(t)} textAnchor="end" dominantBaseline="middle" className="chart-tick">
              {t}
            </text>
          </g>
        ))}
        <line
          x1={M.left}
          x2={WIDTH - M.right}
          y1={y(0)}
          y2={y(0)}
          className="chart-axis"
          stroke={xParty.colour}
        />
        <line
          x1={x(0)}
          x2={x(0)}
          y1={M.top}
          y2={HEIGHT - M.bottom}
          className="chart-axis"
          stroke={yParty.colour}
        />
        <text
          x={(M.left + WIDTH - M.right) / 2}
          y={HEIGHT - 12}
          textAnchor="middle"
          className="chart-axis-label"
        >
          {xParty.name} ({xParty.code}) — utility →
        </text>
        <text
          transform={`translate(18 ${(M.top + HEIGHT - M.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="chart-axis-label"
        >
          {yParty.name} ({yParty.code}) — utility →
        </text>
        {rx !== undefined && (
          <g className="reservation">
            <line
              x1={x(rx)}
              x2={x(rx)}
              y1={M.top}
              y2={HEIGHT - M.bottom}
              className="reservation-line"
              stroke={xParty.colour}
            />
            <text x={x(rx) + 4} y={M.top + 12} className="reservation-label">
              {xParty.code} reservation {rx}
            </text>
          </g>
        )}
        {ry !== undefined && (
          <g className="reservation">
            <line
              x1={M.left}
              x2={WIDTH - M.right}
              y1={y(ry)}
              y2={y(ry)}
              className="reservation-line"
              stroke={yParty.colour}
            />
            <text x={WIDTH - M.right - 4} y={y(ry) - 5} textAnchor="end" className="reservation-label">
              {yParty.code} reservation {ry}
            </text>
          </g>
        )}
        {path !== '' && <path d={path} className="frontier-path" />}
        {marks
          .filter((m) => m.concepts.length === 0)
          .map((m) => (
            // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: focusable only to show its tooltip; role img carries its name
            <g
              key={m.key}
              tabIndex={0}
              role="img"
              aria-label={describe(m)}
              className="frontier-mark"
              onFocus={() => setFocused(m.key)}
              onBlur={() => setFocused(null)}
              onMouseEnter={() => setFocused(m.key)}
              onMouseLeave={() => setFocused(null)}
            >
              <circle cx={m.x} cy={m.y} r={4.5} className="frontier-dot" />
            </g>
          ))}
        {solutionMarks.map((m, index) => {
          const first = m.concepts[0] as SolutionConcept;
          const isSelected = selected !== null && m.concepts.includes(selected);
          const label = labels[index] ?? { x: m.x + 14, y: m.y, anchor: 'start' };
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG mark cannot be a <button>
            <g
              key={m.key}
              tabIndex={0}
              role="button"
              aria-pressed={isSelected}
              aria-label={`${describe(m)}. Show its ledger.`}
              className={isSelected ? 'solution-mark selected' : 'solution-mark'}
              onFocus={() => setFocused(m.key)}
              onBlur={() => setFocused(null)}
              onMouseEnter={() => setFocused(m.key)}
              onMouseLeave={() => setFocused(null)}
              onClick={() => onSelect(first)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(first);
                }
              }}
            >
              {isSelected && <circle cx={m.x} cy={m.y} r={14} className="selected-ring" />}
              {m.concepts.map((c, i) => (
                <ConceptMarker key={c} concept={c} x={m.x + i * 5} y={m.y - i * 5} size={7 - i} />
              ))}
              <text x={label.x} y={label.y} textAnchor={label.anchor} className="solution-label">
                {m.concepts.map((c) => CONCEPT_SHORT[c]).join(' · ')}
              </text>
            </g>
          );
        })}
        {focusMark && (
          <SvgTooltip
            x={focusMark.x}
            y={focusMark.y}
            width={WIDTH}
            height={HEIGHT}
            lines={[
              focusMark.concepts.length > 0
                ? focusMark.concepts.map((c) => CONCEPT_SHORT[c]).join(' · ')
                : 'Efficient package',
              `${xParty.code}: ${formatUtility(focusMark.pkg.utility[xParty.id])}`,
              `${yParty.code}: ${formatUtility(focusMark.pkg.utility[yParty.id])}`,
            ]}
          />
        )}
      </svg>
      <figcaption className="muted small">
        {marks.length} efficient {marks.length === 1 ? 'package' : 'packages'}
        {run.frontierTruncated ? ` drawn of ${run.frontierSize}` : ''}. Up and right is better for both.
        {sealedParties.length > 0 &&
          ` Not plotted: ${sealedParties.map((p) => p.name).join(', ')} (sealed — the engine counted them, you see no numbers).`}
      </figcaption>
    </figure>
  );
}

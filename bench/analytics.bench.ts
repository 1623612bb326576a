/**
 * Analytics benchmarks: the engine per solution concept on the DESIGN.md instance (30 points ×
 * 5 options × 6 parties, seeded: src/domain/analytics/generated-instance.ts), against the HiGHS MILP
 * solver (npm `highs`, WebAssembly) on the same model, and the frontier DP on 2 parties × 10 × 4
 * against brute-force enumeration. Answers are cross-checked; a disagreement is printed in the row.
 */

import { branchAndBound } from '../src/domain/analytics/branch-and-bound.ts';
import { feasiblePackages, vectorKey } from '../src/domain/analytics/brute-force.ts';
import { linearObjectiveBound } from '../src/domain/analytics/dual-bounds.ts';
import { searchMaxMin, searchSolutions } from '../src/domain/analytics/exact-solutions.ts';
import { benchmarkInstance, generateInstance } from '../src/domain/analytics/generated-instance.ts';
import { paretoFrontier } from '../src/domain/analytics/pareto-frontier.ts';
import type { UtilityTable } from '../src/domain/analytics/utility-table.ts';
import { buildUtilityTable } from '../src/domain/analytics/utility-table.ts';
import { type BenchRow, type BenchTable, sample } from './harness.ts';

type Solve = (
  model: string,
  options?: Record<string, unknown>,
) => {
  Status: string;
  ObjectiveValue: number;
};

/** HiGHS if installed (a devDependency); the MILP rows say so when it is not. */
async function loadHighs(): Promise<Solve | null> {
  try {
    const name = 'highs';
    const mod = (await import(name)) as { default: () => Promise<{ solve: Solve }> };
    const highs = await mod.default();
    return (model, options) => highs.solve(model, options);
  } catch {
    return null;
  }
}

/**
 * The instance as an integer program in CPLEX LP format: one binary per allowed option, one option
 * per point, "requires" as x ≤ y, "excludes" as x + y ≤ 1, each party at or above its reservation;
 * objective: the utilitarian sum, or t with t ≤ every party's gain (max–min).
 */
export function milpModel(table: UtilityTable, objective: 'utilitarian' | 'max-min'): string {
  const n = table.partyIds.length;
  const x = (p: number, o: number) => `x_${p}_${o}`;
  const term = (c: number, v: string) => `${c >= 0 ? '+' : '-'} ${Math.abs(c / 100)} ${v}`;
  const vars: string[] = [];
  const rows: string[] = [];
  table.pointIds.forEach((_, p) => {
    const allowed = table.allowed[p] ?? [];
    for (const o of allowed) vars.push(x(p, o));
    rows.push(`one_${p}: ${allowed.map((o) => `+ ${x(p, o)}`).join(' ')} = 1`);
  });
  const isVar = new Set(vars);
  table.constraints.forEach((c, k) => {
    const a = x(c.point, c.option);
    const b = x(c.otherPoint, c.otherOption);
    if (!isVar.has(a)) return; // a red-lined option cannot be chosen: nothing to constrain
    if (c.kind === 'requires') rows.push(isVar.has(b) ? `c_${k}: + ${a} - ${b} <= 0` : `c_${k}: + ${a} <= 0`);
    else if (isVar.has(b)) rows.push(`c_${k}: + ${a} + ${b} <= 1`);
  });
  for (let i = 0; i < n; i++) {
    const terms = vars.map((v) => {
      const [, p, o] = v.split('_').map(Number) as [number, number, number];
      return term(table.value[p]?.[o]?.[i] ?? 0, v);
    });
    const r = (table.reservation[i] ?? 0) / 100;
    rows.push(`res_${i}: ${terms.join(' ')} >= ${r}`);
    if (objective === 'max-min') rows.push(`min_${i}: ${terms.join(' ')} - t >= ${r}`);
  }
  const goal =
    objective === 'utilitarian'
      ? vars
          .map((v) => {
            const [, p, o] = v.split('_').map(Number) as [number, number, number];
            return term(
              (table.value[p]?.[o] ?? []).reduce((a, b) => a + b, 0),
              v,
            );
          })
          .join(' ')
      : 't';
  return [
    'Maximize',
    ` obj: ${goal}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    objective === 'max-min' ? ' -100 <= t <= 100' : '',
    'Binary',
    ` ${vars.join(' ')}`,
    'End',
  ].join('\n');
}

function utilitarianByEngine(table: UtilityTable): number | null {
  const n = table.partyIds.length;
  const ones = new Float64Array(n).fill(1);
  const floors = new Float64Array(n);
  const r = branchAndBound(table, {
    value: (g) => g.reduce((a, x) => a + x, 0),
    bound: linearObjectiveBound(table, ones, floors, null),
    floors,
  });
  return r.options ? (r.value + table.reservation.reduce((a, b) => a + b, 0)) / 100 : null;
}

/** The undominated vectors of two-party packages by one sort and a sweep (brute force's O(m²) is too slow). */
function twoPartyFrontier(packages: readonly { utilities: number[] }[]): string[] {
  const sorted = [...packages].sort(
    (a, b) => (b.utilities[0] ?? 0) - (a.utilities[0] ?? 0) || (b.utilities[1] ?? 0) - (a.utilities[1] ?? 0),
  );
  const kept: string[] = [];
  let best = -Infinity;
  for (const p of sorted)
    if ((p.utilities[1] ?? 0) > best + 1e-9) {
      best = p.utilities[1] ?? 0;
      kept.push(vectorKey(p.utilities));
    }
  return kept.sort();
}

const agree = (a: number | null, b: number | null) =>
  a !== null && b !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a))
    ? 'answers agree'
    : `DISAGREE: engine ${a}, HiGHS ${b}`;

/** Engine vs HiGHS on one objective; the engine row carries the DESIGN.md budget and the ratio. */
async function versusHighs(
  label: string,
  table: UtilityTable,
  objective: 'utilitarian' | 'max-min',
  engine: () => number | null,
  exact: () => boolean,
  solve: Solve | null,
): Promise<BenchRow[]> {
  const ours = await sample(engine, { minRuns: 10, minMs: 300 });
  const answer = engine();
  const rows: BenchRow[] = [];
  const engineRow: BenchRow = {
    name: `${label}: engine (${objective}${exact() ? ', exact' : ', NOT proven'})`,
    value: ours.median,
    p99: ours.p99,
    unit: 'ms',
    budget: 200,
  };
  if (!solve) {
    rows.push({
      ...engineRow,
      detail: 'HiGHS not installed: npm install --save-dev highs@1.15.3 for the comparison',
    });
    return rows;
  }
  const model = milpModel(table, objective);
  const run = () => solve(model, { output_flag: false, mip_rel_gap: 0 });
  const theirs = await sample(run, { minRuns: 3, minMs: 300, warmup: 1 });
  const result = run();
  const highsAnswer = result.Status === 'Optimal' ? result.ObjectiveValue : null;
  rows.push({
    ...engineRow,
    ratio: { against: 'HiGHS', value: ours.median / theirs.median },
    detail: agree(answer, highsAnswer),
  });
  rows.push({
    name: `${label}: HiGHS MILP (${objective})`,
    value: theirs.median,
    p99: theirs.p99,
    unit: 'ms',
    detail: `status ${result.Status}`,
  });
  return rows;
}

/** Measures each solution concept on 30 × 5 × 6 and the frontier on 2 × 10 × 4. */
export async function benchAnalytics(): Promise<BenchTable[]> {
  const solve = await loadHighs();
  const big = buildUtilityTable(benchmarkInstance());
  const label = '30 × 5 × 6';
  const maxMin = () => searchMaxMin(big).value;
  const rows: BenchRow[] = [
    ...(await versusHighs(
      label,
      big,
      'utilitarian',
      () => utilitarianByEngine(big),
      () => true,
      solve,
    )),
    ...(await versusHighs(label, big, 'max-min', maxMin, () => searchMaxMin(big).exact, solve)),
  ];
  const all = searchSolutions(big, { maxNodes: 50_000 });
  const allTime = await sample(() => searchSolutions(big, { maxNodes: 50_000 }), { minRuns: 5, minMs: 300 });
  const status = (['nash', 'kalaiSmorodinsky', 'leximin', 'utilitarian'] as const)
    .map((k) => `${k} ${all[k].exact ? 'exact' : `≤ ${all[k].bound?.toFixed(3)} (${all[k].boundOn})`}`)
    .join('; ');
  rows.push({
    name: `${label}: engine, all four concepts + ideal point (50k nodes per run)`,
    value: allTime.median,
    p99: allTime.p99,
    unit: 'ms',
    budget: 200,
    detail: `${status}. Nash is non-linear (product of gains): no MILP baseline`,
  });

  const small = generateInstance({ seed: 11, parties: 2, points: 10, options: 4, reservation: 20 });
  const smallTable = buildUtilityTable(small);
  const frontier = paretoFrontier(smallTable);
  const dp = await sample(() => paretoFrontier(smallTable), { minRuns: 10, minMs: 300 });
  const brute = await sample(() => twoPartyFrontier(feasiblePackages(small)), {
    minRuns: 1,
    minMs: 0,
    warmup: 0,
  });
  const same =
    JSON.stringify(frontier.packages.map((p) => vectorKey(p.utilities)).sort()) ===
    JSON.stringify(twoPartyFrontier(feasiblePackages(small)));
  const frontierRows: BenchRow[] = [
    {
      name: '2 × 10 × 4: frontier by DP with dominance pruning',
      value: dp.median,
      p99: dp.p99,
      unit: 'ms',
      ratio: { against: 'brute force', value: dp.median / brute.median },
      detail: `${frontier.packages.length} packages, ${frontier.exact ? 'exact' : 'TRUNCATED'}; ${same ? 'equals brute force' : 'DIFFERS from brute force'}`,
    },
    {
      name: '2 × 10 × 4: brute-force enumeration of 4^10 packages + sweep for the undominated',
      value: brute.median,
      p99: brute.p99,
      unit: 'ms',
    },
  ];
  return [
    { title: 'Analytics: 30 points × 5 options × 6 parties (seeded)', rows },
    { title: 'Analytics: Pareto frontier, 2 parties', rows: frontierRows },
  ];
}

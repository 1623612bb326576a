/**
 * The analytics questions as mixed-integer programs for HiGHS (npm `highs`, WebAssembly), in CPLEX LP
 * format: one binary per allowed option, exactly one option per point, "requires" as x ≤ y, "excludes"
 * as x + y ≤ 1, every party at or above its reservation. Utilitarian: one MILP. Leximin: the ordered
 * sums method of Ogryczak & Śliwiński (2006) — stage k maximises the sum of the k smallest gains
 * (k·r − Σ dᵢ, dᵢ ≥ r − gᵢ, dᵢ ≥ 0) with the earlier stages' optima fixed as floors: n MILPs for n
 * parties ("solve max–min, fix the bound, repeat" without having to guess which party is saturated).
 * Two-party frontier: the ε-constraint method (Haimes et al. 1971) — maximise u₁ subject to u₂ ≥ ε,
 * then u₂ subject to u₁ ≥ that optimum (so the point is undominated), raise ε one hundredth of a
 * utility point above it, repeat until infeasible: 2 MILPs per frontier package + 1.
 */

import type { UtilityTable } from '../../src/domain/analytics/utility-table.ts';

export interface HighsResult {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal?: number }>;
}
export type Solve = (model: string, options?: Record<string, unknown>) => HighsResult;

/** HiGHS if installed; null otherwise (the rows then say so). */
export async function loadHighs(): Promise<Solve | null> {
  try {
    const name = 'highs';
    const mod = (await import(name)) as { default: () => Promise<{ solve: Solve }> };
    const highs = await mod.default();
    return (model, options) => highs.solve(model, options);
  } catch {
    return null;
  }
}

const num = (c: number) => {
  const r = Math.round(c * 1e6) / 1e6;
  return `${r >= 0 ? '+' : '-'} ${Math.abs(r)}`;
};

interface Base {
  vars: string[];
  rows: string[];
  /** Each party's gain over its reservation, in utility points, as an LP expression. */
  gain: string[];
  utility: (i: number, primal: Record<string, { Primal?: number }>) => number;
}

function base(table: UtilityTable): Base {
  const n = table.partyIds.length;
  const x = (p: number, o: number) => `x_${p}_${o}`;
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
    if (!isVar.has(a)) return; // a red-lined option is never chosen: nothing to constrain
    if (c.kind === 'requires') rows.push(isVar.has(b) ? `c_${k}: + ${a} - ${b} <= 0` : `c_${k}: + ${a} <= 0`);
    else if (isVar.has(b)) rows.push(`c_${k}: + ${a} + ${b} <= 1`);
  });
  const coef = (v: string, i: number) => {
    const [, p, o] = v.split('_').map(Number) as [number, number, number];
    return (table.value[p]?.[o]?.[i] ?? 0) / 100;
  };
  const gain: string[] = [];
  for (let i = 0; i < n; i++) {
    const terms = vars.map((v) => `${num(coef(v, i))} ${v}`).join(' ');
    gain.push(terms);
    rows.push(`res_${i}: ${terms} >= ${(table.reservation[i] ?? 0) / 100}`);
  }
  const utility = (i: number, cols: Record<string, { Primal?: number }>) =>
    vars.reduce((s, v) => s + coef(v, i) * Math.round(cols[v]?.Primal ?? 0), 0);
  return { vars, rows, gain, utility };
}

function lp(objective: string, rows: string[], bounds: string[], binaries: string[]): string {
  return [
    'Maximize',
    ` obj: ${objective}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    'Binary',
    ` ${binaries.join(' ')}`,
    'End',
  ].join('\n');
}

/** Outcome of one HiGHS method: utilities of the package(s) found, MILPs solved, worst status. */
export interface HighsOutcome {
  utilities: number[][];
  milps: number;
  status: string;
  /** Leximin only: the proven optima S₁, S₂, … of the stages completed (sum of the k smallest gains). */
  stages?: number[];
}

function options(timeLimit: number) {
  return { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-7, time_limit: Math.max(0.05, timeLimit) };
}

/** Utilitarian package: one MILP maximising Σ uᵢ. */
export function highsUtilitarian(solve: Solve, table: UtilityTable, timeLimit: number): HighsOutcome {
  const b = base(table);
  const n = table.partyIds.length;
  const objective = b.vars
    .map((v) => {
      const [, p, o] = v.split('_').map(Number) as [number, number, number];
      return `${num((table.value[p]?.[o] ?? []).reduce((a, c) => a + c, 0) / 100)} ${v}`;
    })
    .join(' ');
  const r = solve(lp(objective, b.rows, [], b.vars), options(timeLimit));
  const utilities =
    r.Status === 'Optimal' ? [Array.from({ length: n }, (_, i) => b.utility(i, r.Columns))] : [];
  return { utilities, milps: 1, status: r.Status };
}

/** Leximin package by ordered sums: n MILPs, stage k maximising the sum of the k smallest gains. */
export function highsLeximin(solve: Solve, table: UtilityTable, timeLimit: number): HighsOutcome {
  const b = base(table);
  const n = table.partyIds.length;
  const deadline = performance.now() + timeLimit * 1000;
  const reservation = (i: number) => (table.reservation[i] ?? 0) / 100;
  const fixed: string[] = [];
  const bounds: string[] = [];
  let last: HighsResult | null = null;
  let status = 'Optimal';
  let milps = 0;
  const stages: number[] = [];
  const stageRows = (k: number) => {
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      // dᵢ ≥ r − gᵢ  ⇔  dᵢ − r + uᵢ ≥ resᵢ
      rows.push(`d_${k}_${i}: + d${k}_${i} - r${k} ${b.gain[i]} >= ${reservation(i)}`);
    }
    return rows;
  };
  const stageSum = (k: number) =>
    `${num(k)} r${k} ${Array.from({ length: n }, (_, i) => `- d${k}_${i}`).join(' ')}`;
  for (let k = 1; k <= n; k++) {
    bounds.push(`r${k} free`);
    const rows = [...b.rows, ...fixed, ...stageRows(k)];
    const r = solve(lp(stageSum(k), rows, bounds, b.vars), options((deadline - performance.now()) / 1000));
    milps++;
    if (r.Status !== 'Optimal') {
      status = r.Status;
      break;
    }
    last = r;
    stages.push(r.ObjectiveValue);
    const slack = 1e-7 * Math.max(1, Math.abs(r.ObjectiveValue));
    fixed.push(...stageRows(k), `s_${k}: ${stageSum(k)} >= ${r.ObjectiveValue - slack}`);
  }
  const utilities =
    last && status === 'Optimal' ? [Array.from({ length: n }, (_, i) => b.utility(i, last.Columns))] : [];
  return { utilities, milps, status, stages };
}

/** Two-party frontier by ε-constraint on u₂, 2 MILPs per frontier package (+1 to prove the end). */
export function highsFrontier(solve: Solve, table: UtilityTable, timeLimit: number): HighsOutcome {
  const b = base(table);
  const deadline = performance.now() + timeLimit * 1000;
  const left = () => (deadline - performance.now()) / 1000;
  const utilities: number[][] = [];
  let epsilon = (table.reservation[1] ?? 0) / 100;
  let milps = 0;
  let status = 'Optimal';
  for (;;) {
    if (left() <= 0) {
      status = 'Time limit reached';
      break;
    }
    const first = solve(
      lp(b.gain[0] ?? '', [...b.rows, `eps: ${b.gain[1]} >= ${epsilon}`], [], b.vars),
      options(left()),
    );
    milps++;
    if (first.Status === 'Infeasible') break;
    if (first.Status !== 'Optimal') {
      status = first.Status;
      break;
    }
    const u1 = b.utility(0, first.Columns);
    const second = solve(
      lp(
        b.gain[1] ?? '',
        [...b.rows, `eps: ${b.gain[1]} >= ${epsilon}`, `keep: ${b.gain[0]} >= ${u1 - 1e-7}`],
        [],
        b.vars,
      ),
      options(left()),
    );
    milps++;
    if (second.Status !== 'Optimal') {
      status = second.Status;
      break;
    }
    const u2 = b.utility(1, second.Columns);
    utilities.push([b.utility(0, second.Columns), u2]);
    epsilon = u2 + 0.01 - 1e-7; // utilities are in whole hundredths (integer weights × integer scores)
  }
  return { utilities, milps, status };
}

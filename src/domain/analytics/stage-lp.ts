import { Tableau } from './dual-simplex.ts';
import type { UtilityTable } from './utility-table.ts';

/** A linear row on the normalised gains: Σᵢ a_i·h_i ≥ rhs (a floor or an earlier stage's subset cut). */
export interface GainRow {
  weights: Float64Array;
  rhs: number;
}

/**
 * The LP relaxation of one ordered-sum stage over the product of the per-point simplices:
 *   max k·t − Σᵢ sᵢ  s.t.  t − sᵢ − hᵢ(x) ≤ 0,  rows Σ a·h(x) ≥ rhs,  Σ_o x_{p,o} = 1,  x, s ≥ 0,
 * where h_i(x) = scale_i·(Σ v_{p,o,i}·x_{p,o} − r_i), or the constant fixed_i. Its optimum is S_k(h)
 * maximised over the convex hull of the packages (Ogryczak & Śliwiński 2003: S_k(h) = max_t k·t −
 * Σ (t − h_i)₊). `bound` turns any dual vector into a valid bound by Lagrangian relaxation of the
 * linking rows, keeping the per-point simplices (Geoffrion 1974), so floating-point error in the
 * simplex can weaken the bound but never make it invalid.
 */
export class StageLp {
  readonly n: number;
  readonly points: number;
  /** First column of each point's options, in `options[p]` order; then t, s_1…s_n, then slacks. */
  readonly firstCol: Int32Array;
  readonly options: number[][];
  readonly tCol: number;
  readonly sCol: number;
  readonly slackCol: number;
  readonly linking: number;
  /** Scaled values: sv[col·n + i] = scale_i·v_{p,o,i} (0 for fixed parties). */
  readonly sv: Float64Array;
  readonly rhs: Float64Array;
  readonly rowWeights: Float64Array[];
  readonly costCols: Int32Array;
  readonly root: Tableau;
  /** Some point has no allowed option: no package is feasible (and `root` is not a basis). */
  readonly empty: boolean;
  readonly hMin: number;
  readonly hMax: number;
  /** The constant part of h: −scale_i·r_i, or fixed_i. */
  readonly hConstant: Float64Array;
  private readonly k: number;

  constructor(
    table: UtilityTable,
    k: number,
    scale: Float64Array,
    fixed: readonly (number | null)[],
    rows: readonly GainRow[],
  ) {
    const n = table.partyIds.length;
    this.n = n;
    this.k = k;
    this.points = table.pointIds.length;
    this.options = table.allowed.map((o) => [...o]);
    this.firstCol = new Int32Array(this.points + 1);
    for (let p = 0; p < this.points; p++) this.firstCol[p + 1] = this.firstCol[p]! + this.options[p]!.length;
    const xCols = this.firstCol[this.points]!;
    this.tCol = xCols;
    this.sCol = xCols + 1;
    this.slackCol = xCols + 1 + n;
    this.linking = n + rows.length;
    const cols = this.slackCol + this.linking;
    this.sv = new Float64Array(xCols * n);
    this.hConstant = Float64Array.from(
      { length: n },
      (_, i) => fixed[i] ?? -scale[i]! * (table.reservation[i] ?? 0),
    );
    // Range of any h_i, for the bounds on t and s (t* is the k-th smallest h, so it lies in it).
    let hMin = Infinity;
    let hMax = -Infinity;
    for (let i = 0; i < n; i++) {
      const f = fixed[i];
      let lo = f ?? -scale[i]! * (table.reservation[i] ?? 0);
      let hi = lo;
      if (f === null || f === undefined)
        for (let p = 0; p < this.points; p++) {
          let pl = Infinity;
          let ph = -Infinity;
          for (const o of this.options[p]!) {
            const x = scale[i]! * table.value[p]![o]![i]!;
            pl = Math.min(pl, x);
            ph = Math.max(ph, x);
          }
          if (pl !== Infinity) {
            lo += pl;
            hi += ph;
          }
        }
      hMin = Math.min(hMin, lo);
      hMax = Math.max(hMax, hi);
    }
    this.hMin = hMin - 1;
    this.hMax = hMax + 1;
    for (let p = 0; p < this.points; p++)
      this.options[p]!.forEach((o, j) => {
        const c = this.firstCol[p]! + j;
        for (let i = 0; i < n; i++)
          this.sv[c * n + i] = fixed[i] == null ? scale[i]! * table.value[p]![o]![i]! : 0;
      });
    // Linking rows as ≤ rows: ord_i: t − s_i − h_i ≤ 0; gain rows: −a·h ≤ −rhs. Constant parts of h
    // (reservations, fixed parties) move to the right-hand side.
    this.rowWeights = [];
    this.rhs = new Float64Array(this.linking);
    for (let i = 0; i < n; i++) {
      const a = new Float64Array(n);
      a[i] = 1;
      this.rowWeights.push(a);
    }
    rows.forEach((row, j) => {
      this.rowWeights.push(row.weights);
      this.rhs[n + j] = -row.rhs;
    });
    this.rowWeights.forEach((a, r) => {
      for (let i = 0; i < n; i++) {
        const f = fixed[i];
        const constant = f ?? -scale[i]! * (table.reservation[i] ?? 0);
        this.rhs[r] = this.rhs[r]! + a[i]! * constant;
      }
    });
    this.costCols = Int32Array.from({ length: n + 1 }, (_, j) => xCols + j);

    // The starting basis: one option per point (the first) and every slack; t at its upper bound and
    // s at 0 make every reduced cost of the right sign (cost k on t, −1 on s), so it is dual feasible.
    const m = this.points + this.linking;
    const tab = new Tableau(m, cols);
    const at = (r: number, c: number) => r * cols + c;
    for (let p = 0; p < this.points; p++) {
      for (let c = this.firstCol[p]!; c < this.firstCol[p + 1]!; c++) {
        tab.t[at(p, c)] = 1;
        tab.ub[c] = 1;
      }
      tab.beta[p] = 1;
    }
    for (let r = 0; r < this.linking; r++) {
      const row = this.points + r;
      const a = this.rowWeights[r]!;
      for (let c = 0; c < xCols; c++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += a[i]! * this.sv[c * n + i]!;
        tab.t[at(row, c)] = -s;
      }
      if (r < n) {
        tab.t[at(row, this.tCol)] = 1;
        tab.t[at(row, this.sCol + r)] = -1;
      }
      tab.t[at(row, this.slackCol + r)] = 1;
      tab.beta[row] = this.rhs[r]!;
    }
    tab.lb[this.tCol] = this.hMin;
    tab.ub[this.tCol] = this.hMax;
    tab.cost[this.tCol] = k;
    for (let i = 0; i < n; i++) {
      tab.ub[this.sCol + i] = this.hMax - this.hMin;
      tab.cost[this.sCol + i] = -1;
    }
    for (let r = 0; r < this.linking; r++) tab.ub[this.slackCol + r] = Infinity;
    tab.rowOf.fill(-1);
    // A point with no allowed option leaves no package at all; its row keeps no basic column.
    this.empty = this.options.some((o) => o.length === 0);
    for (let p = 0; p < this.points && !this.empty; p++) this.makeBasic(tab, p, this.firstCol[p]!);
    for (let r = 0; r < this.linking; r++) this.makeBasic(tab, this.points + r, this.slackCol + r);
    tab.d.set(tab.cost);
    tab.atUpper[this.tCol] = 1;
    for (let i = 0; i < m; i++) tab.beta[i] = tab.beta[i]! - tab.t[at(i, this.tCol)]! * this.hMax;
    for (let c = 0; c < cols; c++) tab.active[c] = c;
    tab.activeCount = cols;
    this.root = tab;
  }

  /** Eliminate column c from every other row (the rows start with unit slack columns). */
  private makeBasic(tab: Tableau, r: number, c: number): void {
    const cols = tab.cols;
    for (let i = 0; i < tab.rows; i++) {
      if (i === r) continue;
      const f = tab.t[i * cols + c]!;
      if (f === 0) continue;
      for (let j = 0; j < cols; j++) tab.t[i * cols + j] = tab.t[i * cols + j]! - f * tab.t[r * cols + j]!;
      tab.beta[i] = tab.beta[i]! - f * tab.beta[r]!;
    }
    tab.head[r] = c;
    tab.rowOf[c] = r;
  }

  /** The duals y ≥ 0 of the linking rows at the tableau (y_r = −d of its slack), into `y`. */
  duals(tab: Tableau, y: Float64Array): Float64Array {
    for (let r = 0; r < this.linking; r++) y[r] = Math.max(0, -tab.d[this.slackCol + r]!);
    return y;
  }

  /**
   * The Lagrangian bound for multipliers y ≥ 0 on the linking rows and θ on the objective: y·b + the
   * maximum over t, s in their boxes and over each point's still open options (`open[c]`) of the
   * Lagrangian. With θ = 1 it bounds the stage's LP (so the integer) optimum from above; with θ = 0 a
   * negative value proves the node infeasible (a Farkas certificate). Writes the weights on h into `w`.
   */
  lagrangian(y: Float64Array, theta: number, open: Uint8Array, w: Float64Array): number {
    const { n } = this;
    w.fill(0);
    let total = 0;
    let lambdaSum = 0;
    for (let r = 0; r < this.linking; r++) {
      const yr = y[r]!;
      if (yr === 0) continue;
      total += yr * this.rhs[r]!;
      const a = this.rowWeights[r]!;
      for (let i = 0; i < n; i++) w[i] = w[i]! + yr * a[i]!;
      if (r < n) {
        lambdaSum += yr;
        if (yr > theta) total += (yr - theta) * (this.hMax - this.hMin);
      }
    }
    const tCoef = theta * this.k - lambdaSum;
    total += tCoef > 0 ? tCoef * this.hMax : tCoef * this.hMin;
    for (let p = 0; p < this.points; p++) {
      let top = -Infinity;
      for (let c = this.firstCol[p]!; c < this.firstCol[p + 1]!; c++) {
        if (!open[c]) continue;
        let s = 0;
        for (let i = 0; i < n; i++) s += w[i]! * this.sv[c * n + i]!;
        if (s > top) top = s;
      }
      total += top;
    }
    return total;
  }

  /** The normalised gains h(x) at the tableau's current solution, into `h`. */
  gainsAt(tab: Tableau, h: Float64Array): Float64Array {
    h.set(this.hConstant);
    for (let c = 0; c < this.firstCol[this.points]!; c++) {
      const x = tab.value(c);
      if (x !== 0) for (let i = 0; i < this.n; i++) h[i] = h[i]! + x * this.sv[c * this.n + i]!;
    }
    return h;
  }

  /** Score of column c under weights w (its term in the Lagrangian bound). */
  score(c: number, w: Float64Array): number {
    let s = 0;
    for (let i = 0; i < this.n; i++) s += w[i]! * this.sv[c * this.n + i]!;
    return s;
  }
}

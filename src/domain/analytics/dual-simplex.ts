/**
 * A small dense linear program max c·z s.t. B⁻¹-transformed rows, lb ≤ z ≤ ub, held as a simplex
 * tableau and solved by the bounded-variable dual simplex method (Lemke 1954; Chvátal 1983, ch. 8;
 * Harris's (1973) two-pass ratio test; Koberstein 2005, "The dual simplex method, techniques for a
 * fast and stable implementation"). The tableau stays dual feasible throughout, so after a bound
 * change (a branching decision) the parent's tableau is a warm start: a child costs a few pivots.
 * Every iterate's objective bounds the optimum from above, so a solve may stop at a cutoff.
 */
export class Tableau {
  readonly rows: number;
  readonly cols: number;
  /** rows × cols, row-major: B⁻¹A. */
  readonly t: Float64Array;
  /** Values of the basic variables, one per row. */
  readonly beta: Float64Array;
  /** Reduced costs c_j − c_B B⁻¹A_j (≤ 0 at a lower bound, ≥ 0 at an upper bound when dual feasible). */
  readonly d: Float64Array;
  readonly cost: Float64Array;
  readonly lb: Float64Array;
  readonly ub: Float64Array;
  /** Basic variable of each row. */
  readonly head: Int32Array;
  /** Row of each basic variable, −1 when nonbasic. */
  readonly rowOf: Int32Array;
  readonly atUpper: Uint8Array;
  /** Columns that may still move (not fixed, or basic); pivots skip the others. */
  readonly active: Int32Array;
  activeCount = 0;
  pivots = 0;
  /** Scratch for the pivot row's nonzero columns and values. */
  private readonly nzCols: Int32Array;
  private readonly nzVals: Float64Array;

  constructor(rows: number, cols: number) {
    this.rows = rows;
    this.cols = cols;
    this.t = new Float64Array(rows * cols);
    this.beta = new Float64Array(rows);
    this.d = new Float64Array(cols);
    this.cost = new Float64Array(cols);
    this.lb = new Float64Array(cols);
    this.ub = new Float64Array(cols);
    this.head = new Int32Array(rows);
    this.rowOf = new Int32Array(cols);
    this.atUpper = new Uint8Array(cols);
    this.active = new Int32Array(cols);
    this.nzCols = new Int32Array(cols);
    this.nzVals = new Float64Array(cols);
  }

  copyFrom(o: Tableau): void {
    this.t.set(o.t);
    this.beta.set(o.beta);
    this.d.set(o.d);
    this.cost.set(o.cost);
    this.lb.set(o.lb);
    this.ub.set(o.ub);
    this.head.set(o.head);
    this.rowOf.set(o.rowOf);
    this.atUpper.set(o.atUpper);
    this.active.set(o.active);
    this.activeCount = o.activeCount;
    this.pivots = o.pivots;
  }

  /** Current value of column j. */
  value(j: number): number {
    const r = this.rowOf[j]!;
    if (r >= 0) return this.beta[r]!;
    return this.atUpper[j] ? this.ub[j]! : this.lb[j]!;
  }

  /** The objective c·z of the current basic solution: an upper bound on the optimum (dual feasible). */
  objective(costCols: Int32Array): number {
    let z = 0;
    for (let k = 0; k < costCols.length; k++) z += this.cost[costCols[k]!]! * this.value(costCols[k]!);
    return z;
  }

  /** Narrow column j to [lo, hi]; a nonbasic column moves with it, shifting the basic values. */
  setBounds(j: number, lo: number, hi: number): void {
    const before = this.value(j);
    this.lb[j] = lo;
    this.ub[j] = hi;
    if (this.rowOf[j]! >= 0) return;
    // Stay dual feasible: a column with d > 0 belongs at its upper bound, else at its lower one.
    this.atUpper[j] = this.d[j]! > 0 ? 1 : 0;
    const delta = this.value(j) - before;
    if (delta === 0) return;
    const { t, beta, cols } = this;
    for (let i = 0; i < this.rows; i++) beta[i] = beta[i]! - t[i * cols + j]! * delta;
  }

  /** Drop fixed nonbasic columns from the pivot loops (their entries are never read again). */
  compact(): void {
    let k = 0;
    for (let a = 0; a < this.activeCount; a++) {
      const j = this.active[a]!;
      if (this.rowOf[j]! >= 0 || this.lb[j]! < this.ub[j]!) this.active[k++] = j;
    }
    this.activeCount = k;
  }

  /**
   * The objective's decrease in the first dual simplex step after row r's basic variable is forced
   * down by `amount` (Driebeek 1966 penalties): amount × the smallest dual ratio |d_j / α_rj|. The
   * child's LP optimum is at least this much below the current one.
   */
  downPenalty(r: number, amount: number): number {
    const { t, d, lb, ub, active, cols } = this;
    const base = r * cols;
    let theta = Infinity;
    for (let a = 0; a < this.activeCount; a++) {
      const j = active[a]!;
      if (this.rowOf[j]! >= 0 || lb[j] === ub[j]) continue;
      const alpha = -t[base + j]!;
      const up = this.atUpper[j] === 1;
      if (up ? alpha <= 1e-9 : alpha >= -1e-9) continue;
      const ratio = Math.max(up ? d[j]! : -d[j]!, 0) / Math.abs(alpha);
      if (ratio < theta) theta = ratio;
    }
    return amount * theta;
  }

  /** Pivot column q into the basis at row r. */
  private pivot(r: number, q: number): void {
    const { t, cols, active, activeCount, d, nzCols, nzVals } = this;
    const base = r * cols;
    const inv = 1 / t[base + q]!;
    // The pivot row's nonzero entries (basic columns and many others are exact zeros), gathered once:
    // every row update then touches only those, and skipping a zero leaves the entry unchanged.
    let nz = 0;
    for (let a = 0; a < activeCount; a++) {
      const j = active[a]!;
      const x = t[base + j]!;
      if (x === 0 || j === q) continue;
      const v = x * inv;
      t[base + j] = v;
      nzCols[nz] = j;
      nzVals[nz++] = v;
    }
    t[base + q] = 1;
    for (let i = 0; i < this.rows; i++) {
      if (i === r) continue;
      const row = i * cols;
      const f = t[row + q]!;
      if (f === 0) continue;
      for (let e = 0; e < nz; e++) {
        const at = row + nzCols[e]!;
        t[at] = t[at]! - f * nzVals[e]!;
      }
      t[row + q] = 0;
    }
    const f = d[q]!;
    for (let e = 0; e < nz; e++) {
      const j = nzCols[e]!;
      d[j] = d[j]! - f * nzVals[e]!;
    }
    d[q] = 0;
    const leaving = this.head[r]!;
    this.rowOf[leaving] = -1;
    this.head[r] = q;
    this.rowOf[q] = r;
    this.pivots++;
  }

  /**
   * Dual simplex until primal feasible ('optimal'), proven infeasible (a row with no entering
   * column: `ray` is that row), the objective falls to `cutoff` ('cutoff'), or `maxPivots` ('limit').
   */
  solve(
    costCols: Int32Array,
    cutoff: number,
    maxPivots: number,
  ): { status: 'optimal' | 'infeasible' | 'cutoff' | 'limit'; ray: number } {
    const { t, beta, d, lb, ub, cols, active, head } = this;
    const feasTol = 1e-9;
    const dualTol = 1e-9;
    for (let it = 0; ; it++) {
      // Leaving row: the largest bound violation (Dantzig's rule for the dual).
      let r = -1;
      let worst = 0;
      for (let i = 0; i < this.rows; i++) {
        const h = head[i]!;
        const b = beta[i]!;
        const tol = feasTol * Math.max(1, Math.abs(b));
        const v = b < lb[h]! - tol ? lb[h]! - b : b > ub[h]! + tol ? b - ub[h]! : 0;
        if (v > worst) {
          worst = v;
          r = i;
        }
      }
      if (r < 0) return { status: 'optimal', ray: -1 };
      if (this.objective(costCols) <= cutoff) return { status: 'cutoff', ray: -1 };
      if (it >= maxPivots) return { status: 'limit', ray: -1 };
      const h = head[r]!;
      const toLower = beta[r]! < lb[h]!;
      const sigma = toLower ? 1 : -1;
      const base = r * cols;
      // Harris's ratio test: the largest step within the dual tolerance, then the largest |α|.
      let thetaMax = Infinity;
      for (let a = 0; a < this.activeCount; a++) {
        const j = active[a]!;
        if (this.rowOf[j]! >= 0 || lb[j] === ub[j]) continue;
        const alpha = sigma * t[base + j]!;
        const up = this.atUpper[j] === 1;
        if (up ? alpha <= 1e-9 : alpha >= -1e-9) continue;
        const dd = up ? d[j]! : -d[j]!;
        const ratio = (Math.max(dd, 0) + dualTol) / Math.abs(alpha);
        if (ratio < thetaMax) thetaMax = ratio;
      }
      if (thetaMax === Infinity) return { status: 'infeasible', ray: r };
      let q = -1;
      let bestAlpha = 0;
      for (let a = 0; a < this.activeCount; a++) {
        const j = active[a]!;
        if (this.rowOf[j]! >= 0 || lb[j] === ub[j]) continue;
        const alpha = sigma * t[base + j]!;
        const up = this.atUpper[j] === 1;
        if (up ? alpha <= 1e-9 : alpha >= -1e-9) continue;
        const dd = up ? d[j]! : -d[j]!;
        if (Math.max(dd, 0) / Math.abs(alpha) <= thetaMax && Math.abs(alpha) > bestAlpha) {
          bestAlpha = Math.abs(alpha);
          q = j;
        }
      }
      // The leaving variable goes to the violated bound; the entering one moves by delta.
      const target = toLower ? lb[h]! : ub[h]!;
      const alphaQ = t[base + q]!;
      const delta = (beta[r]! - target) / alphaQ;
      const entering = this.value(q) + delta;
      for (let i = 0; i < this.rows; i++) beta[i] = beta[i]! - t[i * cols + q]! * delta;
      this.pivot(r, q);
      beta[r] = entering;
      this.atUpper[h] = toLower ? 0 : 1;
    }
  }
}

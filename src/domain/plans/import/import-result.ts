import type { PlanContent } from '../plan.ts';

/** A problem found while reading an import, located by 1-based line (or feature) number. */
export interface ImportProblem {
  line: number;
  message: string;
  /** `error` makes the import fail; `warning` is reported but the plan is still usable. */
  severity: 'error' | 'warning';
}

/** Batch work returns results, not exceptions: nothing is written unless `ok`. */
export interface ImportResult {
  ok: boolean;
  plan: PlanContent | null;
  problems: ImportProblem[];
}

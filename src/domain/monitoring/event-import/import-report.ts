import type { ImportRowProblem } from './event-fields.ts';

/** How many problems a report keeps in full; the rest are only counted. */
export const PROBLEMS_KEPT = 200;

/** The tally of one import, built row by row while the file streams past. */
export interface ImportReport {
  /** Data rows read (blank lines and the header are not rows). */
  rowsTotal: number;
  accepted: number;
  rejected: number;
  /** The first PROBLEMS_KEPT problems, in file order. */
  problems: ImportRowProblem[];
  /** Problems found beyond those kept. */
  problemsNotShown: number;
}

/** An empty report. */
export function emptyImportReport(): ImportReport {
  return { rowsTotal: 0, accepted: 0, rejected: 0, problems: [], problemsNotShown: 0 };
}

/** Adds problems that concern the file rather than one row (encoding, CSV syntax, mapping). */
export function addProblems(report: ImportReport, problems: readonly ImportRowProblem[]): void {
  for (const problem of problems) {
    if (report.problems.length < PROBLEMS_KEPT) report.problems.push(problem);
    else report.problemsNotShown++;
  }
}

/** Counts an accepted row. Mutates the report: 100,000 rows should not mean 100,000 copies. */
export function countAccepted(report: ImportReport): void {
  report.rowsTotal++;
  report.accepted++;
}

/** Counts a rejected row and keeps its problems while there is room. */
export function countRejected(report: ImportReport, problems: readonly ImportRowProblem[]): void {
  report.rowsTotal++;
  report.rejected++;
  addProblems(report, problems);
}

/** True when nothing was wrong: every row accepted and no problem with the file itself. */
export function reportIsClean(report: ImportReport): boolean {
  return report.rejected === 0 && report.problems.length === 0 && report.problemsNotShown === 0;
}

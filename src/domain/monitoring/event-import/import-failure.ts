import { AppError } from '../../shared/app-error.ts';
import type { ImportRowProblem } from './event-fields.ts';

/**
 * A problem that stops reading the file (wrong encoding, broken CSV syntax), thrown from inside
 * a stream so it ends the pipeline; `problemOf` turns it back into a report line.
 */
export function importFailure(problem: ImportRowProblem): AppError {
  return new AppError('import.failed', `line ${problem.line}: ${problem.message}`, {
    problems: [{ field: problem.field ?? 'file', reason: problem.message }],
    extra: { line: problem.line },
  });
}

/** The report line of an error thrown by importFailure; null for any other error. */
export function problemOf(error: unknown): ImportRowProblem | null {
  if (!(error instanceof AppError) || error.code !== 'import.failed') return null;
  const line = error.extra.line;
  const first = error.problems[0];
  if (typeof line !== 'number' || !first) return null;
  return { line, field: first.field, message: first.reason };
}

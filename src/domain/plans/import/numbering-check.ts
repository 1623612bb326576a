import type { ImportProblem } from './import-result.ts';
import { hasSuffix, numberValue } from './numerals.ts';

/** A point's number and where it stood; `newArea` when it is the first point under a heading. */
export interface NumberedLine {
  number: string;
  line: number;
  newArea: boolean;
}

/**
 * Warnings for gaps, repeats and steps back in point numbering. Numbering may restart at 1 under a
 * new heading (per-area numbering) or run on across headings; both are fine.
 */
export function checkNumbering(points: readonly NumberedLine[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const firstSeen = new Map<string, number>();
  let last: number | null = null;
  for (const point of points) {
    const value = numberValue(point.number);
    const key = point.number.toLowerCase();
    if (point.newArea && value === 1) {
      firstSeen.clear();
      last = null;
    }
    const earlier = firstSeen.get(key);
    if (earlier !== undefined) {
      warn(point.line, `point ${point.number} appears again (first at line ${earlier})`);
    } else {
      firstSeen.set(key, point.line);
      // "7bis" is an insertion after 7: it neither fills nor opens a gap.
      if (value !== null && last !== null && !hasSuffix(point.number)) checkStep(last, value, point.line);
    }
    if (value !== null) last = value;
  }
  return problems;

  function checkStep(from: number, to: number, line: number): void {
    if (to === from + 1) return;
    if (to > from + 1) warn(line, `numbering jumps from ${from} to ${to} (${missing(from + 1, to - 1)})`);
    else if (to < from) warn(line, `numbering goes back from ${from} to ${to}`);
  }

  function warn(line: number, message: string): void {
    problems.push({ line, message, severity: 'warning' });
  }
}

function missing(first: number, lastMissing: number): string {
  if (first === lastMissing) return `${first} is missing`;
  if (lastMissing === first + 1) return `${first} and ${lastMissing} are missing`;
  return `${first}–${lastMissing} are missing`;
}

import type { Point } from '../plan.ts';

/** How display numbers run: through the whole plan, or restarting at 1 in each area. */
export type NumberingScheme = 'continuous' | 'per-area';

const NUMBERED = /^(\D*?)(\d+)$/;

/**
 * Reads the scheme off the current numbers: the plan numbers per area when a point that opens
 * a new area's run is numbered 1 (with continuous numbering only the very first point is).
 */
export function detectNumberingScheme(points: Point[]): NumberingScheme {
  for (let i = 1; i < points.length; i++) {
    const point = points[i]!;
    if (point.areaId !== points[i - 1]!.areaId && NUMBERED.exec(point.number.trim())?.[2] === '1') {
      return 'per-area';
    }
  }
  return 'continuous';
}

/**
 * Numbers points 1..N in reading order, or 1..k within each area under per-area numbering.
 * Custom numbers ("7bis") are replaced; a prefix in the plan's style ("Article 3") is kept.
 * Only `number` changes (not `changedAt`): renumbering is not an edit and must not cause conflicts.
 * Detect the scheme on the plan *before* a structural edit, which may remove the evidence.
 */
export function renumberPoints(
  points: Point[],
  scheme: NumberingScheme = detectNumberingScheme(points),
): Point[] {
  const prefix = numberPrefix(points);
  let n = 0;
  return points.map((point, i) => {
    if (scheme === 'per-area' && i > 0 && point.areaId !== points[i - 1]!.areaId) n = 0;
    n++;
    const number = `${prefix}${n}`;
    return point.number === number ? point : { ...point, number };
  });
}

/** The plan's number prefix ("Article "), taken from its first plainly numbered point. */
function numberPrefix(points: Point[]): string {
  for (const point of points) {
    const match = NUMBERED.exec(point.number.trim());
    if (match) return match[1] ?? '';
  }
  return '';
}

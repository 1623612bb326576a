/**
 * The plan document: the structured text that a negotiation is about.
 *
 * A plan is plain data (no methods) so that it can be stored as JSON, frozen into
 * versions, sent over the wire and compared without conversion.
 */

export type PointStatus = 'open' | 'contested' | 'agreed';
export const POINT_STATUSES: readonly PointStatus[] = ['open', 'contested', 'agreed'];

/** A sub-item of a point ("10 a", "→ first", "• bullet"); `label` is null for bullets. */
export interface PlanItem {
  label: string | null;
  text: string;
}

/** A section of the plan ("Ending the war"). */
export interface Area {
  id: string;
  title: string;
}

export interface Point {
  /** Stable identity: survives renumbering, moving, splitting and merging. */
  id: string;
  /** The number shown to readers ("7", "7bis", "Article 3"). */
  number: string;
  /** The area the point sits in, or null before the first heading. */
  areaId: string | null;
  /** Body text in the Markdown subset: paragraphs separated by a blank line, *emphasis*, **strong**. */
  text: string;
  items: PlanItem[];
  /** Tag keys from the provision taxonomy. */
  tags: string[];
  status: PointStatus;
  /** Ids of points this one was split off from or merged with, so a redline can show lineage. */
  derivedFrom: string[];
  /** Draft revision at which this point last changed; lets edits on other points merge cleanly. */
  changedAt: number;
}

/** An unnumbered paragraph between points (an editor's note, a bracketed comment); kept, never lost. */
export interface PlanNote {
  id: string;
  /** The point the note follows; null when it stands before the first point (after the preamble). */
  afterPointId: string | null;
  text: string;
}

export interface PlanContent {
  title: string;
  preamble: string;
  /** Areas in reading order. */
  areas: Area[];
  /** Points in reading order; areas are contiguous runs of this list. */
  points: Point[];
  notes: PlanNote[];
}

/** An empty plan with the given title. */
export function emptyPlan(title: string): PlanContent {
  return { title, preamble: '', areas: [], points: [], notes: [] };
}

/** Looks a point up by id. */
export function findPoint(plan: PlanContent, pointId: string): Point | undefined {
  return plan.points.find((p) => p.id === pointId);
}

/** The area title of a point, or null. */
export function areaTitleOf(plan: PlanContent, point: Point): string | null {
  if (point.areaId === null) return null;
  return plan.areas.find((a) => a.id === point.areaId)?.title ?? null;
}

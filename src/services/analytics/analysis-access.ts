import { can, type Viewer } from '../../domain/access/policies.ts';
import { areaTitleOf, type PlanContent, type Point } from '../../domain/plans/plan.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import {
  type AnalysisPointRow,
  listAnalysisPoints,
  listPointOptions,
  type PointOptionRow,
} from '../../store/analytics/analysis-points.repository.ts';
import {
  listOptionConstraints,
  type OptionConstraintRow,
} from '../../store/analytics/option-constraints.repository.ts';
import { listVersionTexts } from '../../store/negotiation/positions.repository.ts';
import type { PlanRow } from '../../store/plans/plans.repository.ts';
import { listParties } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { excerptOf } from '../positions/positions-access.ts';

/** An analysis point with the text the reader knows it by. */
export interface VisibleAnalysisPoint {
  row: AnalysisPointRow;
  point: Point;
  content: PlanContent;
  options: PointOptionRow[];
}

/** What of the analysis a reader may see: all of it for the mediator, the points it holds for a party. */
export interface AnalysisView {
  mediator: boolean;
  /** The plan's title as the reader knows it (a party: from the newest text it holds). */
  title: string;
  points: VisibleAnalysisPoint[];
  constraints: OptionConstraintRow[];
}

export const analysisPointNotFound = (pointId: string) =>
  new AppError('point.not_found', `point ${pointId} is not in the analysis of this plan`);

/**
 * The texts a reader knows a plan by, newest first: the working draft and every version for the
 * mediator team, the versions its party holds for everyone else.
 */
async function readerContents(tx: Tx, viewer: Viewer, plan: PlanRow): Promise<PlanContent[]> {
  const mediator = can(viewer, 'draft.read');
  const rows = await listVersionTexts(tx, plan.id, mediator ? undefined : (viewer.membership?.partyId ?? ''));
  const versions = rows.map((r) => JSON.parse(r.content) as PlanContent).reverse();
  return mediator ? [JSON.parse(plan.draft_content) as PlanContent, ...versions] : versions;
}

/**
 * The analysis as this reader may see it. A party sees only the points it holds (in some version
 * released to it, named as its newest held text has them) and the constraints among those; option
 * texts are shown to every party holding the point, so that it can score them.
 */
export async function loadAnalysisView(tx: Tx, viewer: Viewer, plan: PlanRow): Promise<AnalysisView> {
  const mediator = can(viewer, 'draft.read');
  const [rows, options, constraints, contents] = await Promise.all([
    listAnalysisPoints(tx, plan.id),
    listPointOptions(tx, plan.id),
    listOptionConstraints(tx, plan.id),
    readerContents(tx, viewer, plan),
  ]);
  const points: VisibleAnalysisPoint[] = [];
  for (const row of rows) {
    for (const content of contents) {
      const point = content.points.find((p) => p.id === row.point_id);
      if (!point) continue;
      const own = row.good === 1 ? [] : options.filter((o) => o.point_id === row.point_id);
      points.push({ row, point, content, options: own });
      break;
    }
  }
  // In reading order, as the text the reader knows each point from has it.
  const order = (p: VisibleAnalysisPoint) => p.content.points.indexOf(p.point);
  points.sort((a, b) => order(a) - order(b));
  const visible = new Set(points.map((p) => p.row.point_id));
  return {
    mediator,
    title: mediator ? plan.title : (contents[0]?.title ?? plan.title),
    points,
    constraints: constraints.filter((c) => visible.has(c.point_id) && visible.has(c.other_point_id)),
  };
}

/** An analysis point as the setup presents it. */
export function presentAnalysisPoint(p: VisibleAnalysisPoint) {
  return {
    pointId: p.row.point_id,
    number: p.point.number,
    area: areaTitleOf(p.content, p.point),
    excerpt: excerptOf(p.point.text, 240),
    good: p.row.good === 1,
    options: p.options.map((o) => ({ id: o.id, label: o.label, text: o.text })),
  };
}

/** A constraint as the setup presents it. */
export function presentConstraint(c: OptionConstraintRow) {
  return {
    id: c.id,
    kind: c.kind,
    option: { pointId: c.point_id, optionId: c.option_id },
    other: { pointId: c.other_point_id, optionId: c.other_option_id },
  };
}

// The negotiating sides first, then those who guarantee or verify (as the positions matrix has them).
const KIND_ORDER = ['state', 'armed_group', 'bloc', 'organisation'];
function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** The parties an analysis is about: every party of the process but the mediator's own team. */
export async function negotiatingParties(tx: Tx, processId: string) {
  const all = await listParties(tx, processId);
  return all
    .filter((p) => p.kind !== 'mediator')
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
    .map(({ id, name, code, colour }) => ({ id, name, code, colour }));
}

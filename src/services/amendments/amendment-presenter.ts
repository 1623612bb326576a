import { can, type Viewer } from '../../domain/access/policies.ts';
import { allowedTransitions } from '../../domain/negotiation/amendment-workflow.ts';
import { areaTitleOf, findPoint, type PlanContent } from '../../domain/plans/plan.ts';
import { pointText } from '../../domain/plans/redline/point-text.ts';
import { wordSegments } from '../../domain/plans/redline/word-segments.ts';
import type { AmendmentWithNames } from '../../store/negotiation/amendments.repository.ts';
import { amendmentRecord, workflowActorOf } from './amendment-access.ts';

/** A version an amendment refers to, with its text, as far as the reader may see it. */
export interface KnownVersion {
  id: string;
  label: string;
  seq: number;
  content: PlanContent;
}

/** What the presenter may show: the versions the reader holds, by id. */
export interface PresentContext {
  viewer: Viewer;
  versions: ReadonlyMap<string, KnownVersion>;
}

/** The point an amendment is about, in its base version: the amended one, or a new point's anchor. */
export function pointOf(row: AmendmentWithNames, base: PlanContent | undefined) {
  const id = row.kind === 'add' ? row.after_point_id : row.point_id;
  const point = base && id ? findPoint(base, id) : undefined;
  const area = base && row.area_id ? (base.areas.find((a) => a.id === row.area_id)?.title ?? null) : null;
  if (!point) return { id: id ?? null, number: null, area, text: '' };
  return {
    id: point.id,
    number: point.number,
    area: areaTitleOf(base!, point) ?? area,
    text: pointText(point),
  };
}

/**
 * An amendment as its reader sees it, with a word-level redline of the proposal (and, once decided,
 * of the text the mediator wrote in) against the point in the base version. The working draft never
 * reaches a party: the wording written in is shown to it only when it is the party's own, accepted
 * as proposed, or once a version holding it is released to the party; the version that took it in
 * is named only to those who hold it.
 */
export function presentAmendment(row: AmendmentWithNames, ctx: PresentContext) {
  const base = ctx.versions.get(row.base_version_id);
  const point = pointOf(row, base?.content);
  const baseText = row.kind === 'add' ? '' : point.text;
  const proposed = row.kind === 'delete' ? '' : row.text;
  const takenIn = row.taken_in_version_id ? ctx.versions.get(row.taken_in_version_id) : undefined;
  const takenInPoint =
    takenIn && row.applied_point_id ? findPoint(takenIn.content, row.applied_point_id) : undefined;
  const mediator = can(ctx.viewer, 'draft.read');
  // The wording the mediator wrote into the working draft is draft text: a party reads it once a
  // version holding it is released to it, or at once when it is the party's own, accepted as proposed.
  const applied =
    row.applied_text !== null && (mediator || takenIn !== undefined || row.applied_text === row.text)
      ? row.applied_text
      : null;
  const actor = workflowActorOf(ctx.viewer);
  const mayAct =
    actor === 'mediator'
      ? can(ctx.viewer, 'amendment.decide')
      : can(ctx.viewer, 'amendment.write', { partyId: row.party_id });
  return {
    id: row.id,
    planId: row.plan_id,
    kind: row.kind,
    state: row.state,
    party: { id: row.party_id, name: row.party_name, code: row.party_code, colour: row.party_colour },
    author: { id: row.author_id, name: row.author_name },
    baseVersion: base ? { id: base.id, label: base.label } : { id: row.base_version_id, label: 'a version' },
    point: { id: point.id, number: point.number, area: point.area },
    afterPointId: row.after_point_id,
    areaId: row.area_id,
    text: row.text,
    rationale: row.rationale,
    /** The point's text in the base version ('' for a new point). */
    baseText,
    /** The proposal against the base text, word by word. */
    segments: wordSegments(baseText, proposed),
    reply: row.reply,
    appliedText: applied,
    appliedSegments: applied === null ? null : wordSegments(baseText, applied),
    /** Accepted with wording of the mediator's that the reader's party does not hold yet. */
    appliedWordingWithheld: applied === null && row.applied_text !== null,
    /** The draft point that took the text in: the mediator's working material only. */
    appliedPointId: mediator ? row.applied_point_id : null,
    takenInVersion: takenIn
      ? {
          id: takenIn.id,
          label: takenIn.label,
          segments: takenInPoint ? wordSegments(baseText, pointText(takenInPoint)) : null,
        }
      : null,
    /** Whether the mediator reads it: once submitted, and for good. */
    sharedWithMediator: amendmentRecord(row).record.sharedWithMediator,
    source: row.source,
    importBatchId: row.import_batch_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decider_name ?? '' } : null,
    revision: row.revision,
    /** What the reader may do with it next. */
    actions: mayAct ? allowedTransitions(row.state, actor).map((t) => t.action) : [],
  };
}

export type PresentedAmendment = ReturnType<typeof presentAmendment>;

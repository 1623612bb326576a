import type { DraftOp } from '../plans/edit/draft-op.schema.ts';
import { findPoint, type PlanContent } from '../plans/plan.ts';
import { AppError } from '../shared/app-error.ts';
import { splitPointText } from './point-text-parts.ts';

export type AmendmentKind = 'replace' | 'add' | 'delete';

/** What an amendment asks, as far as writing it into the draft needs to know. */
export interface AmendmentChange {
  kind: AmendmentKind;
  /** The point replaced or deleted. */
  pointId: string | null;
  /** A new point goes after this point (null: first in `areaId`). */
  afterPointId: string | null;
  areaId: string | null;
  /** How the amendment names its point to people ("point 7 of Draft 2"), for messages. */
  describe: string;
}

const gone = (what: string, hint: string) =>
  new AppError(
    'conflict',
    `${what} is no longer in the working draft (it was deleted or merged since); ${hint}`,
  );

/**
 * The draft edit that carries out an accepted amendment with `text` (the proposed text, or the
 * mediator's edited version of it): a replacement rewrites the point's body and sub-items, a new
 * point is inserted where the party asked, a deletion removes the point. Throws `conflict` when
 * the point (or the anchor of a new one) is no longer in the draft, since the amendment then no
 * longer says where it applies.
 */
export function amendmentDraftOp(draft: PlanContent, change: AmendmentChange, text: string): DraftOp {
  const hint = 'reject it with a reply, or edit the draft by hand';
  switch (change.kind) {
    case 'replace': {
      if (change.pointId === null || !findPoint(draft, change.pointId))
        throw gone(`The amended ${change.describe}`, hint);
      const parts = splitPointText(text);
      return { type: 'updatePoint', pointId: change.pointId, text: parts.text, items: parts.items };
    }
    case 'delete': {
      if (change.pointId === null || !findPoint(draft, change.pointId))
        throw gone(`The ${change.describe} it would delete`, hint);
      return { type: 'deletePoint', pointId: change.pointId };
    }
    case 'add': {
      const parts = splitPointText(text);
      if (change.afterPointId !== null) {
        const anchor = findPoint(draft, change.afterPointId);
        if (!anchor) throw gone(`The point after which the new point goes (${change.describe})`, hint);
        // The anchor may have moved to another area since: the new point follows it there.
        return {
          type: 'addPoint',
          afterPointId: anchor.id,
          areaId: anchor.areaId,
          text: parts.text,
          items: parts.items,
          tags: [],
        };
      }
      if (change.areaId !== null && !draft.areas.some((a) => a.id === change.areaId))
        throw gone(`The section the new point goes into (${change.describe})`, hint);
      return {
        type: 'addPoint',
        afterPointId: null,
        areaId: change.areaId,
        text: parts.text,
        items: parts.items,
        tags: [],
      };
    }
  }
}

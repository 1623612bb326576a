import { redline } from '../../domain/plans/redline/redline.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { readPlanText } from './read-plan.ts';

/** Redlines two texts of a plan (versions or the working draft). */
export async function compareTexts(
  database: Database,
  actor: Actor,
  planId: string,
  fromRef: string,
  toRef: string,
) {
  const from = await readPlanText(database, actor, planId, fromRef, 'compare');
  const to = await readPlanText(database, actor, planId, toRef, 'compare');
  return {
    from: { ref: from.ref, label: from.label },
    to: { ref: to.ref, label: to.label },
    redline: redline(from.content, to.content),
  };
}

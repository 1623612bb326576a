import { redline } from '../../domain/plans/redline/redline.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from '../access/sessions.ts';
import { readTwoPlanTexts } from './read-plan.ts';

/** Redlines two texts of a plan (versions or the working draft). */
export async function compareTexts(
  database: Database,
  actor: Actor,
  planId: string,
  fromRef: string,
  toRef: string,
) {
  const { from, to } = await readTwoPlanTexts(database, actor, planId, [fromRef, toRef]);
  return {
    from: { ref: from.ref, label: from.label },
    to: { ref: to.ref, label: to.label },
    redline: redline(from.content, to.content),
  };
}

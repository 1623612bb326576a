import { contentHash } from '../../domain/plans/content-hash.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { markTakenIn } from '../../store/negotiation/amendments.repository.ts';
import { draftOf, insertVersion, latestVersionSeq } from '../../store/plans/plans.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadPlanFor } from './plan-access.ts';
import { presentVersion } from './plan-presenter.ts';

/** Freezes the working draft as an immutable, content-hashed version ("Draft 4"). */
export async function cutVersion(
  database: Database,
  actor: Actor,
  planId: string,
  input: { note?: string | undefined; label?: string | undefined },
) {
  try {
    const { processId, version } = await database.db.transaction().execute(async (tx) => {
      const { plan } = await loadPlanFor(tx, actor, planId, 'version.cut');
      const content = draftOf(plan);
      const hash = contentHash(content);
      const latest = await latestVersionSeq(tx, planId);
      if (latest?.content_hash === hash) {
        throw new AppError(
          'conflict',
          `the draft has not changed since ${latest.label}; edit it before cutting a new version`,
        );
      }
      const seq = (latest?.seq ?? 0) + 1;
      const row = {
        id: newId('ver'),
        plan_id: planId,
        seq,
        label: input.label?.trim() || `Draft ${seq}`,
        title: content.title || 'Untitled plan',
        note: input.note?.trim() ?? '',
        content: JSON.stringify(content),
        content_hash: hash,
        point_count: content.points.length,
        author_id: actor.user.id,
        created_at: new Date().toISOString(),
      };
      await insertVersion(tx, row);
      // The first version cut after an amendment was accepted is the one that took it in.
      const takenIn = await markTakenIn(tx, planId, row.id);
      await appendAudit(tx, {
        processId: plan.process_id,
        actorId: actor.user.id,
        action: 'version.cut',
        subjectType: 'version',
        subjectId: row.id,
        detail: {
          planId,
          label: row.label,
          hash,
          fromRevision: plan.draft_revision,
          ...(takenIn.length > 0 ? { amendmentsTakenIn: takenIn } : {}),
        },
      });
      return {
        processId: plan.process_id,
        version: presentVersion({ ...row, author_name: actor.user.name }),
      };
    });
    await publishLiveEvent(database, { type: 'version.cut', processId, planId, versionId: version.id });
    return version;
  } catch (error) {
    // Two instances cutting at the same moment: the unique (plan, seq) index lets only one win.
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'another version was cut at the same moment; try again');
    throw error;
  }
}

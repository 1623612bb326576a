import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftOf, findVersion, listVersions } from '../../store/plans/plans.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access/sessions.ts';
import { loadPlanFor } from './plan-access.ts';
import { presentPlan, presentVersion } from './plan-presenter.ts';

/**
 * The working draft with its version history, as a JSON document. The draft is stored as
 * validated JSON, so it is spliced in as it is rather than parsed and serialised again: on the
 * most frequent read that is most of the work.
 */
export async function getPlanJson(database: Database, actor: Actor, planId: string): Promise<string> {
  // Both reads at once (one round trip less on PostgreSQL); nothing is returned unless allowed.
  const [{ plan }, versions] = await Promise.all([
    loadPlanFor(database.db, actor, planId, 'draft.read'),
    listVersions(database.db, planId),
  ]);
  const summary = JSON.stringify(presentPlan(plan, versions.length));
  return `{"plan":${summary},"content":${plan.draft_content},"versions":${JSON.stringify(versions.map(presentVersion))}}`;
}

/** The version history of a plan, newest first. */
export async function getVersions(database: Database, actor: Actor, planId: string) {
  await loadPlanFor(database.db, actor, planId, 'version.read');
  return (await listVersions(database.db, planId)).map(presentVersion);
}

/** A "draft" or version-id reference resolved to its text, label and hash. */
export interface ResolvedText {
  ref: string;
  label: string;
  content: PlanContent;
  contentHash: string | null;
  versionId: string | null;
}

/**
 * Resolves a reference to the draft or a version, recording the read of a version's text in the
 * audit log in the same transaction.
 */
export async function readPlanText(
  database: Database,
  actor: Actor,
  planId: string,
  ref: string,
  purpose: 'view' | 'compare' | 'export',
): Promise<ResolvedText & { processId: string; planTitle: string }> {
  return database.db.transaction().execute(async (tx) => resolveText(tx, actor, planId, ref, purpose));
}

async function resolveText(tx: Tx, actor: Actor, planId: string, ref: string, purpose: string) {
  if (ref === 'draft') {
    const { plan } = await loadPlanFor(tx, actor, planId, 'draft.read');
    // A copy of the draft leaving the app is recorded; the mediators' own views of it while they
    // edit are not, or the log would drown in them.
    if (purpose === 'export') {
      await appendAudit(tx, {
        processId: plan.process_id,
        actorId: actor.user.id,
        action: 'draft.export',
        subjectType: 'plan',
        subjectId: planId,
        detail: { revision: plan.draft_revision },
      });
    }
    return {
      ref,
      label: 'Working draft',
      content: draftOf(plan),
      contentHash: null,
      versionId: null,
      processId: plan.process_id,
      planTitle: plan.title,
    };
  }
  const { plan } = await loadPlanFor(tx, actor, planId, 'version.read');
  const version = await findVersion(tx, planId, ref);
  if (!version) throw new AppError('version.not_found', `version ${ref} of plan ${planId} does not exist`);
  await appendAudit(tx, {
    processId: plan.process_id,
    actorId: actor.user.id,
    action: `version.${purpose}`,
    subjectType: 'version',
    subjectId: version.id,
    detail: { planId, label: version.label },
  });
  return {
    ref,
    label: version.label,
    content: JSON.parse(version.content) as PlanContent,
    contentHash: version.content_hash,
    versionId: version.id,
    processId: plan.process_id,
    planTitle: plan.title,
    version: presentVersion(version),
  };
}

import { can } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { draftOf, listVersions } from '../../store/plans/plans.repository.ts';
import { versionsHeldBy } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access/sessions.ts';
import { loadPlanFor, loadReadablePlan, loadVersionFor } from './plan-access.ts';
import { presentHeldVersion, presentPlan, presentVersion } from './plan-presenter.ts';

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

/**
 * The versions of a plan the actor may read, newest first: all of them for the mediator team, the
 * ones released to their party for everyone else (with when and how each was released to it).
 * The plan is named as the reader knows it: by the draft for the mediator team, by the newest
 * version they hold for everyone else.
 */
export async function getVersions(database: Database, actor: Actor, planId: string) {
  const { plan, viewer } = await loadReadablePlan(database.db, actor, planId);
  const about = {
    viewer: viewer.membership,
    plan: { id: plan.id, processId: plan.process_id, title: plan.title },
  };
  if (can(viewer, 'version.read')) {
    return { ...about, items: (await listVersions(database.db, planId)).map(presentVersion) };
  }
  const held = await versionsHeldBy(database.db, planId, viewer.membership?.partyId ?? '');
  return {
    viewer: about.viewer,
    plan: { ...about.plan, title: held[0]?.title ?? '' },
    items: held.map(presentHeldVersion),
  };
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

/** Both texts of a redline, in one transaction: if either may not be read, neither read is recorded. */
export async function readTwoPlanTexts(
  database: Database,
  actor: Actor,
  planId: string,
  refs: [string, string],
) {
  return database.db.transaction().execute(async (tx) => {
    const from = await resolveText(tx, actor, planId, refs[0], 'compare');
    const to = await resolveText(tx, actor, planId, refs[1], 'compare');
    return { from, to };
  });
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
  const { plan, viewer, version } = await loadVersionFor(tx, actor, planId, ref);
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
    // The note a mediator wrote when cutting the version is the team's own; readers it was
    // released to see the version without it.
    version: can(viewer, 'draft.read') ? presentVersion(version) : { ...presentVersion(version), note: '' },
  };
}

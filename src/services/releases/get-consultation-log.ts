import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listPlanSummaries, listVersions } from '../../store/plans/plans.repository.ts';
import { findProcess, listParties } from '../../store/processes/processes.repository.ts';
import { listReleases, versionsHeldBy } from '../../store/releases/releases.repository.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';

/**
 * The consultation log of a process: which party was given which version, when, by whom and how.
 * The mediator team sees every version and every party; any other member sees only the versions
 * their own party holds and only their own party's releases, so the log tells nobody what
 * others were shown, nor that versions exist that they were not.
 */
export async function getConsultationLog(database: Database, actor: Actor, processId: string) {
  const tx = database.db;
  if (!(await findProcess(tx, processId))) throw processNotFound(processId);
  const viewer = await viewerIn(tx, actor, processId);
  authorize(viewer, 'process.read', () => processNotFound(processId));
  const seesAll = can(viewer, 'releases.read') && can(viewer, 'draft.read');
  const ownParty = viewer.membership?.partyId ?? '';
  const [allParties, releases, plans] = await Promise.all([
    listParties(tx, processId),
    listReleases(tx, processId, seesAll ? undefined : ownParty),
    listPlanSummaries(tx, processId),
  ]);
  const parties = allParties.filter((p) => (seesAll ? p.kind !== 'mediator' : p.id === ownParty));
  const planVersions = await Promise.all(
    plans.map(async (plan) => ({
      plan,
      versions: seesAll ? await listVersions(tx, plan.id) : await versionsHeldBy(tx, plan.id, ownParty),
    })),
  );
  return {
    scope: seesAll ? ('all-parties' as const) : ('own-party' as const),
    parties: parties.map((p) => ({ id: p.id, name: p.name, code: p.code, kind: p.kind, colour: p.colour })),
    plans: planVersions
      .filter(({ versions }) => versions.length > 0 || seesAll)
      .map(({ plan, versions }) => ({
        id: plan.id,
        // A reader outside the mediator team knows the plan by the title of what it was given.
        title: seesAll ? plan.title : (heldTitle(versions) ?? plan.title),
        versions: versions.map((v) => ({ id: v.id, seq: v.seq, label: v.label, createdAt: v.created_at })),
      })),
    releases: releases.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      versionId: r.version_id,
      partyId: r.party_id,
      releasedAt: r.released_at,
      releasedBy: { id: r.released_by, name: r.released_by_name },
      channel: r.channel,
      note: r.note,
    })),
  };
}

/** The title of the newest version a party holds: the draft's may have changed since. */
function heldTitle(versions: readonly { title?: string }[]): string | undefined {
  return versions[0]?.title;
}

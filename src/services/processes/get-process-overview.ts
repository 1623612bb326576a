import { can, type Viewer } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listPlanSummaries, listVersions } from '../../store/plans/plans.repository.ts';
import { findProcess, listMembers, listParties } from '../../store/processes/processes.repository.ts';
import { plansHeldBy, versionsHeldBy } from '../../store/releases/releases.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from './add-party.ts';

/** A process with its parties, members and the plans the viewer may see. */
export async function getProcessOverview(database: Database, actor: Actor, processId: string) {
  const tx = database.db;
  const process = await findProcess(tx, processId);
  if (!process) throw processNotFound(processId);
  const viewer = await viewerIn(tx, actor, processId);
  authorize(viewer, 'process.read', () => processNotFound(processId));
  const [parties, allMembers] = await Promise.all([listParties(tx, processId), listMembers(tx, processId)]);
  // Who sits on another party's team is that party's business (and the mediator's).
  const members = allMembers.filter((m) => can(viewer, 'members.read', { partyId: m.party_id }));
  const seesMemberCount = (partyId: string) => can(viewer, 'members.read', { partyId });
  const plans = can(viewer, 'draft.read')
    ? await draftPlans(tx, processId)
    : await heldPlans(tx, processId, viewer);
  return {
    process: {
      id: process.id,
      title: process.title,
      description: process.description,
      createdAt: process.created_at,
    },
    viewer: viewer.membership,
    parties: parties.map((p) => ({
      id: p.id,
      name: p.name,
      code: p.code,
      kind: p.kind,
      colour: p.colour,
      memberCount: seesMemberCount(p.id) ? Number(p.member_count ?? 0) : null,
    })),
    members: members.map((m) => ({
      userId: m.user_id,
      name: m.name,
      email: m.email,
      partyId: m.party_id,
      role: m.role,
    })),
    plans,
  };
}

/** The mediator team's view of the plans: the working drafts and their newest versions. */
async function draftPlans(tx: Tx, processId: string) {
  const plans = await listPlanSummaries(tx, processId);
  const latest = await Promise.all(plans.map(async (p) => (await listVersions(tx, p.id))[0] ?? null));
  return plans.map((p, i) => {
    const v = latest[i];
    return {
      id: p.id,
      processId: p.process_id,
      title: p.title,
      revision: p.draft_revision as number | null,
      updatedAt: p.updated_at as string | null,
      pointCount: p.point_count,
      versionCount: Number(p.version_count ?? 0),
      latestVersion: v ? { id: v.id, label: v.label, createdAt: v.created_at } : null,
    };
  });
}

/**
 * A party's view: only the plans it holds a version of, known by the newest version it holds,
 * with no trace of the draft (its revision or when it last changed would say work is going on).
 */
async function heldPlans(tx: Tx, processId: string, viewer: Viewer) {
  const partyId = viewer.membership?.partyId;
  if (!partyId) return [];
  const plans = await plansHeldBy(tx, processId, partyId);
  return Promise.all(
    plans.map(async (p) => {
      const held = await versionsHeldBy(tx, p.id, partyId);
      const newest = held[0];
      return {
        id: p.id,
        processId: p.process_id,
        title: newest?.title ?? p.title,
        revision: null,
        updatedAt: null,
        pointCount: newest?.point_count ?? 0,
        versionCount: held.length,
        latestVersion: newest ? { id: newest.id, label: newest.label, createdAt: newest.created_at } : null,
      };
    }),
  );
}

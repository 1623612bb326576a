import { can } from '../../domain/access/policies.ts';
import type { Database } from '../../store/database.ts';
import { listPlanSummaries, listVersions } from '../../store/plans/plans.repository.ts';
import { findProcess, listMembers, listParties } from '../../store/processes/processes.repository.ts';
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
  const [parties, members] = await Promise.all([listParties(tx, processId), listMembers(tx, processId)]);
  const plans = can(viewer, 'draft.read') ? await listPlanSummaries(tx, processId) : [];
  const latest = await Promise.all(plans.map(async (p) => (await listVersions(tx, p.id))[0] ?? null));
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
      memberCount: Number(p.member_count ?? 0),
    })),
    members: members.map((m) => ({
      userId: m.user_id,
      name: m.name,
      email: m.email,
      partyId: m.party_id,
      role: m.role,
    })),
    plans: plans.map((p, i) => {
      const v = latest[i];
      return {
        id: p.id,
        processId: p.process_id,
        title: p.title,
        revision: p.draft_revision,
        updatedAt: p.updated_at,
        pointCount: p.point_count,
        versionCount: Number(p.version_count ?? 0),
        latestVersion: v ? { id: v.id, label: v.label, createdAt: v.created_at } : null,
      };
    }),
  };
}

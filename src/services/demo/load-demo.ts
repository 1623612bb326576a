import { demoPlanHistory } from '../../demo/demo-plan-history.ts';
import { DEMO_PASSWORD, demoProcess } from '../../demo/demo-process.ts';
import { contentHash } from '../../domain/plans/content-hash.ts';
import { newId } from '../../domain/shared/ids.ts';
import { countUsers, insertUser } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertPartyNote } from '../../store/notes/party-notes.repository.ts';
import { insertPlan, insertVersion } from '../../store/plans/plans.repository.ts';
import { insertMembership, insertParty, insertProcess } from '../../store/processes/processes.repository.ts';
import { insertReleases } from '../../store/releases/releases.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { hashPassword } from '../access/password.ts';
import { DEMO_EXTENSIONS } from './demo-extensions.ts';

export interface LoadedDemo {
  processId: string;
  planId: string;
  mediatorEmail: string;
  otherEmails: string[];
  password: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** Loads the demo negotiation into a database that has no users yet; returns null otherwise. */
export async function loadDemoIfEmpty(
  database: Database,
  now: Date = new Date(),
): Promise<LoadedDemo | null> {
  if ((await countUsers(database.db)) > 0) return null;
  // One hash for every demo account: they share a published password, so separate salts add nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const history = demoPlanHistory(newId);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  const started = at(60);

  const loaded = database.db.transaction().execute(async (tx): Promise<LoadedDemo | null> => {
    if ((await countUsers(tx)) > 0) return null;
    const userIds = new Map<string, string>();
    for (const u of demoProcess.users) {
      const id = newId('usr');
      userIds.set(u.email, id);
      await insertUser(tx, {
        id,
        email: u.email,
        name: u.name,
        password_hash: passwordHash,
        is_admin: u.isAdmin ? 1 : 0,
        created_at: started,
        disabled_at: null,
      });
    }
    const mediator =
      demoProcess.users.find((u) => u.role === 'mediator' && u.isAdmin) ?? demoProcess.users[0];
    const mediatorId = userIds.get(mediator?.email ?? '') ?? '';
    const processId = newId('prc');
    await insertProcess(tx, {
      id: processId,
      title: demoProcess.title,
      description: demoProcess.description,
      created_at: started,
      created_by: mediatorId,
    });
    await appendAudit(
      tx,
      {
        processId,
        actorId: mediatorId,
        action: 'process.create',
        subjectType: 'process',
        subjectId: processId,
        detail: { title: demoProcess.title, demo: true },
      },
      // Dated when it happened in the demo's story, so the audit log reads as a history.
      new Date(started),
    );

    const partyIds = new Map<string, string>();
    for (const p of demoProcess.parties) {
      const id = newId('pty');
      partyIds.set(p.key, id);
      await insertParty(tx, {
        id,
        process_id: processId,
        name: p.name,
        code: p.code,
        kind: p.kind,
        colour: p.colour,
        created_at: started,
      });
    }
    for (const u of demoProcess.users) {
      await insertMembership(tx, {
        process_id: processId,
        user_id: userIds.get(u.email) ?? '',
        party_id: partyIds.get(u.partyKey) ?? '',
        role: u.role,
        created_at: started,
      });
    }

    const planId = newId('pln');
    const first = demoProcess.plan.versions[0];
    await insertPlan(tx, {
      id: planId,
      process_id: processId,
      title: history.draft.title,
      draft_content: JSON.stringify(history.draft),
      draft_revision: history.revision,
      point_count: history.draft.points.length,
      created_at: at(first?.daysAgo ?? 45),
      created_by: mediatorId,
      updated_at: at(1),
      updated_by: mediatorId,
    });
    const versionIds = new Map<string, string>();
    const versionContents = new Map<string, (typeof history.versions)[number]>();
    for (const [i, content] of history.versions.entries()) {
      const meta = demoProcess.plan.versions[i];
      const id = newId('ver');
      versionIds.set(meta?.label ?? `Draft ${i + 1}`, id);
      versionContents.set(meta?.label ?? `Draft ${i + 1}`, content);
      const authorId = userIds.get(meta?.authorEmail ?? '') ?? mediatorId;
      const hash = contentHash(content);
      await insertVersion(tx, {
        id,
        plan_id: planId,
        seq: i + 1,
        label: meta?.label ?? `Draft ${i + 1}`,
        title: content.title || 'Untitled plan',
        note: meta?.note ?? '',
        content: JSON.stringify(content),
        content_hash: hash,
        point_count: content.points.length,
        author_id: authorId,
        created_at: at(meta?.daysAgo ?? 0),
      });
      await appendAudit(
        tx,
        {
          processId,
          actorId: authorId,
          action: 'version.cut',
          subjectType: 'version',
          subjectId: id,
          detail: { planId, label: meta?.label, hash, demo: true },
        },
        new Date(at(meta?.daysAgo ?? 0)),
      );
      for (const r of meta?.releases ?? []) {
        const partyId = partyIds.get(r.partyKey) ?? '';
        const releaseId = newId('rel');
        await insertReleases(tx, [
          {
            id: releaseId,
            process_id: processId,
            plan_id: planId,
            version_id: id,
            party_id: partyId,
            released_at: at(r.daysAgo),
            released_by: mediatorId,
            channel: r.channel,
            note: r.note ?? '',
          },
        ]);
        await appendAudit(
          tx,
          {
            processId,
            actorId: mediatorId,
            action: 'version.release',
            subjectType: 'version',
            subjectId: id,
            detail: {
              planId,
              label: meta?.label,
              partyId,
              channel: r.channel,
              releasedAt: at(r.daysAgo),
              demo: true,
            },
          },
          new Date(at(r.daysAgo)),
        );
      }
    }
    for (const note of demoProcess.plan.partyNotes) {
      const index = demoProcess.plan.versions.findIndex((v) => v.label === note.versionLabel);
      const point = history.versions[index]?.points.find((p) => p.number === note.pointNumber);
      if (!point) throw new Error(`demo note: no point ${note.pointNumber} in ${note.versionLabel}`);
      await insertPartyNote(tx, {
        id: newId('pnt'),
        process_id: processId,
        plan_id: planId,
        point_id: point.id,
        party_id: partyIds.get(note.partyKey) ?? '',
        author_id: userIds.get(note.authorEmail) ?? '',
        body: note.body,
        shared_with_mediator: note.sharedWithMediator ? 1 : 0,
        created_at: at(note.daysAgo),
        updated_at: at(note.daysAgo),
      });
    }
    for (const extend of DEMO_EXTENSIONS) {
      await extend({
        tx,
        processId,
        planId,
        partyIds,
        userIds,
        versionIds,
        versions: versionContents,
        draft: history.draft,
        at: (daysAgo) => new Date(now.getTime() - daysAgo * DAY).toISOString(),
        now,
      });
    }
    return {
      processId,
      planId,
      mediatorEmail: mediator?.email ?? '',
      otherEmails: demoProcess.users.filter((u) => u !== mediator).map((u) => u.email),
      password: DEMO_PASSWORD,
    };
  });
  // Two instances starting on one empty database: the first loads the demo, the other finds it.
  return loaded.catch((error: unknown) => {
    if (isUniqueViolation(error)) return null;
    throw error;
  });
}

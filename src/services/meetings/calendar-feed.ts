import { randomBytes } from 'node:crypto';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  findLiveFeed,
  insertCalendarFeed,
  revokeFeeds,
} from '../../store/meetings/calendar-feeds.repository.ts';
import { authorize } from '../access/authorize.ts';
import { type Actor, sha256 } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';
import { loadProcessViewer } from './meeting-access.ts';

/**
 * Each member may have one secret calendar URL per process. Like an API token (sessions.ts), the
 * secret is 32 random bytes shown once, and only its SHA-256 is stored, so a copy of the database
 * does not open anyone's calendar. Anyone holding the URL reads what its owner may read; creating
 * or revoking one changes no negotiation data, so every member may do it, read-only tokens too.
 */
export const FEED_PREFIX = 'cal_';

/** The path of a feed's secret URL. */
export const feedPath = (secret: string) => `/api/v1/calendar/${secret}.ics`;

/** The actor's working feed of the process (never its secret), or null. */
export async function getMyCalendarFeed(database: Database, actor: Actor, processId: string) {
  await loadProcessViewer(database.db, actor, processId);
  const feed = await findLiveFeed(database.db, processId, actor.user.id);
  return { feed: feed ? { id: feed.id, createdAt: feed.created_at } : null };
}

/** Creates the actor's feed URL, replacing (revoking) any earlier one; the secret is in the answer only. */
export async function createCalendarFeed(database: Database, actor: Actor, processId: string) {
  return database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadProcessViewer(tx, actor, processId);
    authorize(viewer, 'feed.manage', () => processNotFound(processId));
    const now = new Date().toISOString();
    const replaced = await revokeFeeds(tx, processId, actor.user.id, now);
    const secret = `${FEED_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = newId('cal');
    await insertCalendarFeed(tx, {
      id,
      process_id: processId,
      user_id: actor.user.id,
      token_hash: sha256(secret),
      created_at: now,
      revoked_at: null,
    });
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'calendar_feed.create',
      subjectType: 'calendar_feed',
      subjectId: id,
      detail: { replaced },
    });
    return { feed: { id, createdAt: now }, path: feedPath(secret) };
  });
}

/** Revokes the actor's feed of the process; calendar apps using it get 404 from then on. Idempotent. */
export async function revokeCalendarFeed(database: Database, actor: Actor, processId: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadProcessViewer(tx, actor, processId);
    authorize(viewer, 'feed.manage', () => processNotFound(processId));
    const revoked = await revokeFeeds(tx, processId, actor.user.id, new Date().toISOString());
    for (const id of revoked)
      await appendAudit(tx, {
        processId,
        actorId: actor.user.id,
        action: 'calendar_feed.revoke',
        subjectType: 'calendar_feed',
        subjectId: id,
      });
  });
}

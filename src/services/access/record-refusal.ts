import { countAttempt, pruneThrottle } from '../../store/access/sign-in-throttle.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Refusal } from './sessions.ts';
import { addressKey } from './sign-in-throttle.ts';

export interface RefusedCredential {
  /** What was refused: a session cookie, a bearer token, or a cookie write without the CSRF header. */
  credential: 'session' | 'token' | 'csrf';
  reason: Refusal['reason'] | 'no_csrf_header';
  /** The user the credential belongs to, when it is a real one (expired, revoked, or a CSRF refusal). */
  userId: string | null;
  ip: string;
  method: string;
  path: string;
}

const WINDOW_MS = 60_000;

/**
 * Audits a refused credential, at most once a minute per kind of credential and client address.
 * A flood of forged tokens costs one counter update per request, never one audit entry per request:
 * the log grows with the number of distinct addresses, and each entry says how often the previous
 * minute's first refusal from that address was repeated. The counter lives in the database, so the
 * bound holds across instances. Returns whether an entry was written.
 */
export async function recordRefusal(database: Database, refused: RefusedCredential): Promise<boolean> {
  const now = new Date();
  const key = `refused:${refused.credential}:${addressKey(refused.ip)}`;
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString();
  return database.db.transaction().execute(async (tx) => {
    const previous = await tx
      .selectFrom('sign_in_throttle')
      .select(['failures', 'window_started_at'])
      .where('key', '=', key)
      .executeTakeFirst();
    const count = await countAttempt(tx, key, now.toISOString(), cutoff);
    if (count !== 1) return false;
    await appendAudit(tx, {
      processId: null,
      actorId: refused.userId,
      action: refused.credential === 'csrf' ? 'auth.csrf_refused' : 'auth.credential_refused',
      subjectType: 'user',
      subjectId: refused.userId,
      detail: {
        credential: refused.credential,
        reason: refused.reason,
        ip: refused.ip,
        request: `${refused.method} ${refused.path.slice(0, 200)}`,
        // Refusals from this address in its previous logged minute, this kind; 0 for a first.
        previousMinuteCount: previous ? Number(previous.failures) : 0,
      },
    });
    await pruneThrottle(tx, new Date(now.getTime() - 24 * 60 * 60_000).toISOString(), now.toISOString());
    return true;
  });
}

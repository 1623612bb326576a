import { isIPv6 } from 'node:net';
import { AppError } from '../../domain/shared/app-error.ts';
import {
  clearKey,
  countAttempt,
  findLocks,
  lockKey,
  pruneThrottle,
  uncountAttempt,
} from '../../store/access/sign-in-throttle.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Tx } from '../../store/transaction.ts';

const MINUTE = 60_000;

/**
 * Limits on password (and code) guesses, in the database so that every instance counts together.
 * Per account: 5 failures in 15 minutes lock it for 15 minutes (ASVS 2.2.1). Per client address a
 * higher limit, as offices share one; it stops one machine trying many accounts.
 */
export const THROTTLE = {
  email: { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  ip: { limit: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
} as const;

/** The throttle keys of one sign-in attempt. */
export interface ThrottleKeys {
  email: string;
  ip: string;
}

/** The keys for an e-mail address (as typed, normalised) and a client address. */
export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { email: `email:${email.trim().toLowerCase().slice(0, 320)}`, ip: `ip:${addressKey(ip)}` };
}

/**
 * A client address as counted: IPv4 as is, IPv6 by its /64 network, since one machine usually
 * holds a whole /64 and could otherwise change address on every attempt.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The error for a locked key: 429 with when to try again, the same whether the account exists or not. */
export function lockedError(key: string, lockedUntil: string, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const when = `${lockedUntil.slice(11, 16)} UTC`;
  const who = key.startsWith('ip:') ? 'from your network address' : 'for this account';
  return new AppError(
    'auth.locked',
    `too many failed sign-ins ${who}; try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${when})`,
    { extra: { retryAfter: seconds, lockedUntil } },
  );
}

/** Throws auth.locked when either key is locked now. */
export async function assertNotLocked(database: Database, keys: ThrottleKeys, now: Date): Promise<void> {
  const error = await currentLockError(database.db, keys, now);
  if (error) throw error;
}

/**
 * Counts an attempt before the password is checked, so that parallel guesses cannot all slip in
 * before the lock is written: an attempt beyond the limit is refused without checking anything.
 * A success or a "code required" answer takes the count back (settleSuccess, uncount).
 */
export async function countSignInAttempt(database: Database, keys: ThrottleKeys, now: Date): Promise<void> {
  const at = now.toISOString();
  const counts = await database.db.transaction().execute(async (tx) => ({
    email: await countAttempt(tx, keys.email, at, cutoff(now, THROTTLE.email.windowMs)),
    ip: await countAttempt(tx, keys.ip, at, cutoff(now, THROTTLE.ip.windowMs)),
  }));
  if (counts.email > THROTTLE.email.limit || counts.ip > THROTTLE.ip.limit) {
    const error = await database.db.transaction().execute(async (tx) => {
      await lockReached(tx, keys, counts, now, null);
      return currentLockError(tx, keys, now);
    });
    if (error) throw error;
  }
}

/**
 * After a failed check (in the caller's transaction, next to the failure's audit entry): locks the
 * keys that reached their limit and logs each new lockout. Returns the lock error to answer with.
 */
export async function lockIfLimitReached(
  tx: Tx,
  keys: ThrottleKeys,
  userId: string | null,
  now: Date,
): Promise<AppError | null> {
  const windowStart = (ms: number) => cutoff(now, ms);
  const counts = {
    email: await currentCount(tx, keys.email, windowStart(THROTTLE.email.windowMs)),
    ip: await currentCount(tx, keys.ip, windowStart(THROTTLE.ip.windowMs)),
  };
  await lockReached(tx, keys, counts, now, userId);
  await pruneThrottle(tx, cutoff(now, 24 * 60 * MINUTE), now.toISOString());
  return currentLockError(tx, keys, now);
}

/** The error for the lock on either key that ends last, or null when neither is locked. */
async function currentLockError(tx: Tx, keys: ThrottleKeys, now: Date): Promise<AppError | null> {
  const locks = await findLocks(tx, [keys.email, keys.ip], now.toISOString());
  const latest = locks.sort((a, b) => b.locked_until.localeCompare(a.locked_until))[0];
  return latest ? lockedError(latest.key, latest.locked_until, now) : null;
}

/** A successful sign-in: forget the account's failures, and this attempt against the address. */
export async function settleSuccess(database: Database, keys: ThrottleKeys): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await clearKey(tx, keys.email);
    await uncountAttempt(tx, keys.ip);
  });
}

/** Takes back a counted attempt that was neither a success nor a failure (a code is still needed). */
export async function uncount(database: Database, keys: ThrottleKeys): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await uncountAttempt(tx, keys.email);
    await uncountAttempt(tx, keys.ip);
  });
}

const cutoff = (now: Date, ms: number) => new Date(now.getTime() - ms).toISOString();

async function currentCount(tx: Tx, key: string, windowCutoff: string): Promise<number> {
  const row = await tx
    .selectFrom('sign_in_throttle')
    .select(['failures', 'window_started_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  return row && row.window_started_at > windowCutoff ? Number(row.failures) : 0;
}

/** Locks each key at or over its limit, and audits each lock this call set. */
async function lockReached(
  tx: Tx,
  keys: ThrottleKeys,
  counts: { email: number; ip: number },
  now: Date,
  userId: string | null,
): Promise<void> {
  for (const kind of ['email', 'ip'] as const) {
    if (counts[kind] < THROTTLE[kind].limit) continue;
    const key = keys[kind];
    const until = new Date(now.getTime() + THROTTLE[kind].lockMs).toISOString();
    if (!(await lockKey(tx, key, until, now.toISOString()))) continue;
    await appendAudit(tx, {
      processId: null,
      actorId: kind === 'email' ? userId : null,
      action: 'auth.locked',
      subjectType: kind === 'email' ? 'user' : 'address',
      subjectId: kind === 'email' ? userId : null,
      detail: { key, failures: counts[kind], lockedUntil: until },
    });
  }
}

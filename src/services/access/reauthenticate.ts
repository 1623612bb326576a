import { AppError } from '../../domain/shared/app-error.ts';
import { findUserById, type UserRow } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { verifyPassword } from './password.ts';
import type { Actor } from './sessions.ts';
import {
  assertNotLocked,
  countSignInAttempt,
  lockIfLimitReached,
  throttleKeys,
  uncount,
} from './sign-in-throttle.ts';

/** Account changes are made from a signed-in browser session, never with an API token (ASVS 3.7.1). */
export async function signedInUser(database: Database, actor: Actor): Promise<UserRow> {
  if (actor.via !== 'session') {
    throw new AppError(
      'auth.forbidden',
      'account settings can be changed only when signed in with your password, not with an API token',
    );
  }
  const row = await findUserById(database.db, actor.user.id);
  if (!row) throw new AppError('auth.required', 'your account no longer exists');
  return row;
}

/**
 * Asks a signed-in user to prove it is them again before a sensitive change. The guesses count
 * against the same limits as sign-in, so a stolen session cannot be used to try passwords.
 */
export async function verifyCurrentPassword(
  database: Database,
  row: UserRow,
  password: string,
  options: { field: string; ip: string },
): Promise<void> {
  await guarded(database, row, options.ip, 'password', () => verifyPassword(password, row.password_hash), {
    field: options.field,
    reason: 'is not your current password',
  });
}

/** Like verifyCurrentPassword, for a second factor: `check` returns whether the code was right. */
export async function verifyCurrentCode(
  database: Database,
  row: UserRow,
  check: () => Promise<boolean>,
  options: { field: string; ip: string },
): Promise<void> {
  await guarded(database, row, options.ip, 'code', check, {
    field: options.field,
    reason: 'is not the current code of your authenticator app; check that the phone’s clock is right',
  });
}

async function guarded(
  database: Database,
  row: UserRow,
  ip: string,
  what: 'password' | 'code',
  check: () => Promise<boolean>,
  problem: { field: string; reason: string },
): Promise<void> {
  const now = new Date();
  const keys = throttleKeys(row.email, ip);
  await assertNotLocked(database, keys, now);
  await countSignInAttempt(database, keys, now);
  if (await check()) {
    await uncount(database, keys);
    return;
  }
  const locked = await database.db.transaction().execute(async (tx) => {
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.reauth_failed',
      subjectType: 'user',
      subjectId: row.id,
      detail: { what, ip },
    });
    return lockIfLimitReached(tx, keys, row.id, now);
  });
  throw (
    locked ??
    new AppError('validation.failed', `${problem.field} ${problem.reason}`, {
      problems: [{ field: problem.field, reason: problem.reason }],
    })
  );
}

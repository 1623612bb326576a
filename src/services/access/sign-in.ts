import { AppError } from '../../domain/shared/app-error.ts';
import { findUserByEmail, toUser, type User, type UserRow } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { openSession } from './sessions.ts';
import {
  assertNotLocked,
  countSignInAttempt,
  lockIfLimitReached,
  settleSuccess,
  throttleKeys,
  uncount,
} from './sign-in-throttle.ts';
import { spendSignInCode } from './two-factor.ts';

export interface SignInInput {
  email: string;
  password: string;
  /** The 6-digit code, for accounts with two-factor sign-in. */
  code?: string | undefined;
  /** The client address, for throttling and the sign-in history ("local" from the shell). */
  ip?: string;
  userAgent?: string | null;
}

type FailureReason = 'password' | 'no_account' | 'disabled' | 'code';

/**
 * Checks e-mail, password and (when set up) the two-factor code, under the sign-in limits, and
 * opens a session. Every outcome is audited; the answer never says whether the account exists.
 */
export async function signIn(
  database: Database,
  input: SignInInput,
): Promise<{ user: User; token: string; expiresAt: Date }> {
  const now = new Date();
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const ip = input.ip ?? 'local';
  const keys = throttleKeys(email, ip);
  await assertNotLocked(database, keys, now);
  await countSignInAttempt(database, keys, now);

  const row = await findUserByEmail(database.db, email);
  // Verify against a dummy hash for unknown e-mails so timing does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled_at !== null) {
    const reason: FailureReason = !row ? 'no_account' : !ok ? 'password' : 'disabled';
    throw await failure(database, row, reason, { ...input, ip }, keys, now);
  }
  if (row.totp_enabled_at != null) {
    if (input.code === undefined) {
      // The password was right: this was not a guess, so it does not count against the limits.
      await uncount(database, keys);
      throw new AppError('auth.totp_required', 'enter the 6-digit code from your authenticator app', {
        problems: [{ field: 'code', reason: 'is required for this account' }],
      });
    }
    if (!(await spendSignInCode(database, row, input.code)))
      throw await failure(database, row, 'code', { ...input, ip }, keys, now);
  }

  await settleSuccess(database, keys);
  const session = await database.db.transaction().execute(async (tx) => {
    const opened = await openSession(tx, row.id, input.userAgent ?? null, now);
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.sign_in',
      subjectType: 'user',
      subjectId: row.id,
      detail: { ip, userAgent: clip(input.userAgent), twoFactor: row.totp_enabled_at != null },
    });
    return opened;
  });
  return { user: toUser(row), token: session.token, expiresAt: session.expiresAt };
}

/** Audits a failed attempt, locks keys that reached their limit, and returns the error to answer. */
async function failure(
  database: Database,
  row: UserRow | undefined,
  reason: FailureReason,
  input: SignInInput & { ip: string },
  keys: ReturnType<typeof throttleKeys>,
  now: Date,
): Promise<AppError> {
  const userId = row?.id ?? null;
  const locked = await database.db.transaction().execute(async (tx) => {
    await appendAudit(tx, {
      processId: null,
      actorId: userId,
      action: 'auth.sign_in_failed',
      subjectType: 'user',
      subjectId: userId,
      detail: {
        email: input.email.trim().toLowerCase().slice(0, 320),
        reason,
        ip: input.ip,
        userAgent: clip(input.userAgent),
      },
    });
    return lockIfLimitReached(tx, keys, userId, now);
  });
  if (locked) return locked;
  if (reason === 'code') {
    return new AppError(
      'auth.totp_invalid',
      'the code is not correct or was already used; enter the current one',
      {
        problems: [{ field: 'code', reason: 'is not the current code' }],
      },
    );
  }
  return new AppError('auth.invalid_credentials', 'e-mail or password is not correct');
}

const clip = (s: string | null | undefined) => (s ? s.slice(0, 200) : null);

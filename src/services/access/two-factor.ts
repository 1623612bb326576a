import { generateSecret, generateURI, verify } from 'otplib';
import { renderSVG } from 'uqr';
import { AppError } from '../../domain/shared/app-error.ts';
import {
  claimTotpStep,
  findUserById,
  setUserTotp,
  type UserRow,
} from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { signedInUser, verifyCurrentCode, verifyCurrentPassword } from './reauthenticate.ts';
import type { Actor } from './sessions.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secret-box.ts';

/**
 * Optional two-factor sign-in with time-based one-time codes (TOTP, RFC 6238: SHA-1, 6 digits,
 * 30-second steps, what every authenticator app reads from a QR code).
 */

const ISSUER = 'Entente';
/** One step either side of now: phones and servers drift by a few seconds (RFC 6238 §5.2). */
const DRIFT_SECONDS = 30;

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  /** Set up was started but not yet confirmed with a code. */
  pending: boolean;
}

/** Whether the user has two-factor sign-in on. */
export function twoFactorStatus(row: Pick<UserRow, 'totp_secret' | 'totp_enabled_at'>): TwoFactorStatus {
  return {
    enabled: row.totp_enabled_at != null,
    enabledAt: row.totp_enabled_at ?? null,
    pending: row.totp_secret != null && row.totp_enabled_at == null,
  };
}

/** The signed-in user's two-factor status. */
export async function myTwoFactorStatus(database: Database, actor: Actor): Promise<TwoFactorStatus> {
  const row = await findUserById(database.db, actor.user.id);
  return twoFactorStatus({
    totp_secret: row?.totp_secret ?? null,
    totp_enabled_at: row?.totp_enabled_at ?? null,
  });
}

/**
 * Starts setting up two-factor sign-in (password required): a new secret, pending until confirmed
 * with a code. Returns the secret (for typing in), the otpauth URI and a QR code of it as SVG.
 */
export async function startTotpEnrolment(
  database: Database,
  actor: Actor,
  input: { password: string; ip: string },
) {
  const row = await signedInUser(database, actor);
  if (row.totp_enabled_at != null) {
    throw new AppError('conflict', 'two-factor sign-in is already on; turn it off first to set up a new app');
  }
  // Else a borrowed session could bind the account to someone else's phone and lock its owner out.
  await verifyCurrentPassword(database, row, input.password, { field: 'password', ip: input.ip });
  const secret = generateSecret({ length: 20 });
  await database.db.transaction().execute(async (tx) => {
    await setUserTotp(tx, row.id, {
      sealedSecret: sealTotpSecret(secret, row.id),
      enabledAt: null,
      lastStep: null,
    });
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.totp_setup_started',
      subjectType: 'user',
      subjectId: row.id,
    });
  });
  const uri = generateURI({ issuer: ISSUER, label: row.email, secret });
  return { secret, uri, qrSvg: renderSVG(uri, { border: 2 }) };
}

/** Turns two-factor sign-in on once the user shows a valid code from the app they set up. */
export async function confirmTotpEnrolment(database: Database, actor: Actor, code: string) {
  const row = await signedInUser(database, actor);
  if (row.totp_enabled_at != null) throw new AppError('conflict', 'two-factor sign-in is already on');
  if (row.totp_secret == null) {
    throw new AppError('conflict', 'start setting up two-factor sign-in first, then confirm it with a code');
  }
  const step = await matchingStep(row, code, null);
  if (step === null) throw wrongCode('code');
  const enabledAt = new Date().toISOString();
  await database.db.transaction().execute(async (tx) => {
    await setUserTotp(tx, row.id, { sealedSecret: row.totp_secret ?? null, enabledAt, lastStep: step });
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.totp_enabled',
      subjectType: 'user',
      subjectId: row.id,
    });
  });
  return twoFactorStatus({ totp_secret: row.totp_secret, totp_enabled_at: enabledAt });
}

/** Turns two-factor sign-in off; it takes the password and a current code, as a thief has neither. */
export async function disableTotp(
  database: Database,
  actor: Actor,
  input: { password: string; code: string; ip: string },
) {
  const row = await signedInUser(database, actor);
  if (row.totp_enabled_at == null) {
    throw new AppError('conflict', 'two-factor sign-in is not on for this account');
  }
  await verifyCurrentPassword(database, row, input.password, { field: 'password', ip: input.ip });
  await verifyCurrentCode(database, row, () => spendSignInCode(database, row, input.code), {
    field: 'code',
    ip: input.ip,
  });
  await database.db.transaction().execute(async (tx) => {
    await setUserTotp(tx, row.id, { sealedSecret: null, enabledAt: null, lastStep: null });
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.totp_disabled',
      subjectType: 'user',
      subjectId: row.id,
    });
  });
  return twoFactorStatus({ totp_secret: null, totp_enabled_at: null });
}

/**
 * Checks a code for a user with two-factor sign-in on and uses it up: the same code (or an older
 * one) never works twice, even in two requests at once on two instances (RFC 6238 §5.2).
 */
export async function spendSignInCode(database: Database, row: UserRow, code: string): Promise<boolean> {
  const step = await matchingStep(row, code, row.totp_last_step ?? null);
  return step !== null && (await claimTotpStep(database.db, row.id, step));
}

async function matchingStep(row: UserRow, code: string, afterStep: number | null): Promise<number | null> {
  if (row.totp_secret == null || !/^\d{6}$/.test(code)) return null;
  const secret = openTotpSecret(row.totp_secret, row.id);
  const result = await verify({
    secret,
    token: code,
    epochTolerance: DRIFT_SECONDS,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

function wrongCode(field: string): AppError {
  const reason = 'is not the current code of your authenticator app; check that the phone’s clock is right';
  return new AppError('validation.failed', `${field} ${reason}`, { problems: [{ field, reason }] });
}

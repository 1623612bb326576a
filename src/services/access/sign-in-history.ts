import { accountAuditPage } from '../../store/access/sign-in-history.repository.ts';
import type { Database } from '../../store/database.ts';
import type { Actor } from './sessions.ts';

/** The audit actions a user sees in their own sign-in history. */
export const SIGN_IN_HISTORY_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.locked',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'auth.session_revoked',
  'auth.credential_refused',
  'auth.csrf_refused',
  'auth.reauth_failed',
  'auth.password_changed',
  'auth.totp_setup_started',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'token.create',
  'token.revoke',
] as const;

export interface SignInEvent {
  seq: number;
  at: string;
  action: string;
  /** Whether this was someone failing or being refused (shown as a warning). */
  failed: boolean;
  ip: string | null;
  userAgent: string | null;
  /** The reason of a failure or refusal ("password", "code", "revoked", …). */
  reason: string | null;
  /** For a refusal, what was refused: "session", "token" or "csrf". */
  credential: string | null;
}

const FAILED = new Set([
  'auth.sign_in_failed',
  'auth.locked',
  'auth.credential_refused',
  'auth.csrf_refused',
  'auth.reauth_failed',
]);

/**
 * The signed-in user's own sign-ins, failures, lockouts and account changes from the audit log,
 * newest first, a page at a time (`before` is the `seq` of the last event of the previous page).
 * Only these fields leave the log: never another user's data, never a secret.
 */
export async function listMySignIns(
  database: Database,
  actor: Actor,
  page: { before?: number | undefined; limit: number },
): Promise<{ items: SignInEvent[]; nextBefore: number | null }> {
  const rows = await accountAuditPage(
    database.db,
    actor.user.id,
    SIGN_IN_HISTORY_ACTIONS,
    page.before ?? null,
    page.limit + 1,
  );
  const items = rows.slice(0, page.limit).map((row): SignInEvent => {
    const detail = parseDetail(row.detail);
    return {
      seq: Number(row.seq),
      at: row.at,
      action: row.action,
      failed: FAILED.has(row.action),
      ip: text(detail.ip),
      userAgent: text(detail.userAgent),
      reason: text(detail.reason) ?? text(detail.what),
      credential: text(detail.credential),
    };
  });
  return { items, nextBefore: rows.length > page.limit ? (items.at(-1)?.seq ?? null) : null };
}

function parseDetail(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

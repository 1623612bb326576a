import type { Insertable, Selectable } from 'kysely';
import type { UserTable } from '../schema.ts';
import type { Tx } from '../transaction.ts';

export type UserRow = Selectable<UserTable>;

/** A user as the rest of the app sees it (never the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

/** Maps a row to the public shape. */
export function toUser(row: Pick<UserRow, 'id' | 'email' | 'name' | 'is_admin'>): User {
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin === 1 };
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  return tx
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(tx: Tx, row: Insertable<UserTable>): Promise<void> {
  await tx.insertInto('users').values(row).execute();
}

export async function updateUserPassword(
  tx: Tx,
  id: string,
  passwordHash: string,
  at: string = new Date().toISOString(),
): Promise<void> {
  await tx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: at })
    .where('id', '=', id)
    .execute();
}

/** Stores a sealed TOTP secret, pending (enabledAt null) or live; null clears two-factor sign-in. */
export async function setUserTotp(
  tx: Tx,
  id: string,
  totp: { sealedSecret: string | null; enabledAt: string | null; lastStep: number | null },
): Promise<void> {
  await tx
    .updateTable('users')
    .set({ totp_secret: totp.sealedSecret, totp_enabled_at: totp.enabledAt, totp_last_step: totp.lastStep })
    .where('id', '=', id)
    .execute();
}

/**
 * Records `step` as the last TOTP step used, only if it is later than the stored one: false means
 * the code was already used (perhaps by a concurrent request on another instance).
 */
export async function claimTotpStep(tx: Tx, id: string, step: number): Promise<boolean> {
  const result = await tx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countUsers(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

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

export async function updateUserPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
  await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function countUsers(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import type { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { findUserByEmail, insertUser, toUser, type User } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import type { newUserSchema } from './account.schema.ts';
import { hashPassword } from './password.ts';
import { assertPasswordAllowed } from './password-policy.ts';

/** Creates an account; the e-mail must be new and the password pass the password policy. */
export async function createUser(
  database: Database,
  input: z.output<typeof newUserSchema>,
  actorId: string | null = null,
): Promise<User> {
  await assertPasswordAllowed(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const created = database.db.transaction().execute(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new AppError('conflict', `a user with e-mail ${input.email} already exists`, {
        problems: [{ field: 'email', reason: 'is already registered' }],
      });
    }
    const row = {
      id: newId('usr'),
      email: input.email,
      name: input.name,
      password_hash: passwordHash,
      is_admin: input.isAdmin ? 1 : 0,
      created_at: new Date().toISOString(),
      disabled_at: null,
      password_changed_at: new Date().toISOString(),
    };
    await insertUser(tx, row);
    await appendAudit(tx, {
      processId: null,
      actorId,
      action: 'user.create',
      subjectType: 'user',
      subjectId: row.id,
      detail: { email: row.email, isAdmin: input.isAdmin },
    });
    return toUser(row);
  });
  return created.catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('conflict', `a user with e-mail ${input.email} already exists`, {
      problems: [{ field: 'email', reason: 'is already registered' }],
    });
  });
}

import type { z } from 'zod';
import { invalid } from '../../domain/shared/app-error.ts';
import { revokeUserSessions } from '../../store/access/sessions.repository.ts';
import { updateUserPassword } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { changePasswordSchema } from './account.schema.ts';
import { hashPassword } from './password.ts';
import { assertPasswordAllowed } from './password-policy.ts';
import { signedInUser, verifyCurrentPassword } from './reauthenticate.ts';
import type { Actor } from './sessions.ts';

/**
 * Changes the signed-in user's password (the current one is required, ASVS 2.1.6) and signs out
 * every other session, since whoever knew the old password may hold one (ASVS 3.3.3).
 */
export async function changePassword(
  database: Database,
  actor: Actor,
  input: z.output<typeof changePasswordSchema> & { ip: string },
): Promise<{ otherSessionsEnded: number }> {
  const row = await signedInUser(database, actor);
  await verifyCurrentPassword(database, row, input.currentPassword, {
    field: 'currentPassword',
    ip: input.ip,
  });
  if (input.newPassword === input.currentPassword)
    throw invalid('newPassword', 'must differ from your current password');
  await assertPasswordAllowed(input.newPassword, row.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return database.db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    await updateUserPassword(tx, row.id, passwordHash, now);
    const ended = await revokeUserSessions(tx, row.id, actor.sessionId ?? null, now);
    await appendAudit(tx, {
      processId: null,
      actorId: row.id,
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: row.id,
      detail: { ip: input.ip, otherSessionsEnded: ended },
    });
    return { otherSessionsEnded: ended };
  });
}

import type { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.ts';
import {
  type ApiTokenRow,
  listLiveApiTokens,
  revokeUserApiToken,
} from '../../store/access/sessions.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import type { newApiTokenSchema } from './account.schema.ts';
import { signedInUser } from './reauthenticate.ts';
import { type Actor, createApiToken } from './sessions.ts';

/** Enough for every script a person runs; a limit keeps a runaway loop from minting thousands. */
export const MAX_LIVE_TOKENS = 50;

/** An API token as its owner sees it: never the secret, which is shown once at creation. */
export interface ApiTokenView {
  id: string;
  name: string;
  scope: 'read' | 'write';
  createdAt: string;
  lastUsedAt: string | null;
}

const present = (row: ApiTokenRow): ApiTokenView => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** The user's tokens that still work, newest first. */
export async function listMyApiTokens(database: Database, actor: Actor): Promise<ApiTokenView[]> {
  return (await listLiveApiTokens(database.db, actor.user.id)).map(present);
}

/** Creates a token for the signed-in user; the secret is in the answer and nowhere else. */
export async function createMyApiToken(
  database: Database,
  actor: Actor,
  input: z.output<typeof newApiTokenSchema>,
): Promise<{ token: ApiTokenView; secret: string }> {
  const row = await signedInUser(database, actor);
  const live = await listLiveApiTokens(database.db, row.id);
  if (live.length >= MAX_LIVE_TOKENS) {
    throw new AppError(
      'conflict',
      `you have ${live.length} API tokens, the most allowed; revoke the ones you no longer use first`,
    );
  }
  const created = await createApiToken(database, { userId: row.id, name: input.name, scope: input.scope });
  return {
    token: {
      id: created.id,
      name: input.name,
      scope: input.scope,
      createdAt: created.createdAt,
      lastUsedAt: null,
    },
    secret: created.token,
  };
}

/** Revokes one of the user's tokens at once; any script still using it gets 401 from then on. */
export async function revokeApiToken(database: Database, userId: string, tokenId: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const revoked = await revokeUserApiToken(tx, userId, tokenId, new Date().toISOString());
    if (!revoked) throw new AppError('not_found', `you have no live API token ${tokenId}`);
    await appendAudit(tx, {
      processId: null,
      actorId: userId,
      action: 'token.revoke',
      subjectType: 'api_token',
      subjectId: tokenId,
      detail: { name: revoked.name, scope: revoked.scope },
    });
  });
}

/** Revokes a token of the signed-in user. */
export async function revokeMyApiToken(database: Database, actor: Actor, tokenId: string): Promise<void> {
  const row = await signedInUser(database, actor);
  await revokeApiToken(database, row.id, tokenId);
}

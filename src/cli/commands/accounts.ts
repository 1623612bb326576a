import type { Command } from 'commander';
import { validationError } from '../../server/http/route.ts';
import { newUserSchema } from '../../services/access/account.schema.ts';
import { revokeApiToken } from '../../services/access/api-tokens.ts';
import { createUser } from '../../services/access/create-user.ts';
import { createApiToken } from '../../services/access/sessions.ts';
import { listLiveApiTokens } from '../../store/access/sessions.repository.ts';
import { actorByEmail, readStdin, withDatabase } from '../context.ts';

/** `entente user add` and `entente token create | list | revoke`. */
export function registerAccounts(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account; the password is read from standard input')
    .requiredOption('--email <email>', 'e-mail address used to sign in')
    .option('--name <name>', 'display name (defaults to the part before @)')
    .option('--password-stdin', 'read the password from standard input (required)')
    .option('--admin', 'make the user an instance administrator')
    .action(async (opts: { email: string; name?: string; passwordStdin?: boolean; admin?: boolean }) => {
      if (!opts.passwordStdin)
        throw new Error(
          'pass --password-stdin and pipe the password in, e.g. echo "$PW" | entente user add …',
        );
      const password = (await readStdin()).replace(/\r?\n$/, '');
      const parsed = newUserSchema.safeParse({
        email: opts.email,
        name: opts.name ?? opts.email.split('@')[0] ?? opts.email,
        password,
        isAdmin: opts.admin ?? false,
      });
      if (!parsed.success) throw validationError(parsed.error, 'user');
      await withDatabase(async (database) => {
        const created = await createUser(database, parsed.data);
        console.log(`created ${created.isAdmin ? 'admin ' : ''}user ${created.email} (${created.id})`);
      });
    });

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for scripts (printed once)')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--read-only', 'the token may read but never change anything')
    .action(async (opts: { email: string; name: string; readOnly?: boolean }) => {
      await withDatabase(async (database) => {
        const actor = await actorByEmail(database, opts.email);
        const created = await createApiToken(database, {
          userId: actor.user.id,
          name: opts.name,
          scope: opts.readOnly ? 'read' : 'write',
        });
        console.log(created.token);
      });
    });
  token
    .command('list')
    .description("list a user's API tokens that still work (never their secrets)")
    .requiredOption('--email <email>', 'whose tokens')
    .action(async (opts: { email: string }) => {
      await withDatabase(async (database) => {
        const actor = await actorByEmail(database, opts.email);
        const tokens = await listLiveApiTokens(database.db, actor.user.id);
        if (tokens.length === 0) console.log(`${actor.user.email} has no API tokens`);
        for (const t of tokens) {
          const used = t.last_used_at ? `last used ${t.last_used_at}` : 'never used';
          console.log(`${t.id}  ${t.scope === 'read' ? 'read-only ' : 'read-write'}  ${t.name}  (${used})`);
        }
      });
    });
  token
    .command('revoke')
    .description('revoke an API token at once; scripts using it get 401 from then on')
    .argument('<token-id>', 'the tok_… id shown by "entente token list"')
    .requiredOption('--email <email>', 'the user the token belongs to')
    .action(async (tokenId: string, opts: { email: string }) => {
      await withDatabase(async (database) => {
        const actor = await actorByEmail(database, opts.email);
        await revokeApiToken(database, actor.user.id, tokenId);
        console.log(`revoked ${tokenId}`);
      });
    });
}

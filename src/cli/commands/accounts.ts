import type { Command } from 'commander';
import { validationError } from '../../server/http/route.ts';
import { newUserSchema } from '../../services/access/account.schema.ts';
import { createUser } from '../../services/access/create-user.ts';
import { createApiToken } from '../../services/access/sessions.ts';
import { actorByEmail, readStdin, withDatabase } from '../context.ts';

/** `entente user add` and `entente token create`. */
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
}

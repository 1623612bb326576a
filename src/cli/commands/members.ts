import type { Command } from 'commander';
import { ROLES } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { validationError } from '../../server/http/route.ts';
import { addMember } from '../../services/processes/add-member.ts';
import { newMemberSchema } from '../../services/processes/process.schema.ts';
import { findPartyByCode } from '../../store/processes/processes.repository.ts';
import { actorByEmail, withDatabase } from '../context.ts';

/** `entente member add`: give an account a party and a role in a process. */
export function registerMembers(program: Command): void {
  program
    .command('member')
    .description('manage who belongs to a process')
    .command('add')
    .description('make an existing account a member of one party of a process')
    .requiredOption('--process <id>', 'the process (prc_…)')
    .requiredOption('--email <email>', 'the account to add')
    .requiredOption('--party <code>', 'the party code, e.g. VEL')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--as <email>', 'a mediator of the process, recorded as the one who added the member')
    .action(async (opts: { process: string; email: string; party: string; role: string; as: string }) => {
      await withDatabase(async (database) => {
        const party = await findPartyByCode(database.db, opts.process, opts.party.toUpperCase());
        if (!party)
          throw new AppError('not_found', `process ${opts.process} has no party with code ${opts.party}`);
        const parsed = newMemberSchema.safeParse({ email: opts.email, partyId: party.id, role: opts.role });
        if (!parsed.success) throw validationError(parsed.error, 'member');
        const member = await addMember(
          database,
          await actorByEmail(database, opts.as),
          opts.process,
          parsed.data,
        );
        console.log(`${member.email} is now ${member.role} for ${party.name} (${party.code})`);
      });
    });
}

import type { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.ts';
import { findUserByEmail } from '../../store/access/users.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  findMembership,
  findParty,
  findProcess,
  insertMembership,
} from '../../store/processes/processes.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { processNotFound } from './add-party.ts';
import type { newMemberSchema } from './process.schema.ts';

/** Makes an existing account a member of one party of the process, with a role (mediators only). */
export async function addMember(
  database: Database,
  actor: Actor,
  processId: string,
  input: z.output<typeof newMemberSchema>,
) {
  const added = database.db.transaction().execute(async (tx) => {
    if (!(await findProcess(tx, processId))) throw processNotFound(processId);
    authorize(await viewerIn(tx, actor, processId), 'process.manage', () => processNotFound(processId));
    const user = await findUserByEmail(tx, input.email);
    if (!user) {
      throw new AppError(
        'not_found',
        `no account with e-mail ${input.email}; an administrator creates it first`,
        {
          problems: [{ field: 'email', reason: 'has no account' }],
        },
      );
    }
    const party = await findParty(tx, processId, input.partyId);
    if (!party) {
      throw new AppError('not_found', `party ${input.partyId} is not part of this process`, {
        problems: [{ field: 'partyId', reason: 'is not a party of this process' }],
      });
    }
    // The mediator team is the one party whose members hold the draft: a mediator elsewhere would
    // hand a party every unreleased text, and any other role in the team would see nothing.
    if ((input.role === 'mediator') !== (party.kind === 'mediator')) {
      const reason =
        input.role === 'mediator'
          ? `only members of the mediator team can be mediators; ${party.name} is a negotiating party`
          : `${party.name} is the mediator team: its members are mediators`;
      throw new AppError('validation.failed', `invalid request: role ${reason}`, {
        problems: [{ field: 'role', reason }],
      });
    }
    if (await findMembership(tx, processId, user.id)) throw alreadyMember(input.email);
    const row = {
      process_id: processId,
      user_id: user.id,
      party_id: party.id,
      role: input.role,
      created_at: new Date().toISOString(),
    };
    await insertMembership(tx, row);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'member.add',
      subjectType: 'user',
      subjectId: user.id,
      detail: { email: user.email, party: party.code, role: input.role },
    });
    return { userId: user.id, name: user.name, email: user.email, partyId: party.id, role: input.role };
  });
  const member = await added.catch((error: unknown) => {
    if (isUniqueViolation(error)) throw alreadyMember(input.email);
    throw error;
  });
  await publishLiveEvent(database, { type: 'membership.changed', processId });
  return member;
}

// A user belongs to one party per process: moving them is a separate, deliberate act.
const alreadyMember = (email: string) =>
  new AppError('conflict', `${email} is already a member of this process`, {
    problems: [{ field: 'email', reason: 'is already a member of this process' }],
  });

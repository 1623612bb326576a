import type { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  findPartyByCode,
  findProcess,
  insertParty,
  listParties,
} from '../../store/processes/processes.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import type { newPartySchema } from './process.schema.ts';

const processNotFound = (id: string) =>
  new AppError('process.not_found', `process ${id} does not exist or is not shared with you`);

/** Adds a party to a process (mediators only); party codes are unique within a process. */
export async function addParty(
  database: Database,
  actor: Actor,
  processId: string,
  input: z.output<typeof newPartySchema>,
) {
  const added = database.db.transaction().execute(async (tx) => {
    if (!(await findProcess(tx, processId))) throw processNotFound(processId);
    authorize(await viewerIn(tx, actor, processId), 'process.manage', () => processNotFound(processId));
    const code = input.code.toUpperCase();
    if (await findPartyByCode(tx, processId, code)) {
      throw new AppError('conflict', `a party with code ${code} already exists in this process`, {
        problems: [{ field: 'code', reason: 'is already used by another party' }],
      });
    }
    // One mediator team per process: the policies give every mediator-kind member the draft.
    if (input.kind === 'mediator' && (await listParties(tx, processId)).some((p) => p.kind === 'mediator')) {
      throw new AppError('conflict', 'this process already has its mediator team; add mediators to it', {
        problems: [{ field: 'kind', reason: 'a process has one mediator team' }],
      });
    }
    const party = {
      id: newId('pty'),
      process_id: processId,
      ...input,
      code,
      colour: input.colour.toLowerCase(),
      created_at: new Date().toISOString(),
    };
    await insertParty(tx, party);
    await appendAudit(tx, {
      processId,
      actorId: actor.user.id,
      action: 'party.create',
      subjectType: 'party',
      subjectId: party.id,
      detail: { name: party.name, code },
    });
    return party;
  });
  // Two mediators adding the same code at once: the unique index decides, the loser is told why.
  return added.catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError('conflict', 'a party with this code was just added to this process', {
      problems: [{ field: 'code', reason: 'is already used by another party' }],
    });
  });
}

export { processNotFound };

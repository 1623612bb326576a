import type { z } from 'zod';
import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertMembership, insertParty, insertProcess } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Actor } from '../access/sessions.ts';
import type { newProcessSchema } from './process.schema.ts';

/** Opens a negotiation; its creator becomes a mediator in a new "Mediation team" party. */
export async function createProcess(
  database: Database,
  actor: Actor,
  input: z.output<typeof newProcessSchema>,
) {
  return database.db.transaction().execute((tx) => insertNewProcess(tx, actor, input));
}

/** The transactional body of createProcess, for callers that already hold a transaction. */
export async function insertNewProcess(tx: Tx, actor: Actor, input: z.output<typeof newProcessSchema>) {
  // No process exists yet for a policy to ask about, so the read-only check is made here.
  if (!actor.canWrite) throw new AppError('auth.forbidden', 'this API token is read-only');
  const now = new Date().toISOString();
  const process = {
    id: newId('prc'),
    title: input.title,
    description: input.description,
    created_at: now,
    created_by: actor.user.id,
  };
  const party = {
    id: newId('pty'),
    process_id: process.id,
    name: 'Mediation team',
    code: 'MED',
    kind: 'mediator',
    colour: '#1f3a5f',
    created_at: now,
  };
  await insertProcess(tx, process);
  await insertParty(tx, party);
  await insertMembership(tx, {
    process_id: process.id,
    user_id: actor.user.id,
    party_id: party.id,
    role: 'mediator',
    created_at: now,
  });
  await appendAudit(tx, {
    processId: process.id,
    actorId: actor.user.id,
    action: 'process.create',
    subjectType: 'process',
    subjectId: process.id,
    detail: { title: process.title },
  });
  return { process, mediatorParty: party };
}

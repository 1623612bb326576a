import { z } from 'zod';
import { addMember } from '../../services/processes/add-member.ts';
import { addParty } from '../../services/processes/add-party.ts';
import { createProcess } from '../../services/processes/create-process.ts';
import { getProcessOverview } from '../../services/processes/get-process-overview.ts';
import { listProcesses } from '../../services/processes/list-processes.ts';
import {
  newMemberSchema,
  newPartySchema,
  newProcessSchema,
} from '../../services/processes/process.schema.ts';
import { defineRoute } from '../http/route.ts';

export const processParams = z.strictObject({ processId: z.string().min(1).max(64) });

export const processRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes',
    summary: 'Processes you are a member of',
    tag: 'processes',
    access: 'user',
    async handler({ database, actor }) {
      return { items: await listProcesses(database, actor) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes',
    summary: 'Open a new process; you become its mediator',
    tag: 'processes',
    access: 'user',
    body: newProcessSchema,
    status: 201,
    async handler({ database, actor, body }) {
      const { process } = await createProcess(database, actor, body);
      return {
        process: {
          id: process.id,
          title: process.title,
          description: process.description,
          createdAt: process.created_at,
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId',
    summary: 'A process with its parties, members and plans',
    tag: 'processes',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    async handler({ database, actor, params }) {
      return getProcessOverview(database, actor, params.processId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/parties',
    summary: 'Add a party to a process',
    tag: 'processes',
    access: 'user',
    policy: 'process.manage',
    params: processParams,
    body: newPartySchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      const p = await addParty(database, actor, params.processId, body);
      return {
        party: { id: p.id, name: p.name, code: p.code, kind: p.kind, colour: p.colour, memberCount: 0 },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/members',
    summary: 'Make an existing account a member of one party of the process, with a role',
    tag: 'processes',
    access: 'user',
    policy: 'process.manage',
    params: processParams,
    body: newMemberSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      return { member: await addMember(database, actor, params.processId, body) };
    },
  }),
];

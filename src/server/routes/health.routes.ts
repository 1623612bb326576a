import { sql } from 'kysely';
import { defineRoute } from '../http/route.ts';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/ping',
    summary: 'Bare liveness: answers without touching the database (load balancers, benchmark baseline)',
    tag: 'system',
    access: 'public',
    async handler() {
      return { status: 'ok' };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    tag: 'system',
    access: 'public',
    async handler({ database }) {
      await sql`select 1`.execute(database.db);
      return { status: 'ok', database: database.dialect };
    },
  }),
];

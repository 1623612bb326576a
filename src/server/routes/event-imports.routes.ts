import {
  EVENT_IMPORT_LIMIT,
  eventImportQuerySchema,
} from '../../services/monitoring/event-imports/event-import.schema.ts';
import { importEvents } from '../../services/monitoring/event-imports/import-events.ts';
import { listEventImports } from '../../services/monitoring/event-imports/list-event-imports.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';
import { streamedBody } from '../http/stream-body.ts';
import { processParams } from './processes.routes.ts';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const eventImportsRoutes: RouteDef<any, any, any>[] = [
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/event-imports',
    summary:
      'Import event reports from a CSV file (the body, text/csv, up to 100 MiB): all or nothing, a report of problems by line',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.import',
    params: processParams,
    query: eventImportQuerySchema,
    streamBody: { limit: EVENT_IMPORT_LIMIT },
    responseDescription:
      '{ ok, dryRun, importId, headers, mapping, rowsTotal, imported, duplicates, rejected, problems }',
    async handler({ database, actor, params, query, body }) {
      return importEvents(database, actor, params.processId, streamedBody(body), query);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/event-imports',
    summary: 'The CSV imports of the process, newest first (the mission’s; empty for other members)',
    tag: 'monitoring',
    access: 'user',
    policy: 'process.read',
    params: processParams,
    async handler({ database, actor, params }) {
      return listEventImports(database, actor, params.processId);
    },
  }),
];

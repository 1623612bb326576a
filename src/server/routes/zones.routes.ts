import { agreementParams } from '../../services/monitoring/agreements/agreement.schema.ts';
import { deleteZone } from '../../services/monitoring/zones/delete-zone.ts';
import { importZones } from '../../services/monitoring/zones/import-zones.ts';
import { listZones } from '../../services/monitoring/zones/list-zones.ts';
import {
  ZONE_BODY_LIMIT,
  zoneImportSchema,
  zoneParams,
} from '../../services/monitoring/zones/zone.schema.ts';
import { defineRoute, type RouteDef } from '../http/route.ts';

const agreementZones = '/api/v1/processes/:processId/agreements/:agreementId/zones';

// biome-ignore lint/suspicious/noExplicitAny: routes differ in their parameter types; each is checked where defined.
export const zonesRoutes: RouteDef<any, any, any>[] = [
  defineRoute({
    method: 'GET',
    path: agreementZones,
    summary: 'The zones of an agreement (lines of contact, buffer zones, areas to vacate) as GeoJSON',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.read',
    params: agreementParams,
    async handler({ database, actor, params }) {
      return listZones(database, actor, params.processId, params.agreementId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: agreementZones,
    summary:
      'Import zones from GeoJSON, measured in km²/km: all features, or none with the problems by feature',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.import',
    params: agreementParams,
    body: zoneImportSchema,
    bodyLimit: ZONE_BODY_LIMIT,
    async handler({ database, actor, params, body }) {
      return importZones(database, actor, params.processId, params.agreementId, body);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/processes/:processId/zones/:zoneId',
    summary: 'Delete a zone',
    tag: 'monitoring',
    access: 'user',
    policy: 'monitoring.import',
    params: zoneParams,
    status: 204,
    async handler({ database, actor, params }) {
      await deleteZone(database, actor, params.processId, params.zoneId);
      return null;
    },
  }),
];

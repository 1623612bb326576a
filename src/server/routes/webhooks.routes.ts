import { createWebhook } from '../../services/monitoring/webhooks/create-webhook.ts';
import { removeWebhook } from '../../services/monitoring/webhooks/delete-webhook.ts';
import {
  listProcessWebhooks,
  listWebhookDeliveries,
} from '../../services/monitoring/webhooks/list-webhooks.ts';
import { testWebhook } from '../../services/monitoring/webhooks/test-webhook.ts';
import { newWebhookSchema, webhookParams } from '../../services/monitoring/webhooks/webhook.schema.ts';
import { defineRoute } from '../http/route.ts';
import { processParams } from './processes.routes.ts';

export const webhooksRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/webhooks',
    summary: 'Outgoing webhooks of the process (mediator team); their secrets are never shown again',
    tag: 'monitoring',
    access: 'user',
    policy: 'webhook.manage',
    params: processParams,
    async handler({ database, actor, params }) {
      return listProcessWebhooks(database, actor, params.processId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/webhooks',
    summary: 'Register a webhook for commitment events; the answer holds its signing secret, shown this once',
    tag: 'monitoring',
    access: 'user',
    policy: 'webhook.manage',
    params: processParams,
    body: newWebhookSchema,
    status: 201,
    responseDescription:
      '{ webhook, secret }. Deliveries are POSTed as JSON with the header ' +
      'Entente-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed with the secret>; ' +
      'refuse signatures older than 5 minutes and ignore repeated event ids.',
    async handler({ database, actor, params, body }) {
      return createWebhook(database, actor, params.processId, body);
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/processes/:processId/webhooks/:webhookId',
    summary: 'Remove a webhook: nothing more is sent to it, retries included',
    tag: 'monitoring',
    access: 'user',
    policy: 'webhook.manage',
    params: webhookParams,
    status: 204,
    async handler({ database, actor, params }) {
      await removeWebhook(database, actor, params.processId, params.webhookId);
      return null;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/processes/:processId/webhooks/:webhookId/deliveries',
    summary: "A webhook's latest deliveries (newest first) with attempts, answers and errors",
    tag: 'monitoring',
    access: 'user',
    policy: 'webhook.manage',
    params: webhookParams,
    async handler({ database, actor, params }) {
      return listWebhookDeliveries(database, actor, params.processId, params.webhookId);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/processes/:processId/webhooks/:webhookId/test',
    summary: 'Send a signed test event to a webhook now and say how it went (retried if it failed)',
    tag: 'monitoring',
    access: 'user',
    policy: 'webhook.manage',
    params: webhookParams,
    async handler({ database, actor, params }) {
      return testWebhook(database, actor, params.processId, params.webhookId);
    },
  }),
];

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError } from '../domain/shared/app-error.ts';
import type { Actor } from '../services/access/sessions.ts';
import {
  type AlertSettings,
  startMonitoringAlerts,
} from '../services/monitoring/webhooks/monitoring-alerts.ts';
import type { Database } from '../store/database.ts';
import { registerApiDocs } from './http/api-docs.ts';
import { authenticate } from './http/authenticate.ts';
import { type LiveStreamSettings, openLiveStreams } from './http/live-streams.ts';
import { openApiDocument } from './http/openapi.ts';
import { sendProblem, toAppError } from './http/problem.ts';
import { parsePart } from './http/route.ts';
import { applySecurityHeaders } from './http/security-headers.ts';
import { closeIfBodyUnread, STREAM_MEDIA_TYPES, streamBodyParser } from './http/stream-body.ts';
import { ROUTES } from './routes/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = join(ROOT, 'dist/web');
const VERSION = '0.1.0';

export interface AppOptions {
  database: Database;
  /** Log requests (off in tests and benchmarks). */
  logger?: boolean;
  /** Serve the built web client from dist/web when it exists. */
  serveWeb?: boolean;
  /** Limits and timings of the live-update streams (defaults suit production; tests shorten them). */
  live?: Partial<LiveStreamSettings>;
  /** The commitment status watcher and webhook delivery worker (intervals, timeouts; off with enabled: false). */
  alerts?: Partial<AlertSettings>;
}

/** Builds the HTTP app: API routes from the route table, docs, and the web client. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    // Errors the router raises before any route runs (a malformed %-escape in the path) would
    // otherwise get Fastify's own JSON shape instead of a problem document.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        reply,
        new AppError('validation.failed', 'the URL is not valid: check its %-escapes', {
          problems: [{ field: 'url', reason: error.message.replace(/^'.*' /, '') }],
        }),
        request.url.split('?')[0] ?? request.url,
      ),
  });
  await app.register(fastifyCookie);

  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(reply);
    closeIfBodyUnread(request, reply);
    return payload;
  });
  // CSV uploads reach the routes that stream them unparsed; others refuse them as before (415).
  app.addContentTypeParser(STREAM_MEDIA_TYPES, streamBodyParser);

  // Open streams would keep the server from closing: they end before it does (preClose).
  const live = await openLiveStreams(database, {
    settings: options.live,
    onError: (error, context) => app.log.warn({ err: error }, context),
  });
  app.addHook('preClose', () => live.close());
  const alerts = startMonitoringAlerts(database, {
    ...options.alerts,
    onError: (error, context) => app.log.warn({ err: error }, context),
  });
  app.addHook('preClose', () => alerts.stop());

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error(error);
    return sendProblem(reply, appError, request.url.split('?')[0] ?? request.url);
  });

  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      bodyLimit: route.bodyLimit,
      config: { streamBody: route.streamBody },
      handler: async (request, reply) => {
        const actor: Actor | null = route.access === 'public' ? null : await authenticate(database, request);
        const params = parsePart(route.params, request.params, 'params');
        const query = parsePart(route.query, request.query, 'query');
        const body = parsePart(route.body, request.body, 'body', route.opaqueBodyFields);
        const result = await route.handler({
          actor: actor as Actor,
          params,
          query,
          body,
          database,
          live,
          request,
          reply,
        });
        // A streaming route (live events) has taken over the raw response.
        if (reply.sent) return reply;
        reply.status(route.status ?? 200);
        if (route.status === 204) return reply.send();
        return result;
      },
    });
  }

  const doc = openApiDocument(ROUTES, VERSION);
  app.get('/api/openapi.json', async () => doc);
  await registerApiDocs(app);

  app.setNotFoundHandler((request, reply) => {
    if (
      request.url.startsWith('/api/') ||
      request.method !== 'GET' ||
      !options.serveWeb ||
      !existsSync(WEB_DIST)
    ) {
      return sendProblem(
        reply,
        new AppError('not_found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`),
        request.url,
      );
    }
    // Client-side routes: every other GET gets the app shell.
    return reply.type('text/html; charset=utf-8').sendFile('index.html', WEB_DIST);
  });

  if (options.serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      index: ['index.html'],
      wildcard: false,
    });
  }
  return app;
}

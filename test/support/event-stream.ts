import { get, type IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import { buildApp } from '../../src/server/app.ts';
import type { LiveStreamSettings } from '../../src/server/http/live-streams.ts';
import type { Database } from '../../src/store/database.ts';

/** One server-sent event as the browser's EventSource would dispatch it. */
export interface SseMessage {
  id: string | undefined;
  data: string;
}

/**
 * A client of a real event stream over HTTP (`app.inject` cannot hold a response open). It parses
 * the text/event-stream format (data, id, retry and comment lines; the `event` field is unused).
 */
export interface EventStreamClient {
  status: number;
  headers: Headers;
  /** The body of a refused request (a problem document). */
  body: string;
  messages: SseMessage[];
  comments: string[];
  retry: number | null;
  /** The next message after the last one taken that matches, within `timeoutMs`. */
  next(
    match?: (event: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves once the server has ended the stream, or rejects after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<void>;
  /** Resolves once a comment containing `text` arrived, or rejects after `timeoutMs`. */
  comment(text: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

const open = new Set<EventStreamClient>();

/** Closes every stream a test opened (afterEach), so that a failed test leaves nothing behind. */
export function closeAllStreams(): void {
  for (const client of open) client.close();
}

/** Waits until `check` holds, polling, or throws after `timeoutMs` naming what was awaited. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Opens `url` as an event stream with the given headers (cookie or bearer). It uses node:http on a
 * connection of its own rather than fetch: undici pools and pre-opens sockets, and an aborted
 * stream left an idle, request-less connection behind that kept `app.close()` waiting.
 */
export async function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStreamClient> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false }, resolve);
    req.on('error', reject);
  });
  let done = false;
  let taken = 0;
  const client: EventStreamClient = {
    status: res.statusCode ?? 0,
    headers: new Headers(
      Object.entries(res.headers).flatMap(([k, v]) =>
        v === undefined ? [] : [[k, String(v)] as [string, string]],
      ),
    ),
    body: '',
    messages: [],
    comments: [],
    retry: null,
    async next(match = () => true, timeoutMs = 5000) {
      let found: Record<string, unknown> | undefined;
      await waitFor(
        `a matching event (received: ${client.messages.map((m) => m.data).join(' | ') || 'none'})`,
        () => {
          while (taken < client.messages.length) {
            const event = JSON.parse(client.messages[taken++]?.data ?? 'null') as Record<string, unknown>;
            if (match(event)) {
              found = event;
              return true;
            }
          }
          return false;
        },
        timeoutMs,
      );
      return found as Record<string, unknown>;
    },
    ended: (timeoutMs = 5000) => waitFor('the stream to end', () => done, timeoutMs),
    comment: (text, timeoutMs = 5000) =>
      waitFor(`a comment "${text}"`, () => client.comments.some((c) => c.includes(text)), timeoutMs),
    close() {
      open.delete(client);
      res.destroy();
    },
  };
  res.setEncoding('utf8');
  const finish = () => {
    done = true;
    open.delete(client);
  };
  res.on('close', finish);
  res.on('error', finish);
  if (client.status !== 200) {
    for await (const chunk of res) client.body += chunk;
    return client;
  }
  open.add(client);
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;
  res.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) client.messages.push({ id, data: data.join('\n') });
        data = [];
      } else if (line.startsWith(':')) {
        client.comments.push(line.slice(1).trim());
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
        else if (field === 'retry') client.retry = Number(value);
      }
    }
  });
  return client;
}

/** An app instance listening on a loopback port of its own. */
export interface Instance {
  app: FastifyInstance;
  url: string;
}

/** Builds an app on `database` and starts it on 127.0.0.1 with an ephemeral port. */
export async function startInstance(
  database: Database,
  live: Partial<LiveStreamSettings> = {},
): Promise<Instance> {
  const app = await buildApp({ database, serveWeb: false, live });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

/**
 * A listening instance on the suite's database for the tests of one block (short heartbeats so
 * streams notice closing quickly), every stream closed after each test, the instance at the end.
 */
export function liveInstanceForTests(database: () => Database): () => Instance {
  let instance: Instance | undefined;
  beforeAll(async () => {
    instance = await startInstance(database(), { heartbeatMs: 150 });
  });
  afterEach(() => closeAllStreams());
  afterAll(async () => {
    await instance?.app.close();
  });
  return () => {
    if (!instance) throw new Error('the live instance is not started yet');
    return instance;
  };
}

/** Signs `email` in over HTTP and opens their live-event stream of one process. */
export async function openProcessStream(
  instance: Instance,
  processId: string,
  email: string,
): Promise<EventStreamClient> {
  const user = await signInOverHttp(instance.url, email);
  return openEventStream(`${instance.url}/api/v1/processes/${processId}/events`, { cookie: user.cookie });
}

/** A user signed in over real HTTP: the cookie, and JSON requests that carry it and the CSRF header. */
export interface HttpUser {
  cookie: string;
  get(path: string): Promise<Response>;
  send(method: 'POST' | 'PATCH', path: string, body?: unknown): Promise<Response>;
}

export async function signInOverHttp(
  base: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<HttpUser> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('entente_session='));
  if (!cookie) throw new Error('no session cookie');
  const headers = { cookie, 'x-entente-csrf': '1' };
  return {
    cookie,
    get: (path) => fetch(`${base}${path}`, { headers }),
    send: (method, path, body = {}) =>
      fetch(`${base}${path}`, {
        method,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

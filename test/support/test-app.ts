import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import { buildApp } from '../../src/server/app.ts';
import { createUser } from '../../src/services/access/create-user.ts';
import { type LoadedDemo, loadDemoIfEmpty } from '../../src/services/demo/load-demo.ts';
import type { Database } from '../../src/store/database.ts';
import { createTestDatabase, type DialectName } from './databases.ts';

/** A signed-in client: every request carries the session cookie and the CSRF header. */
export interface Client {
  email: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  demo: LoadedDemo;
  /** Signs in (demo users by default use the demo password). */
  signIn(email: string, password?: string): Promise<Client>;
  /** Creates a fresh user with no memberships and signs in as them. */
  outsider(): Promise<Client>;
}

let outsiderCount = 0;

/** Builds the app on a fresh database of `dialect` with the demo loaded, for the suite it is called in. */
export function useTestApp(dialect: DialectName): () => TestApp {
  let ctx: TestApp | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase(dialect);
    drop = created.drop;
    const database = created.database;
    const demo = await loadDemoIfEmpty(database);
    if (!demo) throw new Error('demo did not load into a fresh database');
    const app = await buildApp({ database, serveWeb: false });
    const signIn = async (email: string, password = DEMO_PASSWORD): Promise<Client> => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password },
      });
      if (res.statusCode !== 200)
        throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'entente_session');
      if (!cookie) throw new Error('no session cookie');
      const request = (o: InjectOptions) =>
        app.inject({
          ...o,
          headers: { cookie: `entente_session=${cookie.value}`, 'x-entente-csrf': '1', ...(o.headers ?? {}) },
        });
      return {
        email,
        request,
        get: (url) => request({ method: 'GET', url }),
        post: (url, payload) =>
          request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
        patch: (url, payload) =>
          request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
      };
    };
    const outsider = async () => {
      const email = `outsider${++outsiderCount}@example.org`;
      await createUser(database, {
        email,
        name: 'Outsider',
        password: 'a long outsider password',
        isAdmin: false,
      });
      return signIn(email, 'a long outsider password');
    };
    ctx = { app, database, demo, signIn, outsider };
  });
  afterAll(async () => {
    await ctx?.app.close();
    await drop?.();
  });
  return () => {
    if (!ctx) throw new Error('test app not ready');
    return ctx;
  };
}

import { DEMO_PASSWORD } from '../../src/demo/demo-process.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import { openSession } from '../../src/services/access/sessions.ts';
import { findUserByEmail, insertUser } from '../../src/store/access/users.repository.ts';
import { type DatabaseConfig, openDatabase } from '../../src/store/database.ts';

/**
 * The people behind the bench's streams: the demo accounts plus bench accounts made members of
 * the demo process, each with one session. The server allows each user a few streams (tabs,
 * devices), so 500 streams need about fifty people; rather than lift that limit, the bench brings
 * the people, as a large delegation would. The demo accounts sign in over HTTP; the bench's own
 * get their session written with their account.
 */
export interface Account {
  email: string;
  role: Role;
  cookie: string;
}

export interface Fixture {
  processId: string;
  planId: string;
  /** The mediator who writes (envoy@envoy.example). */
  writer: Account;
  mediators: Account[];
  /** Delegates, the observer and the monitor: no draft event may reach them. */
  others: Account[];
}

const DEMO_MEDIATORS = ['envoy@envoy.example', 'drafting@envoy.example'];
const DEMO_OTHERS: [string, Role][] = [
  ['lead@veloria.example', 'delegate'],
  ['legal@veloria.example', 'delegate'],
  ['lead@karst.example', 'delegate'],
  ['military@karst.example', 'delegate'],
  ['observer@bcc.example', 'observer'],
  ['monitor@ccv.example', 'monitor'],
];

export async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('entente_session='));
  if (!cookie) throw new Error(`no session cookie for ${email}`);
  return cookie;
}

async function getJson<T>(base: string, path: string, cookie: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Accounts with the demo's password hash, written straight to the database with a session each:
 * no HTTP route creates users, and signing each in would cost a scrypt hash (32 MiB, ~0.3 s on a
 * busy 2-core machine) that the live path never pays. Returns each account's session token.
 */
async function insertBenchUsers(config: DatabaseConfig, emails: string[]): Promise<Map<string, string>> {
  const database = openDatabase(config);
  try {
    const envoy = await findUserByEmail(database.db, 'envoy@envoy.example');
    if (!envoy) throw new Error('the demo was not loaded');
    const now = new Date();
    const at = now.toISOString();
    return await database.db.transaction().execute(async (tx) => {
      const tokens = new Map<string, string>();
      for (const email of emails) {
        const id = newId('usr');
        await insertUser(tx, {
          id,
          email,
          name: email.split('@')[0] ?? email,
          password_hash: envoy.password_hash,
          is_admin: 0,
          created_at: at,
          disabled_at: null,
          password_changed_at: at,
        });
        tokens.set(email, (await openSession(tx, id, 'entente live bench', now)).token);
      }
      return tokens;
    });
  } finally {
    await database.close();
  }
}

/**
 * Runs `task` over `items`, `limit` at a time. On a failure no new item starts, but the ones under
 * way finish before it is thrown, so that nothing they open is left behind by the caller's cleanup.
 */
export async function eachLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        results[i] = await task(items[i] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/**
 * Makes `mediators` + `others` accounts in the demo process (demo accounts first, bench accounts
 * for the rest: mediators in the mediator team, delegates alternately in Veloria and Karst), added
 * through the members API by the envoy, each with one session.
 */
export async function prepareFixture(
  base: string,
  config: DatabaseConfig,
  counts: { mediators: number; others: number },
): Promise<Fixture> {
  const writerCookie = await signIn(base, DEMO_MEDIATORS[0] as string);
  const processes = await getJson<{ items: { id: string }[] }>(base, '/api/v1/processes', writerCookie);
  const processId = processes.items[0]?.id;
  if (!processId) throw new Error('the demo process is missing');
  const overview = await getJson<{
    parties: { id: string; code: string }[];
    plans: { id: string }[];
  }>(base, `/api/v1/processes/${processId}`, writerCookie);
  const planId = overview.plans[0]?.id;
  const party = (code: string) => overview.parties.find((p) => p.code === code)?.id ?? '';
  if (!planId) throw new Error('the demo plan is missing');

  const mediatorEmails = Array.from(
    { length: counts.mediators },
    (_, i) => DEMO_MEDIATORS[i] ?? `bench-mediator-${i}@envoy.example`,
  );
  const others = Array.from({ length: counts.others }, (_, i): [string, Role] => {
    return DEMO_OTHERS[i] ?? [`bench-delegate-${i}@${i % 2 ? 'karst' : 'veloria'}.example`, 'delegate'];
  });
  const fresh = [
    ...mediatorEmails.filter((e) => !DEMO_MEDIATORS.includes(e)).map((e): [string, Role] => [e, 'mediator']),
    ...others.filter(([e]) => !DEMO_OTHERS.some(([d]) => d === e)),
  ];
  const tokens = await insertBenchUsers(
    config,
    fresh.map(([e]) => e),
  );
  for (const [email, role] of fresh) {
    const partyId = role === 'mediator' ? party('OSE') : party(email.includes('karst') ? 'KRF' : 'VEL');
    const res = await fetch(`${base}/api/v1/processes/${processId}/members`, {
      method: 'POST',
      headers: { cookie: writerCookie, 'content-type': 'application/json', 'x-entente-csrf': '1' },
      body: JSON.stringify({ email, partyId, role }),
    });
    if (res.status !== 201) throw new Error(`adding ${email}: ${res.status} ${await res.text()}`);
  }

  // The cookie's name as the server set it for the writer; bench accounts carry their session in it.
  const cookieName = writerCookie.slice(0, writerCookie.indexOf('='));
  // Demo accounts sign in for real; sign-ins hash (scrypt), so a few at a time.
  const account = async ([email, role]: [string, Role]): Promise<Account> => {
    const token = tokens.get(email);
    return { email, role, cookie: token ? `${cookieName}=${token}` : await signIn(base, email) };
  };
  return {
    processId,
    planId,
    writer: { email: DEMO_MEDIATORS[0] as string, role: 'mediator', cookie: writerCookie },
    mediators: await eachLimited(
      mediatorEmails.map((e): [string, Role] => [e, 'mediator']),
      4,
      account,
    ),
    others: await eachLimited(others, 4, account),
  };
}

import autocannon from 'autocannon';
import type { BenchRow, BenchTable } from './harness.ts';
import { withPostgresDatabase } from './postgres-database.ts';
import { type ServerProcess, startServer } from './server-process.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);

/** A 30-point plan in four areas, with sub-items: the size of a typical framework text. */
function thirtyPointPlan(): string {
  const lines = ['# Framework for a Durable Settlement', '', 'The parties agree as follows.', ''];
  for (let n = 1; n <= 30; n++) {
    if (n % 8 === 1) lines.push(`## Part ${Math.ceil(n / 8)}`, '');
    lines.push(
      `${n}. The parties shall carry out measure ${n} within ${n * 3} days of entry into force, under the supervision of the Joint Commission, and report on progress at each of its meetings.`,
    );
    if (n % 4 === 0) lines.push('', '   a. first phase;', '   b. second phase;', '   c. verification.');
    lines.push('');
  }
  return lines.join('\n');
}

async function signInAndImport(server: ServerProcess): Promise<{ cookie: string; planPath: string }> {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'envoy@envoy.example', password: 'entente-demo' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const processes = (await (
    await fetch(`${server.url}/api/v1/processes`, { headers: { cookie } })
  ).json()) as {
    items: { id: string }[];
  };
  const processId = processes.items[0]?.id;
  const imported = await fetch(`${server.url}/api/v1/processes/${processId}/plans/import`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-entente-csrf': '1' },
    body: JSON.stringify({ format: 'text', text: thirtyPointPlan() }),
  });
  const body = (await imported.json()) as { plan: { id: string; pointCount: number } };
  if (body.plan.pointCount !== 30) throw new Error(`expected 30 points, got ${body.plan.pointCount}`);
  return { cookie, planPath: `/api/v1/plans/${body.plan.id}` };
}

/**
 * A delegate's read of the newest version released to their party: the release check and the
 * audit entry that every read of a version writes are both on this path.
 */
async function delegateVersionRead(server: ServerProcess): Promise<{ cookie: string; path: string }> {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'lead@karst.example', password: 'entente-demo' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = async <T>(path: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as T;
  const processes = await get<{ items: { id: string }[] }>('/api/v1/processes');
  const overview = await get<{ plans: { id: string; latestVersion: { id: string } | null }[] }>(
    `/api/v1/processes/${processes.items[0]?.id}`,
  );
  const plan = overview.plans[0];
  if (!plan?.latestVersion) throw new Error('the demo released no version to Karst');
  return { cookie, path: `/api/v1/plans/${plan.id}/versions/${plan.latestVersion.id}` };
}

/** The positions matrix of the demo plan as the mediator reads it: every party's current stances. */
async function positionsMatrixPath(server: ServerProcess, cookie: string, importedPath: string) {
  const get = async <T>(path: string) =>
    (await (await fetch(`${server.url}${path}`, { headers: { cookie } })).json()) as T;
  const processes = await get<{ items: { id: string }[] }>('/api/v1/processes');
  const overview = await get<{ plans: { id: string; versionCount: number }[] }>(
    `/api/v1/processes/${processes.items[0]?.id}`,
  );
  const demo = overview.plans.find((p) => p.versionCount > 0 && !importedPath.endsWith(p.id));
  if (!demo) throw new Error('the demo plan is missing');
  const path = `/api/v1/plans/${demo.id}/positions`;
  const matrix = await get<{ points: unknown[]; parties: unknown[] }>(path);
  return { path, shape: `${matrix.points.length} points × ${matrix.parties.length} parties` };
}

async function load(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function measure(label: string, server: ServerProcess): Promise<BenchRow[]> {
  const { cookie, planPath } = await signInAndImport(server);
  // Warm both paths so that neither pays for first-call compilation inside the measurement.
  await autocannon({ url: `${server.url}${planPath}`, connections: 10, amount: 500, headers: { cookie } });
  const bare = await load(`${server.url}/api/ping`, {});
  const plan = await load(`${server.url}${planPath}`, { cookie });
  const delegate = await delegateVersionRead(server);
  const version = await load(`${server.url}${delegate.path}`, { cookie: delegate.cookie });
  const positions = await positionsMatrixPath(server, cookie, planPath);
  const matrix = await load(`${server.url}${positions.path}`, { cookie });
  return [
    {
      name: `${label}: bare JSON endpoint (baseline)`,
      value: bare.rps,
      unit: 'req/s',
      detail: `p50 ${bare.p50} ms, p99 ${bare.p99} ms`,
    },
    {
      name: `${label}: read 30-point plan, signed in`,
      value: plan.rps,
      unit: 'req/s',
      ratio: { against: 'bare JSON endpoint', value: plan.rps / bare.rps },
      detail: `p50 ${plan.p50} ms, p99 ${plan.p99} ms`,
    },
    { name: `${label}: read plan p99 latency`, value: plan.p99, unit: 'ms', budget: 20 },
    {
      name: `${label}: delegate reads a released version (audited)`,
      value: version.rps,
      unit: 'req/s',
      ratio: { against: 'bare JSON endpoint', value: version.rps / bare.rps },
      detail: `p50 ${version.p50} ms, p99 ${version.p99} ms`,
    },
    {
      name: `${label}: mediator reads the positions matrix`,
      value: matrix.rps,
      unit: 'req/s',
      ratio: { against: 'bare JSON endpoint', value: matrix.rps / bare.rps },
      detail: `${positions.shape}; p50 ${matrix.p50} ms, p99 ${matrix.p99} ms`,
    },
    { name: `${label}: positions matrix p99 latency`, value: matrix.p99, unit: 'ms', budget: 20 },
  ];
}

/** HTTP reads under 50 concurrent connections, against the bare endpoint of the same server. */
export async function benchHttp(): Promise<BenchTable[]> {
  const sqlite = await startServer();
  const memory: BenchRow[] = [];
  let sqliteRows: BenchRow[];
  try {
    await new Promise((r) => setTimeout(r, 3000));
    memory.push({
      name: 'idle server with the demo loaded (SQLite)',
      value: sqlite.rssMb(),
      unit: 'MB RSS',
      budget: 200,
    });
    sqliteRows = await measure('SQLite', sqlite);
  } finally {
    await sqlite.stop();
  }
  const pgRows = (await withPostgresDatabase('entente_bench_', async (url) => {
    const server = await startServer({ DATABASE_URL: url });
    try {
      return await measure('PostgreSQL', server);
    } finally {
      await server.stop();
    }
  })) ?? [{ name: 'PostgreSQL: not reachable, skipped', value: 0, unit: '' }];
  return [
    { title: `HTTP read, ${CONNECTIONS} connections, ${SECONDS} s each`, rows: [...sqliteRows, ...pgRows] },
    { title: 'Server memory', rows: memory },
  ];
}

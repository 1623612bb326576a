import { join } from 'node:path';
import { DEFAULT_LIVE_STREAM_SETTINGS } from '../src/server/http/live-streams.ts';
import type { DatabaseConfig } from '../src/store/database.ts';
import type { BenchRow, BenchTable } from './harness.ts';
import { type Account, eachLimited, type Fixture, prepareFixture } from './live/accounts.ts';
import { type Deliveries, DraftWriter, deliveries, drive, type Quantiles, quantiles } from './live/drive.ts';
import { type Instance, startInstance, stopAllInstances } from './live/instance.ts';
import { type LiveClient, openLiveClient } from './live/live-client.ts';
import { withPostgresDatabase } from './postgres-database.ts';

/**
 * Live-update latency: from just before a mediator's draft edit is sent to each subscribed
 * client's stream delivering its `draft.changed`, with 500 streams open, on SQLite, on one
 * PostgreSQL instance, and on two instances of one database (half the streams on the instance
 * that did not take the write, so their events cross by LISTEN/NOTIFY). The baseline of the same
 * run is one stream on the writer's instance with nothing else open.
 *
 * Half the streams are mediators' (they hear draft events); the other half are delegates',
 * observers' and monitors', who must hear none: they are load, and a confidentiality check.
 */
const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 500);
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 200);
const BASELINE_WRITES = 100;
const WARMUP_WRITES = 10;
// Twenty edits a second at most: a busy drafting session, far from a flood.
const INTERVAL_MS = 50;
const DELIVERY_TIMEOUT_MS = 3000;
// The server's own limit of streams per user: every account opens exactly that many, no more.
const PER_USER = DEFAULT_LIVE_STREAM_SETTINGS.perUser;

interface Placement {
  instance: Instance;
  account: Account;
}

interface Outcome {
  all: Deliveries;
  /** Mediator streams on the writer's instance, and on the other one. */
  local: Deliveries;
  remote: Deliveries;
  rtt: Quantiles;
  mediatorStreams: number;
  otherStreams: number;
  /** Draft events that reached a stream not allowed to hear them (must be 0). */
  leaked: number;
  /** Streams the server ended during the run (too slow a reader, or a failure). */
  endedEarly: number;
  cpuMsPerWrite: number;
  benchCpuMsPerWrite: number;
  /** Writes left unsent because earlier ones went undelivered. */
  unsent: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let lastStep = performance.now();
/** Progress on stderr: the bench takes minutes, and a slow phase should be visible. */
function step(what: string): void {
  const now = performance.now();
  if (!process.argv.includes('--json'))
    console.error(`  live: ${what} (${((now - lastStep) / 1000).toFixed(1)} s)`);
  lastStep = now;
}

/** The streams of `accounts` (PER_USER each, up to `total`), dealt in turn to `instances`. */
function place(instances: Instance[], accounts: Account[], total: number): Placement[] {
  const streams = accounts.flatMap((account) => Array.from({ length: PER_USER }, () => account));
  return streams
    .slice(0, total)
    .map((account, i) => ({ instance: instances[i % instances.length] as Instance, account }));
}

/** Opens the placed streams, writes through `writer`, and measures; every stream is closed after. */
async function scenario(
  fixture: Fixture,
  writer: DraftWriter,
  placements: Placement[],
  writes: number,
): Promise<Outcome> {
  const clients: { client: LiveClient; placement: Placement }[] = [];
  try {
    await eachLimited(placements, 16, async (placement) => {
      const client = await openLiveClient(
        placement.instance.url,
        fixture.processId,
        fixture.planId,
        placement.account.cookie,
      );
      clients.push({ client, placement });
    });
    step(`${clients.length} streams open`);
    await sleep(200);
    const mediators = clients.filter((c) => c.placement.account.role === 'mediator').map((c) => c.client);
    const others = clients.filter((c) => c.placement.account.role !== 'mediator').map((c) => c.client);
    const pace = { intervalMs: INTERVAL_MS, timeoutMs: DELIVERY_TIMEOUT_MS };
    await drive(writer, mediators, { ...pace, writes: WARMUP_WRITES });
    const instances = [...new Set(placements.map((p) => p.instance))];
    const cpu = () => instances.reduce((sum, i) => sum + i.cpuMs(), 0);
    const cpuBefore = cpu();
    const run = await drive(writer, mediators, { ...pace, writes });
    const cpuMsPerWrite = (cpu() - cpuBefore) / run.sent.size;
    if (deliveries(mediators, run).lost > 0) await sleep(2000); // stragglers, before calling them lost
    const local = mediators.filter((c) => c.base === writer.base);
    const remote = mediators.filter((c) => c.base !== writer.base);
    return {
      all: deliveries(mediators, run),
      local: deliveries(local, run),
      remote: deliveries(remote, run),
      rtt: quantiles(run.rtts),
      mediatorStreams: mediators.length,
      otherStreams: others.length,
      leaked: others.reduce((sum, c) => sum + c.draftEvents, 0),
      endedEarly: clients.filter((c) => c.client.ended).length,
      cpuMsPerWrite,
      benchCpuMsPerWrite: run.benchCpuMsPerWrite,
      unsent: writes - run.sent.size,
    };
  } finally {
    for (const { client } of clients) client.close();
    await sleep(300);
  }
}

const ms = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));

/** Deliveries, losses, and what must never happen (an event to a non-mediator, a stream cut). */
function detail(d: Deliveries, outcome: Outcome): string {
  const faults =
    outcome.leaked > 0 || outcome.endedEarly > 0 || outcome.unsent > 0
      ? `; ${outcome.leaked} LEAKED to non-mediators, ${outcome.endedEarly} streams ENDED, ` +
        `${outcome.unsent} writes not sent (stopped after repeated losses)`
      : '';
  return (
    `p95 ${ms(d.latency.p95)}, max ${ms(d.latency.max)} ms; ` +
    `${d.afterAnswer.p50 < 0 ? 'p50 before' : `p50 ${ms(d.afterAnswer.p50)} ms after`} the write's answer; ` +
    `${d.delivered}/${d.delivered + d.lost} delivered, ${d.lost} lost${faults}`
  );
}

/** Per-delivery latency of `d`, as a ratio of the 1-client latency. */
function latencyRow(name: string, d: Deliveries, outcome: Outcome, baseline: number, against: string) {
  const row: BenchRow = {
    name,
    value: d.latency.p50,
    p99: d.latency.p99,
    unit: 'ms',
    ratio: { against, value: d.latency.p50 / baseline },
    detail: detail(d, outcome),
  };
  return row;
}

/** Per write, until the last subscriber had it. */
function lastRow(name: string, d: Deliveries, baseline: number): BenchRow {
  return {
    name,
    value: d.lastClient.p50,
    p99: d.lastClient.p99,
    unit: 'ms',
    ratio: { against: '1 client', value: d.lastClient.p50 / baseline },
    detail: `per write, until every mediator stream had it; max ${ms(d.lastClient.max)} ms`,
  };
}

/** What the load was, and what it cost the writer and the servers. */
function loadRow(name: string, outcome: Outcome, roundTrip: number): BenchRow {
  return {
    name,
    value: outcome.rtt.p50,
    p99: outcome.rtt.p99,
    unit: 'ms',
    ratio: { against: 'round-trip', value: outcome.rtt.p50 / roundTrip },
    detail:
      `${outcome.mediatorStreams} mediator + ${outcome.otherStreams} delegate/observer/monitor streams ` +
      `(draft events to the latter: ${outcome.leaked}, must be 0); ` +
      `CPU per write: servers ${outcome.cpuMsPerWrite.toFixed(1)} ms, bench clients ` +
      `${outcome.benchCpuMsPerWrite.toFixed(1)} ms`,
  };
}

/** Every configuration on one database: one instance, then (PostgreSQL) a second beside it. */
async function measureDatabase(
  label: string,
  env: Record<string, string>,
  configOf: (instance: Instance) => DatabaseConfig,
  twoInstances: boolean,
): Promise<BenchRow[]> {
  const a = await startInstance(env);
  step(`${label} instance started`);
  const accounts = Math.ceil(CLIENTS / PER_USER);
  const fixture = await prepareFixture(a.url, configOf(a), {
    mediators: Math.ceil(accounts / 2),
    others: Math.floor(accounts / 2),
  });
  const writer = new DraftWriter(a.url, fixture.writer.cookie, fixture.planId);
  await writer.init();
  step(`${label} accounts ready`);
  const everyone = [...fixture.mediators, ...fixture.others];

  const single = await scenario(fixture, writer, place([a], [fixture.writer], 1), BASELINE_WRITES);
  step(`${label} 1 client measured`);
  const roundTrip = single.rtt.p50;
  const oneClient = single.all.latency.p50;
  const many = await scenario(fixture, writer, place([a], everyone, CLIENTS), WRITES);
  step(`${label} ${CLIENTS} clients measured`);
  const rows: BenchRow[] = [
    {
      name: `${label}: draft edit round-trip, 1 stream open (baseline)`,
      value: roundTrip,
      p99: single.rtt.p99,
      unit: 'ms',
      detail:
        `PATCH /plans/:id/draft by a mediator, ${single.rtt.n} writes; ` +
        `server CPU ${single.cpuMsPerWrite.toFixed(1)} ms per write`,
    },
    latencyRow(`${label}: write → event, 1 client (baseline)`, single.all, single, roundTrip, 'round-trip'),
    latencyRow(`${label}: write → event, ${CLIENTS} clients`, many.all, many, oneClient, '1 client'),
    lastRow(`${label}: write → last of ${many.mediatorStreams} subscribers`, many.all, oneClient),
    loadRow(`${label}: draft edit round-trip, ${CLIENTS} streams open`, many, roundTrip),
  ];
  if (!twoInstances) return rows;

  const b = await startInstance(env);
  step(`${label} second instance started`);
  const across = await scenario(fixture, writer, place([b], [fixture.writer], 1), BASELINE_WRITES);
  step(`${label} 1 client on the other instance measured`);
  const two = await scenario(fixture, writer, place([a, b], everyone, CLIENTS), WRITES);
  step(`${label} ×2 ${CLIENTS} clients measured`);
  const pair = `${label} ×2`;
  const half = CLIENTS / 2;
  rows.push(
    latencyRow(
      `${pair}: write → event, 1 client on the other instance`,
      across.all,
      across,
      oneClient,
      '1 client',
    ),
    latencyRow(`${pair}: ${half} clients on the writer's instance`, two.local, two, oneClient, '1 client'),
    latencyRow(`${pair}: ${half} clients on the other (NOTIFY)`, two.remote, two, oneClient, '1 client'),
    lastRow(`${pair}: write → last of ${two.mediatorStreams} subscribers`, two.all, oneClient),
    loadRow(`${pair}: draft edit round-trip, ${CLIENTS} streams open`, two, roundTrip),
  );
  return rows;
}

/** Live-update latency with 500 open streams: SQLite, PostgreSQL, and two PostgreSQL instances. */
export async function benchLive(): Promise<BenchTable> {
  const interrupted = async () => {
    await stopAllInstances();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  let sqliteRows: BenchRow[];
  try {
    // The bench adds its accounts to the server's own file (WAL: both processes may write).
    sqliteRows = await measureDatabase(
      'SQLite',
      { DATABASE_URL: '' },
      (instance) => ({ kind: 'sqlite', file: join(instance.dataDir, 'entente.sqlite') }),
      false,
    );
  } finally {
    process.off('SIGINT', interrupted);
    await stopAllInstances();
  }
  const pgRows = (await withPostgresDatabase(
    'entente_live_bench_',
    (url) => measureDatabase('PostgreSQL', { DATABASE_URL: url }, () => ({ kind: 'postgres', url }), true),
    stopAllInstances,
  )) ?? [{ name: 'PostgreSQL: not reachable, skipped', value: 0, unit: '' }];
  return {
    title: `Live updates: mediator's draft edit → SSE event, ${WRITES} writes every ≥${INTERVAL_MS} ms, p50 / p99`,
    rows: [...sqliteRows, ...pgRows],
  };
}

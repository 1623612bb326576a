/**
 * Monitoring status through the store (issue 6): the snapshot of monitoring-status.bench.ts read
 * from SQLite and PostgreSQL by loadMonitoringSnapshot, and through the app (GET …/status), with
 * the rules alone on the same input as the baseline. Budget: under 200 ms.
 */

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Insertable, sql } from 'kysely';
import pg from 'pg';
import type { MonitoringSnapshotInput } from '../src/domain/monitoring/build-monitoring-snapshot.ts';
import { buildMonitoringSnapshot } from '../src/domain/monitoring/build-monitoring-snapshot.ts';
import { absoluteDeadlineUtc } from '../src/domain/monitoring/deadline.ts';
import { EVENT_TYPES } from '../src/domain/monitoring/monitoring-model.ts';
import {
  GENERATED_ENTRY_INTO_FORCE,
  generatedMonitoringInput,
  rng,
} from '../src/domain/monitoring/test-support.ts';
import type { PlanContent } from '../src/domain/plans/plan.ts';
import { newId } from '../src/domain/shared/ids.ts';
import { buildApp } from '../src/server/app.ts';
import { loadDemoIfEmpty } from '../src/services/demo/load-demo.ts';
import {
  loadMonitoringInput,
  loadMonitoringSnapshot,
} from '../src/services/monitoring/status/load-monitoring-snapshot.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { insertPhases } from '../src/store/monitoring/agreement-phases.repository.ts';
import { replaceSignatures } from '../src/store/monitoring/agreement-signatures.repository.ts';
import { findAgreementById, insertAgreement } from '../src/store/monitoring/agreements.repository.ts';
import { insertCommitmentParties } from '../src/store/monitoring/commitment-parties.repository.ts';
import { deadlineColumns, insertCommitments } from '../src/store/monitoring/commitments.repository.ts';
import { type EventReportRow, insertEventReports } from '../src/store/monitoring/event-reports.repository.ts';
import { listParties } from '../src/store/processes/processes.repository.ts';
import type { Schema } from '../src/store/schema.ts';
import type { Tx } from '../src/store/transaction.ts';
import { type BenchRow, type BenchTable, sample } from './harness.ts';
import { BUDGET_MS, COMMITMENTS, DAY_MS, ENTRIES, type Snapshot } from './monitoring-status.bench.ts';
import { withPostgresDatabase } from './postgres-database.ts';

// ---------------------------------------------------------------------------------------------
// The store path: the same status read from SQLite and PostgreSQL (loadMonitoringSnapshot), and
// through the app (GET …/status). The generated agreement above is written to a throwaway
// database the way the app would hold it: the demo process (so that its mediator can sign in),
// an adopted version of its plan, 1,000 commitments on the version's points, 100,000 event
// reports of which a share are verified, linked to a commitment and move its progress, further
// progress entries recorded by the monitor, and scores — all rows in the order they would have
// been recorded, not grouped by commitment. The baseline is the rules alone on the very input the
// store path loaded for the same date, so the ratio is what reading the database adds.
// ---------------------------------------------------------------------------------------------

const EVENTS = 100_000;
/** Share of the generated progress entries that come from a verified, linked event report. */
const LINKED_SHARE = 0.6;
const STORE_DAYS = [7, 90, 180, 365, 540];
const STORE_RUNS = Number(process.env.BENCH_STATUS_RUNS ?? 20);
const HOUR_MS = 3_600_000;

/** Places along a front line, with coordinates (latitude, longitude). */
const PLACES: [string, number, number][] = [
  ['Avdiivka', 48.14, 37.75],
  ['Chasiv Yar', 48.59, 37.84],
  ['Kupiansk', 49.71, 37.61],
  ['Robotyne', 47.45, 35.84],
  ['Kherson', 46.64, 32.61],
  ['Vuhledar', 47.78, 37.25],
  ['Siversk', 48.87, 38.1],
  ['Huliaipole', 47.66, 36.26],
];
const UNLINKED_STATUSES = ['received', 'under_investigation', 'unverified', 'dismissed', 'verified'];

interface Seeded {
  processId: string;
  agreementId: string;
  mediatorEmail: string;
  password: string;
  /** Generated commitment id → stored id. */
  storedId: Map<string, string>;
  counts: { events: number; linked: number; progress: number; scores: number };
  seconds: number;
}

const byRecorded = (a: { recorded_at: string }, b: { recorded_at: string }) =>
  a.recorded_at < b.recorded_at ? -1 : a.recorded_at > b.recorded_at ? 1 : 0;

async function insertInBatches<T extends keyof Schema>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Schema[T]>[],
  batch: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch)
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + batch) as never)
      .execute();
}

/** Writes the generated agreement into `database` (migrated, empty) next to the demo process. */
async function seedStore(database: Database, input: MonitoringSnapshotInput): Promise<Seeded> {
  const t0 = performance.now();
  const demo = await loadDemoIfEmpty(database);
  if (!demo) throw new Error('the bench database is not empty');
  const { db } = database;
  const userId = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const mediatorId = await userId(demo.mediatorEmail);
  const monitorId = await userId('monitor@ccv.example');
  const version = await db
    .selectFrom('versions')
    .select(['id', 'content'])
    .where('plan_id', '=', demo.planId)
    .where('id', 'not in', (eb) => eb.selectFrom('agreements').select('version_id'))
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const points = (JSON.parse(version.content) as PlanContent).points;
  const parties = await listParties(db, demo.processId);
  const partyOf = new Map(
    input.parties.map((p) => [p.id, parties.find((q) => q.code === p.code)?.id ?? parties[1]!.id]),
  );
  const party = (id: string) => partyOf.get(id) ?? id;
  const agreementId = newId('agr');
  const phaseId = new Map(input.agreement.phases.map((p) => [p.id, newId('phs')]));
  const storedId = new Map(input.commitments.map((c) => [c.id, newId('cmt')]));
  const stored = (id: string) => storedId.get(id) ?? id;
  const now = new Date().toISOString();
  const random = rng(7);
  const iso = (ms: number) => new Date(ms).toISOString();
  const eif = Date.parse(GENERATED_ENTRY_INTO_FORCE);

  const events: EventReportRow[] = [];
  const event = (at: string, status: string, attributed: string | null) => {
    const k = events.length;
    const [place, lat, lon] = PLACES[k % PLACES.length]!;
    const type = EVENT_TYPES[Math.floor(random() ** 2 * EVENT_TYPES.length)]!;
    const id = newId('evt');
    events.push({
      id,
      process_id: demo.processId,
      external_id: `UKR${100_000 + k}`,
      dedupe_key: createHash('sha256').update(`bench ${k}`).digest('hex'),
      occurred_at: at,
      time_precision: random() < 0.7 ? 'day' : 'hour',
      place_name: place,
      latitude: Math.round((lat + (random() - 0.5) * 0.3) * 1e4) / 1e4,
      longitude: Math.round((lon + (random() - 0.5) * 0.4) * 1e4) / 1e4,
      geo_precision: 1 + Math.floor(random() * 3),
      event_type: type,
      sub_event_type: '',
      actor1: 'Military Forces of Veloria',
      actor2: random() < 0.5 ? 'Karst Federation Armed Forces' : '',
      fatalities: type === 'Ceasefire violation' ? Math.floor(random() * 4) : null,
      description: `Patrol ${k % 97} reports ${type.toLowerCase()} near ${place}; confirmed by two sources and photographs held by the mission.`,
      source: random() < 0.5 ? 'Mission patrol report' : 'Local media',
      source_reliability: 'ABCDEF'[Math.floor(random() * 6)]!,
      info_credibility: 1 + Math.floor(random() * 6),
      status,
      attributed_party_id: attributed,
      reported_by_party_id: null,
      reported_by: monitorId,
      import_id: null,
      created_at: at,
      updated_at: at,
      revision: 1,
    });
    return id;
  };
  const links: Insertable<Schema['event_commitment_links']>[] = [];
  const progress: Insertable<Schema['commitment_progress']>[] = [];
  const scores: Insertable<Schema['commitment_scores']>[] = [];
  for (const c of input.commitments) {
    const commitmentId = stored(c.id);
    for (const p of c.progress) {
      const linked = random() < LINKED_SHARE;
      const recordedAt = iso(Date.parse(p.occurredAt) + (1 + Math.floor(random() * 72)) * HOUR_MS);
      const eventId = linked ? event(p.occurredAt, 'verified', party(c.partyIds[0] ?? '')) : null;
      if (eventId)
        links.push({
          event_report_id: eventId,
          commitment_id: commitmentId,
          created_by: monitorId,
          created_at: recordedAt,
        });
      progress.push({
        id: newId(linked ? 'prg' : 'cpg'),
        commitment_id: commitmentId,
        occurred_at: p.occurredAt,
        kind: p.kind,
        quantity: p.quantity,
        note: linked ? 'Moved by a verified event report' : 'Recorded by the mission',
        event_report_id: eventId,
        recorded_by: monitorId,
        recorded_at: recordedAt,
      });
    }
    for (const s of c.scores)
      scores.push({
        id: newId('csc'),
        commitment_id: commitmentId,
        score: s.score,
        justification: 'Scored by the mission on the evidence of its patrols.',
        evidence: JSON.stringify([{ label: 'Patrol report' }]),
        event_report_ids: '[]',
        effective_at: s.effectiveAt,
        recorded_by: monitorId,
        recorded_at: s.recordedAt,
      });
  }
  const linked = events.length;
  while (events.length < EVENTS)
    event(
      iso(eif + Math.floor(random() * 365 * DAY_MS)),
      UNLINKED_STATUSES[Math.floor(random() * UNLINKED_STATUSES.length)]!,
      null,
    );
  events.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
  progress.sort(byRecorded);
  scores.sort(byRecorded);

  await db.transaction().execute(async (tx) => {
    const a = input.agreement;
    await insertAgreement(tx, {
      id: agreementId,
      process_id: demo.processId,
      plan_id: demo.planId,
      version_id: version.id,
      title: 'Bench agreement',
      adopted_on: a.adoptedOn,
      entry_into_force_local: a.entryIntoForceLocal,
      entry_into_force_zone: a.entryIntoForceZone,
      entry_into_force_at: a.entryIntoForceAt,
      created_by: mediatorId,
      created_at: now,
      updated_at: now,
      revision: 1,
    });
    await insertPhases(
      tx,
      a.phases.map((p) => ({
        id: phaseId.get(p.id)!,
        agreement_id: agreementId,
        position: p.position,
        name: p.name,
        description: '',
      })),
    );
    await replaceSignatures(
      tx,
      agreementId,
      a.signatures.map((s) => ({
        id: newId('sig'),
        agreement_id: agreementId,
        party_id: party(s.partyId),
        kind: s.kind,
        signed_on: s.signedOn,
      })),
    );
    await insertCommitments(
      tx,
      input.commitments.map((c, i) => {
        const d = c.deadline;
        const spec = d.kind === 'after_commitment' ? { ...d, commitmentId: stored(d.commitmentId) } : d;
        return {
          id: stored(c.id),
          process_id: demo.processId,
          agreement_id: agreementId,
          point_id: points[i % points.length]!.id,
          sub_item: null,
          position: c.position,
          title: c.title,
          description: `What ${c.title.toLowerCase()} obliges the parties to do.`,
          phase_id: c.phaseId === null ? null : (phaseId.get(c.phaseId) ?? null),
          ...deadlineColumns(spec, d.kind === 'absolute' ? absoluteDeadlineUtc(d.local, d.zone) : null),
          target_quantity: c.targetQuantity,
          target_unit: c.targetUnit,
          verification_method: 'Verified by the monitoring mission',
          created_by: mediatorId,
          created_at: now,
          updated_at: now,
          revision: 1,
        };
      }),
    );
    await insertCommitmentParties(
      tx,
      input.commitments.flatMap((c) =>
        c.partyIds.map((p) => ({ commitment_id: stored(c.id), party_id: party(p) })),
      ),
    );
    await insertEventReports(tx, events);
    await insertInBatches(tx, 'event_commitment_links', links, 2000);
    await insertInBatches(tx, 'commitment_progress', progress, 1000);
    await insertInBatches(tx, 'commitment_scores', scores, 1000);
  });
  // PostgreSQL plans from statistics, which autovacuum would gather soon after such a write.
  if (database.dialect === 'postgres') await sql`analyze`.execute(db);
  return {
    processId: demo.processId,
    agreementId,
    mediatorEmail: demo.mediatorEmail,
    password: demo.password,
    storedId,
    counts: { events: events.length, linked, progress: progress.length, scores: scores.length },
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Whether the stored snapshot's states and series equal those of the rules on the generated input. */
function storedAgrees(stored: Snapshot, expected: Snapshot, storedId: Map<string, string>): boolean {
  const key = (lines: Snapshot['commitments'], id: (x: string) => string) =>
    JSON.stringify(
      lines.map((s) => [id(s.id), s.status, s.deadlineAt, s.quantityDone, s.score, s.completedAt]),
    );
  return (
    key(stored.commitments, (x) => x) === key(expected.commitments, (x) => storedId.get(x) ?? x) &&
    JSON.stringify(stored.overTime) === JSON.stringify(expected.overTime) &&
    JSON.stringify(stored.totals) === JSON.stringify(expected.totals)
  );
}

/** CPU milliseconds so far of the PostgreSQL backends serving `url`'s database, from /proc (same machine). */
async function postgresCpuMeter(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  const ticksOf = (pid: number): number => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const read = async (): Promise<Map<number, number>> => {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return new Map(rows.map((r) => [r.pid, ticksOf(r.pid)]));
  };
  return {
    start: read,
    /** CPU ms used since `start` by the backends alive now. */
    since: async (start: Map<number, number>) => {
      let ticks = 0;
      for (const [pid, t] of await read()) ticks += t - (start.get(pid) ?? 0);
      return (ticks * 1000) / tick;
    },
    close: () => client.end(),
  };
}
type CpuMeter = Awaited<ReturnType<typeof postgresCpuMeter>>;

/** Samples `fn` (≥ STORE_RUNS runs), with this process's CPU per run and, given a meter, the database server's. */
async function timed(fn: () => Promise<unknown>, meter?: CpuMeter) {
  let calls = 0;
  const server = await meter?.start();
  const cpu = process.cpuUsage();
  const s = await sample(
    async () => {
      calls++;
      await fn();
    },
    { minRuns: STORE_RUNS, minMs: 1000 },
  );
  const used = process.cpuUsage(cpu);
  const serverMs = meter && server ? await meter.since(server) : undefined;
  return {
    ...s,
    cpuMs: (used.user + used.system) / 1000 / calls,
    serverCpuMs: serverMs === undefined ? undefined : serverMs / calls,
  };
}

const cpuText = (t: { cpuMs: number; serverCpuMs?: number }) =>
  `CPU ${t.cpuMs.toFixed(0)} ms/run` +
  (t.serverCpuMs === undefined ? '' : ` + PostgreSQL ${t.serverCpuMs.toFixed(0)} ms/run`);

/** GET …/status through the app (inject: routing, session, authorization, JSON), as the mediator. */
async function httpRow(label: string, database: Database, seeded: Seeded, asOf: string, meter?: CpuMeter) {
  const app = await buildApp({ database, serveWeb: false, alerts: { enabled: false } });
  try {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: seeded.mediatorEmail, password: seeded.password },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'entente_session');
    if (!cookie) throw new Error(`sign-in failed: ${signIn.statusCode}`);
    const url = `/api/v1/processes/${seeded.processId}/agreements/${seeded.agreementId}/status?asOf=${encodeURIComponent(asOf)}`;
    const get = () =>
      app.inject({ method: 'GET', url, headers: { cookie: `entente_session=${cookie.value}` } });
    const first = await get();
    if (first.statusCode !== 200)
      throw new Error(`status route: ${first.statusCode} ${first.body.slice(0, 200)}`);
    const t = await timed(get, meter);
    return { t, kb: first.rawPayload.length / 1024, label };
  } finally {
    await app.close();
  }
}

/** The rows of one database: the store path as of each date against the rules alone, and the route. */
async function storeRows(label: string, database: Database, meter?: CpuMeter): Promise<BenchRow[]> {
  const input = generatedMonitoringInput({ seed: 42, commitments: COMMITMENTS, entries: ENTRIES });
  const seeded = await seedStore(database, input);
  const { db } = database;
  const eif = Date.parse(GENERATED_ENTRY_INTO_FORCE);
  const c = seeded.counts;
  const rows: BenchRow[] = [
    {
      name: `${label}: write ${c.events.toLocaleString('en-GB')} events (${c.linked.toLocaleString('en-GB')} linked), ${c.progress.toLocaleString('en-GB')} progress entries, ${c.scores.toLocaleString('en-GB')} scores`,
      value: seeded.seconds,
      unit: 's',
      detail: 'set-up, not a budgeted measure',
    },
  ];
  let storeAtYear = Number.NaN;
  for (const days of STORE_DAYS) {
    const asOf = new Date(eif + days * DAY_MS).toISOString();
    const snapshot = await loadMonitoringSnapshot(db, seeded.agreementId, asOf);
    const agreement = await findAgreementById(db, seeded.agreementId);
    if (!agreement) throw new Error('the bench agreement is missing');
    const loaded = await loadMonitoringInput(db, agreement, asOf);
    const entries = loaded.commitments.reduce((n, x) => n + x.progress.length + x.scores.length, 0);
    const rules = await sample(() => buildMonitoringSnapshot(loaded), { minRuns: STORE_RUNS, minMs: 500 });
    const store = await timed(() => loadMonitoringSnapshot(db, seeded.agreementId, asOf), meter);
    if (days === 365) storeAtYear = store.median;
    const agrees = storedAgrees(snapshot, buildMonitoringSnapshot({ ...input, asOf }), seeded.storedId);
    rows.push({
      name: `${label}: loadMonitoringSnapshot as of entry into force + ${days} days`,
      value: store.median,
      p99: store.p99,
      unit: 'ms',
      budget: BUDGET_MS,
      ratio: { against: 'rules alone', value: store.median / rules.median },
      detail: [
        `min ${store.min.toFixed(0)} ms`,
        cpuText(store),
        `rules alone ${rules.median.toFixed(1)} ms (min ${rules.min.toFixed(1)})`,
        `${entries.toLocaleString('en-GB')} entries and scores by then`,
        `${store.runs} runs`,
        agrees ? 'answers agree' : 'ANSWERS DIFFER',
      ].join('; '),
    });
  }
  const asOf = new Date(eif + 365 * DAY_MS).toISOString();
  const http = await httpRow(label, database, seeded, asOf, meter);
  rows.push({
    name: `${label}: GET …/agreements/:id/status?asOf=… (+ 365 days, app.inject)`,
    value: http.t.median,
    p99: http.t.p99,
    unit: 'ms',
    budget: BUDGET_MS,
    ratio: { against: 'loadMonitoringSnapshot', value: http.t.median / storeAtYear },
    detail: [
      `min ${http.t.min.toFixed(0)} ms`,
      cpuText(http.t),
      `${http.kb.toFixed(0)} KiB JSON`,
      `${http.t.runs} runs`,
    ].join('; '),
  });
  return rows;
}

/** The store path on SQLite (a file in WAL mode, as the app runs it) and on PostgreSQL when it is up. */
export async function benchStoredMonitoringStatus(): Promise<BenchTable> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-status-'));
  const sqlite = openDatabase({ kind: 'sqlite', file: join(dir, 'entente.sqlite') });
  let rows: BenchRow[];
  try {
    await migrateToLatest(sqlite);
    rows = await storeRows('SQLite', sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const pgRows = await withPostgresDatabase('entente_bench_status_', async (url) => {
    const database = openDatabase({ kind: 'postgres', url });
    const meter = await postgresCpuMeter(url);
    try {
      await migrateToLatest(database);
      return await storeRows('PostgreSQL', database, meter);
    } finally {
      await meter.close();
      await database.close();
      // The pool's clients finish closing after close() resolves; the forced drop would hit them.
      await new Promise((r) => setTimeout(r, 300));
    }
  });
  return {
    title: `Monitoring status through the store (${COMMITMENTS.toLocaleString('en-GB')} commitments, ${EVENTS.toLocaleString('en-GB')} events)`,
    rows: [
      ...rows,
      ...(pgRows ?? [{ name: 'PostgreSQL: not reachable, skipped', value: Number.NaN, unit: 'ms' }]),
    ],
  };
}

/**
 * Event CSV import through HTTP (issue 6, "Import 100,000 event rows: rows/s; memory stays
 * bounded while streaming"): a generated 100,000-row ACLED export is streamed from disk to a
 * running `entente serve` (SQLite, then PostgreSQL), which decodes, parses, checks, de-duplicates
 * and writes it in one transaction. The server's resident memory is sampled every 50 ms during the
 * upload; its peak above the idle level shows that the file is never held whole. The same file
 * uploaded again finds every row a duplicate.
 */

import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eventCsvLines } from './event-csv-generator.ts';
import { type BenchRow, type BenchTable, sample } from './harness.ts';
import { withPostgresDatabase } from './postgres-database.ts';
import { type ServerProcess, startServer } from './server-process.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/**
 * With BENCH_IMPORT_HEAP_MB set, the servers run with V8's old space capped there: an import that
 * completes under a cap well below the file's size is one that never holds the file. Uncapped,
 * V8 lets garbage pile up before collecting, so the peak RSS overstates what is live.
 */
const HEAP_MB = process.env.BENCH_IMPORT_HEAP_MB;
const serverEnv = (env: Record<string, string> = {}) =>
  HEAP_MB ? { ...env, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` } : env;
const MB = 1024 * 1024;

async function writeCsv(path: string): Promise<void> {
  async function* text() {
    let batch: string[] = [];
    for (const line of eventCsvLines(ROWS, 6)) {
      batch.push(line);
      if (batch.length === 1000) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length > 0) yield `${batch.join('\n')}\n`;
  }
  await pipeline(Readable.from(text()), createWriteStream(path));
}

async function signIn(server: ServerProcess): Promise<{ cookie: string; processId: string }> {
  const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'monitor@ccv.example', password: 'entente-demo' }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const processes = (await (
    await fetch(`${server.url}/api/v1/processes`, { headers: { cookie } })
  ).json()) as {
    items: { id: string }[];
  };
  const processId = processes.items[0]?.id;
  if (!processId) throw new Error('the demo process is missing');
  return { cookie, processId };
}

interface Upload {
  ms: number;
  peakRssMb: number;
  result: { ok: boolean; imported: number; duplicates: number; rejected: number; rowsTotal: number };
}

/** Streams the file to the import endpoint (node:http, so the body is piped from disk as it is read). */
async function upload(server: ServerProcess, file: string, session: { cookie: string; processId: string }) {
  let peak = server.rssMb();
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rssMb());
  }, 50);
  const t0 = performance.now();
  try {
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(
        `${server.url}/api/v1/processes/${session.processId}/event-imports?fileName=bench.csv`,
        {
          method: 'POST',
          headers: {
            cookie: session.cookie,
            'x-entente-csrf': '1',
            'content-type': 'text/csv',
            'content-length': String(statSync(file).size),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () =>
            res.statusCode === 200 ? resolve(text) : reject(new Error(`${res.statusCode}: ${text}`)),
          );
        },
      );
      req.on('error', reject);
      createReadStream(file).pipe(req);
    });
    return { ms: performance.now() - t0, peakRssMb: peak, result: JSON.parse(body) } as Upload;
  } finally {
    clearInterval(sampler);
  }
}

/** The map's compact rows of every event, as the mission reads them once the file is in. */
async function mapRead(server: ServerProcess, session: { cookie: string; processId: string }) {
  const url = `${server.url}/api/v1/processes/${session.processId}/event-reports/map`;
  let events = 0;
  let bytes = 0;
  const times = await sample(
    async () => {
      const res = await fetch(url, { headers: { cookie: session.cookie } });
      const text = await res.text();
      bytes = text.length;
      events = (JSON.parse(text) as { events: unknown[] }).events.length;
    },
    { minRuns: 5, minMs: 0, warmup: 1 },
  );
  return { ...times, events, bytes };
}

async function measure(label: string, server: ServerProcess, file: string): Promise<BenchRow[]> {
  const session = await signIn(server);
  await new Promise((r) => setTimeout(r, 1000));
  const idle = server.rssMb();
  const first = await upload(server, file, session);
  if (first.result.imported !== ROWS)
    throw new Error(
      `${label}: imported ${first.result.imported} of ${ROWS}: ${JSON.stringify(first.result)}`,
    );
  const map = await mapRead(server, session);
  const again = await upload(server, file, session);
  if (again.result.duplicates !== ROWS)
    throw new Error(`${label}: re-import found ${again.result.duplicates} duplicates`);
  const size = `${(statSync(file).size / MB).toFixed(0)} MB`;
  return [
    {
      name: `${label}: import ${ROWS.toLocaleString('en')} rows over HTTP`,
      value: ROWS / (first.ms / 1000),
      unit: 'rows/s',
      detail: `${(first.ms / 1000).toFixed(1)} s for ${size}`,
    },
    {
      name: `${label}: server peak RSS during the import`,
      value: first.peakRssMb,
      unit: 'MB',
      detail: `idle ${idle.toFixed(0)} MB, +${(first.peakRssMb - idle).toFixed(0)} MB for a ${size} file`,
    },
    {
      name: `${label}: map rows of every event (monitor)`,
      value: map.median,
      unit: 'ms',
      p99: map.p99,
      detail: `${map.events.toLocaleString('en')} events, ${(map.bytes / MB).toFixed(1)} MB of JSON`,
    },
    {
      name: `${label}: re-import the same file (all duplicates)`,
      value: ROWS / (again.ms / 1000),
      unit: 'rows/s',
      detail: `${(again.ms / 1000).toFixed(1)} s; peak RSS ${again.peakRssMb.toFixed(0)} MB`,
    },
  ];
}

/** The import through HTTP on both databases. */
export async function benchEventImportHttp(): Promise<BenchTable> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-import-bench-'));
  const file = join(dir, 'events.csv');
  try {
    await writeCsv(file);
    const sqlite = await startServer(serverEnv());
    let rows: BenchRow[];
    try {
      rows = await measure('SQLite', sqlite, file);
    } finally {
      await sqlite.stop();
    }
    let pgServer: ServerProcess | null = null;
    const pgRows = (await withPostgresDatabase(
      'entente_bench_import_',
      async (url) => {
        pgServer = await startServer(serverEnv({ DATABASE_URL: url }));
        return measure('PostgreSQL', pgServer, file);
      },
      async () => {
        await pgServer?.stop();
      },
    )) ?? [{ name: 'PostgreSQL: not reachable, skipped', value: 0, unit: '' }];
    const cap = HEAP_MB ? `, server heap capped at ${HEAP_MB} MB` : '';
    return {
      title: `Event CSV import through HTTP (streamed, one transaction${cap})`,
      rows: [...rows, ...pgRows],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Event CSV import (issue 6, "Import 100,000 event rows: rows/s; memory stays bounded while
 * streaming"). In one run: csv-parse alone on a generated 100,000-row ACLED export (the
 * baseline) against the whole pure pipeline — decode, csv-parse, mapping, parseEventRow and the
 * SHA-256 dedupe key — fed the same chunks; then the pipeline streaming files of 100,000 and
 * 200,000 rows from /tmp while heap and RSS are sampled, to show that memory does not grow with
 * the file. Writing to the databases is measured by the API benchmarks, not here.
 */

import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse } from 'csv-parse';
import { readEventCsv } from '../src/domain/monitoring/event-import/read-event-csv.ts';
import { eventCsvLines, generateEventCsv } from './event-csv-generator.ts';
import { type BenchTable, summarize } from './harness.ts';

const ROWS = 100_000;
const RUNS = 3;
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function* chunks(data: Buffer): Generator<Buffer> {
  for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

async function csvParseAlone(data: Buffer): Promise<number> {
  let records = 0;
  const parser = parse({ relax_column_count: true });
  const done = pipeline(Readable.from(chunks(data)), parser);
  for await (const _ of parser) records++;
  await done;
  return records - 1;
}

async function wholePipeline(data: Buffer): Promise<{ accepted: number; rejected: number }> {
  const summary = await readEventCsv(Readable.from(chunks(data)), {}, () => {});
  return summary.report;
}

async function writeFile(path: string, rows: number, seed: number): Promise<void> {
  async function* text() {
    let batch: string[] = [];
    for (const line of eventCsvLines(rows, seed)) {
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

/** Streams a file through the pipeline, sampling memory; growth is over the state just before. */
async function streamFromDisk(path: string) {
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const sampleNow = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sampleNow, 10);
  let seen = 0;
  const t0 = performance.now();
  const summary = await readEventCsv(createReadStream(path, { highWaterMark: CHUNK }), {}, () => {
    if (++seen % 2000 === 0) sampleNow();
  });
  const ms = performance.now() - t0;
  clearInterval(timer);
  sampleNow();
  gc();
  const retainedMb = (process.memoryUsage().heapUsed - before.heapUsed) / MB;
  return {
    retainedMb,
    ms,
    rows: summary.report.accepted,
    heapMb: (peakHeap - before.heapUsed) / MB,
    rssMb: (peakRss - before.rss) / MB,
    fileMb: statSync(path).size / MB,
  };
}

/** Rows per second for the pipeline and its csv-parse baseline, and memory while streaming. */
export async function benchEventImport(): Promise<BenchTable> {
  const data = Buffer.from(generateEventCsv(ROWS, 6));
  const sizeMb = data.length / MB;
  // Interleaved, so that load from elsewhere on a shared machine weighs on both alike.
  await csvParseAlone(data);
  const check = await wholePipeline(data);
  const baseTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baseTimes.push(await timed(() => csvParseAlone(data)));
    fullTimes.push(await timed(() => wholePipeline(data)));
  }
  const base = summarize(baseTimes);
  const full = summarize(fullTimes);
  const baseRate = ROWS / (base.median / 1000);
  const fullRate = ROWS / (full.median / 1000);

  const dir = tmpdir();
  const small = join(dir, `entente-events-${process.pid}-100k.csv`);
  const large = join(dir, `entente-events-${process.pid}-200k.csv`);
  try {
    await writeFile(small, ROWS, 7);
    await writeFile(large, 2 * ROWS, 8);
    const disk = await streamFromDisk(small);
    const disk2 = await streamFromDisk(large);
    const memRow = (label: string, d: typeof disk) => ({
      name: `stream ${label} rows from a file in /tmp: peak heap growth`,
      value: d.heapMb,
      unit: 'MB',
      detail: `peak RSS +${d.rssMb.toFixed(0)} MB, heap retained after GC ${d.retainedMb.toFixed(1)} MB; file ${d.fileMb.toFixed(0)} MB; ${d.rows.toLocaleString('en')} rows accepted at ${(d.rows / (d.ms / 1000)).toFixed(0)} rows/s`,
    });
    return {
      title: 'Event CSV import (pure pipeline, no database)',
      rows: [
        {
          name: `csv-parse alone, ${ROWS.toLocaleString('en')} ACLED rows (baseline)`,
          value: baseRate,
          unit: 'rows/s',
          detail: `${base.runs} runs, median ${base.median.toFixed(0)} ms; ${sizeMb.toFixed(1)} MB, ${(sizeMb / (base.median / 1000)).toFixed(1)} MB/s`,
        },
        {
          name: 'decode + csv-parse + parseEventRow + dedupe key, streamed',
          value: fullRate,
          unit: 'rows/s',
          ratio: { against: 'csv-parse alone', value: fullRate / baseRate },
          detail: `${full.runs} runs, median ${full.median.toFixed(0)} ms; ${check.accepted.toLocaleString('en')} accepted, ${check.rejected} rejected`,
        },
        memRow('100,000', disk),
        memRow('200,000', disk2),
      ],
    };
  } finally {
    rmSync(small, { force: true });
    rmSync(large, { force: true });
  }
}

import type { LiveClient } from './live-client.ts';

/**
 * The write side of the live bench: a mediator editing one point of the working draft through
 * the API, paced, and the arithmetic that turns arrival times into latencies.
 */
export class DraftWriter {
  private revision = 0;
  private points: { id: string; text: string }[] = [];
  private count = 0;

  constructor(
    readonly base: string,
    private readonly cookie: string,
    readonly planId: string,
  ) {}

  async init(): Promise<void> {
    const res = await fetch(`${this.base}/api/v1/plans/${this.planId}`, { headers: { cookie: this.cookie } });
    const body = (await res.json()) as {
      plan: { revision: number };
      content: { points: { id: string; text: string }[] };
    };
    this.revision = body.plan.revision;
    this.points = body.content.points.slice(0, 5);
    if (this.points.length === 0) throw new Error('the demo plan has no points');
  }

  /** One edit of a point's text; `t0` is taken just before the request is sent. */
  async write(): Promise<{ t0: number; rtt: number; revision: number }> {
    const n = this.count++;
    const point = this.points[n % this.points.length] as { id: string; text: string };
    const body = JSON.stringify({
      baseRevision: this.revision,
      op: { type: 'updatePoint', pointId: point.id, text: `${point.text} (bench edit ${n})` },
    });
    const t0 = performance.now();
    const res = await fetch(`${this.base}/api/v1/plans/${this.planId}/draft`, {
      method: 'PATCH',
      headers: { cookie: this.cookie, 'content-type': 'application/json', 'x-entente-csrf': '1' },
      body,
    });
    const answer = (await res.json()) as { revision?: number };
    const rtt = performance.now() - t0;
    if (res.status !== 200 || answer.revision === undefined)
      throw new Error(`draft edit failed: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
    this.revision = answer.revision;
    return { t0, rtt, revision: answer.revision };
  }
}

export interface DriveResult {
  /** When each revision's write was sent. */
  sent: Map<number, number>;
  /** When each revision's write was answered. */
  answered: Map<number, number>;
  /** Each write's own HTTP round-trip, ms. */
  rtts: number[];
  /** Writes some subscriber had not heard of within the timeout. */
  timedOut: number;
  /** The bench's own CPU time per write (parsing 500 streams is not free), ms. */
  benchCpuMsPerWrite: number;
}

/** After this many undelivered writes the run stops: something is broken, and waiting costs minutes. */
const MAX_TIMEOUTS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends `writes` edits, at most one every `intervalMs`, and before the next one waits (up to
 * `timeoutMs`) until every one of `expected` heard of it: each latency is that of a write on its
 * own, not of a queue of them.
 */
export async function drive(
  writer: DraftWriter,
  expected: LiveClient[],
  options: { writes: number; intervalMs: number; timeoutMs: number },
): Promise<DriveResult> {
  const counts = new Map<number, number>();
  let waiting: { revision: number; done: () => void } | null = null;
  for (const client of expected) {
    client.onArrival = (revision) => {
      const n = (counts.get(revision) ?? 0) + 1;
      counts.set(revision, n);
      if (waiting?.revision === revision && n >= expected.length) waiting.done();
    };
  }
  const sent = new Map<number, number>();
  const answered = new Map<number, number>();
  const rtts: number[] = [];
  let timedOut = 0;
  const cpu = process.cpuUsage();
  try {
    for (let i = 0; i < options.writes && timedOut < MAX_TIMEOUTS; i++) {
      const { t0, rtt, revision } = await writer.write();
      sent.set(revision, t0);
      answered.set(revision, t0 + rtt);
      rtts.push(rtt);
      if ((counts.get(revision) ?? 0) < expected.length) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timedOut++;
            resolve();
          }, options.timeoutMs);
          waiting = {
            revision,
            done: () => {
              clearTimeout(timer);
              resolve();
            },
          };
        });
        waiting = null;
      }
      const rest = t0 + options.intervalMs - performance.now();
      if (rest > 0) await sleep(rest);
    }
  } finally {
    for (const client of expected) client.onArrival = null;
  }
  const used = process.cpuUsage(cpu);
  return {
    sent,
    answered,
    rtts,
    timedOut,
    benchCpuMsPerWrite: (used.user + used.system) / 1000 / rtts.length,
  };
}

export interface Quantiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank quantiles, the same rule as harness.ts `summarize`. */
export function quantiles(values: number[]): Quantiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

export interface Deliveries {
  /** Write-to-arrival, ms, one per (client, write) delivered. */
  latency: Quantiles;
  /** Per write, the time until the last of the clients had it. */
  lastClient: Quantiles;
  /** Arrival after the writer's own answer, ms (negative: the event came first). */
  afterAnswer: Quantiles;
  delivered: number;
  lost: number;
}

/** The latencies of `clients` for the writes of `run`; an event that never arrived is lost. */
export function deliveries(clients: LiveClient[], run: DriveResult): Deliveries {
  const values: number[] = [];
  const after: number[] = [];
  const last: number[] = [];
  let lost = 0;
  for (const [revision, t0] of run.sent) {
    const answeredAt = run.answered.get(revision) ?? t0;
    let latest = 0;
    for (const client of clients) {
      const at = client.arrivals.get(revision);
      if (at === undefined) {
        lost++;
        continue;
      }
      values.push(at - t0);
      after.push(at - answeredAt);
      latest = Math.max(latest, at - t0);
    }
    last.push(latest);
  }
  return {
    latency: quantiles(values),
    lastClient: quantiles(last),
    afterAnswer: quantiles(after),
    delivered: values.length,
    lost,
  };
}

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServe, waitForHealth } from '../server-process.ts';

/**
 * `entente serve` instances for the live bench, on the ports set aside for it. Unlike
 * server-process.ts (ephemeral ports), the port comes from a fixed range so that the bench never
 * lands on a port another developer's server is about to use; the data directory is removed on stop.
 */
export const PORT_RANGE = { first: 4107, last: 4120 } as const;

const claimed = new Set<number>();
const running = new Set<Instance>();
const children = new Set<ChildProcess>();

// Last resort when the bench exits without its `finally` (process.exit, an uncaught error): no
// server started here outlives it.
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

export interface Instance {
  url: string;
  pid: number;
  /** Its ENTENTE_DATA_DIR (the SQLite file is entente.sqlite in it). */
  dataDir: string;
  /** User + system CPU time of the server process so far, in milliseconds (from /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function claimPort(): Promise<number> {
  for (let port = PORT_RANGE.first; port <= PORT_RANGE.last; port++) {
    if (claimed.has(port) || !(await portIsFree(port))) continue;
    claimed.add(port);
    return port;
  }
  throw new Error(`no free port in ${PORT_RANGE.first}–${PORT_RANGE.last} for the live bench`);
}

// Clock ticks per second of /proc/<pid>/stat; 100 on every Linux the project runs on.
const CLOCK_TICKS = 100;

function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime, stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

/** Starts `entente serve` on loopback with a fresh data directory; resolves once /api/health answers. */
export async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  const port = await claimPort();
  const dataDir = mkdtempSync(join(tmpdir(), 'entente-live-bench-'));
  const { child, output } = spawnServe({
    ...process.env,
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ENTENTE_DATA_DIR: dataDir,
    ENTENTE_LOG: 'off',
  });
  children.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  const instance: Instance = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    dataDir,
    cpuMs: () => cpuMsOf(child.pid ?? 0),
    async stop() {
      running.delete(instance);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        // A server that does not close within 10 s is killed: the bench must not leave it behind.
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      claimed.delete(port);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(instance);
  try {
    await waitForHealth(instance.url, child, output);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

/** Stops every instance still running (the bench's `finally`, and Ctrl-C). */
export async function stopAllInstances(): Promise<void> {
  await Promise.all([...running].map((i) => i.stop()));
}

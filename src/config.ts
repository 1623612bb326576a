import { resolve } from 'node:path';
import type { DatabaseConfig } from './store/database.ts';

/** Settings from the environment, with the defaults of a laptop install. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Load the demo process into an empty database at start. */
  loadDemo: boolean;
}

/** Reads PORT, HOST, ENTENTE_DATA_DIR, DATABASE_URL and ENTENTE_DEMO. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.ENTENTE_DATA_DIR ?? 'data');
  const port = Number.parseInt(env.PORT ?? '4100', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const url = env.DATABASE_URL?.trim();
  return {
    port,
    // Loopback by default: the demo accounts have a published password. HOST=0.0.0.0 to serve a network.
    host: env.HOST ?? 'localhost',
    dataDir,
    database: url ? { kind: 'postgres', url } : { kind: 'sqlite', file: resolve(dataDir, 'entente.sqlite') },
    loadDemo: env.ENTENTE_DEMO !== 'off',
  };
}

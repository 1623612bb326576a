import { sql } from 'kysely';
import type pg from 'pg';
import { decodeLiveEvent, encodeLiveEvent, type LiveEvent } from '../../domain/live/live-event.ts';
import type { Database } from '../../store/database.ts';

/**
 * Live updates travel from the service that made a change to every app instance that serves the
 * same database, and there to the event streams of the users allowed to hear of it.
 *
 * Why services call `publishLiveEvent(database, event)` rather than a bus handed to them: the
 * `Database` is what every service already receives, from HTTP handlers and CLI commands alike, and
 * it is what decides how an event travels. On PostgreSQL publishing is a `pg_notify` through the
 * pool, so a change made by the CLI, or by any instance, reaches every listening instance; nothing
 * needs to be wired through. On SQLite (one process by design) it is an in-process hand-over to
 * the buses opened on that same `Database` object, found in a registry keyed by it, so two test
 * apps on two databases never hear each other.
 */
export const LIVE_CHANNEL = 'entente_live';

export interface LiveSubscriber {
  /** An event published on this database by any instance, this one included; audience unchecked. */
  event(event: LiveEvent): void;
  /** Events may have been missed (the listening connection dropped and came back). */
  gap(): void;
}

/** One instance's receiver of live events, opened when the app is built and closed with it. */
export interface LiveBus {
  subscribe(subscriber: LiveSubscriber): () => void;
  close(): Promise<void>;
}

export interface LiveBusOptions {
  /** Where failures go (a dropped listener, a failed publish): the app's logger. */
  onError?: (error: unknown, context: string) => void;
  /** Bounds of the exponential backoff between attempts to listen again. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

interface AttachedBus {
  receive(payload: string): void;
  report(error: unknown, context: string): void;
}

const attached = new WeakMap<Database, Set<AttachedBus>>();

/**
 * Tells every instance that something changed. Call it after the transaction committed, so that
 * nobody re-fetches before the change is visible. Never throws: the change is already stored, and
 * clients re-fetch when their stream reconnects, so a lost event costs only freshness.
 */
export async function publishLiveEvent(database: Database, event: LiveEvent): Promise<void> {
  const buses = attached.get(database);
  try {
    const payload = encodeLiveEvent(event);
    if (database.dialect === 'postgres') {
      await sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`.execute(database.db);
    } else {
      // Later, not now: a subscriber's work must not run inside the publishing service's call.
      for (const bus of buses ?? []) setImmediate(() => bus.receive(payload));
    }
  } catch (error) {
    for (const bus of buses ?? []) bus.report(error, `publishing ${event.type}`);
  }
}

/** Opens this instance's bus: on PostgreSQL it holds one connection that LISTENs on the channel. */
export async function openLiveBus(database: Database, options: LiveBusOptions = {}): Promise<LiveBus> {
  const subscribers = new Set<LiveSubscriber>();
  const report = options.onError ?? (() => {});
  const each = (visit: (s: LiveSubscriber) => void) => {
    for (const subscriber of [...subscribers]) {
      try {
        visit(subscriber);
      } catch (error) {
        report(error, 'delivering a live event');
      }
    }
  };
  const self: AttachedBus = {
    receive(payload) {
      const event = decodeLiveEvent(payload);
      if (event) each((s) => s.event(event));
      else report(new Error('ignored a malformed live event'), LIVE_CHANNEL);
    },
    report,
  };
  const registry = attached.get(database) ?? new Set();
  attached.set(database, registry.add(self));

  const listener = database.dedicatedClient
    ? await listen(database.dedicatedClient, {
        onPayload: (payload) => self.receive(payload),
        onGap: () => each((s) => s.gap()),
        report,
        minMs: options.reconnectMinMs ?? 250,
        maxMs: options.reconnectMaxMs ?? 30_000,
      })
    : null;

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    },
    async close() {
      registry.delete(self);
      subscribers.clear();
      await listener?.close();
    },
  };
}

/**
 * Keeps one connection LISTENing, re-opening it with capped exponential backoff (and jitter, so
 * that instances do not reconnect in step) whenever it drops. Whatever was notified while it was
 * down is lost, so each re-connection is reported as a gap.
 */
async function listen(
  open: () => pg.Client,
  hooks: {
    onPayload(payload: string): void;
    onGap(): void;
    report(error: unknown, context: string): void;
    minMs: number;
    maxMs: number;
  },
): Promise<{ close(): Promise<void> }> {
  let current: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let attempts = 0;
  let retry: NodeJS.Timeout | null = null;

  const drop = (client: pg.Client) => {
    if (current !== client) return; // the 'error' and the 'end' of one connection
    current = null;
    client.end().catch(() => {});
    if (closed) return;
    const delay = Math.min(hooks.maxMs, hooks.minMs * 2 ** Math.min(failures++, 16));
    retry = setTimeout(
      () => {
        retry = null;
        void connect();
      },
      delay * (0.5 + Math.random() / 2),
    );
    retry.unref();
  };

  const connect = async () => {
    const first = attempts++ === 0;
    const client = open();
    current = client;
    client.on('notification', (message) => {
      if (message.channel === LIVE_CHANNEL && message.payload) hooks.onPayload(message.payload);
    });
    client.on('error', (error) => {
      if (!closed) hooks.report(error, 'the live-update listener lost its connection');
      drop(client);
    });
    client.on('end', () => drop(client));
    try {
      await client.connect();
      await client.query("set application_name = 'entente-live'");
      await client.query(`listen ${LIVE_CHANNEL}`);
    } catch (error) {
      if (!closed) hooks.report(error, 'the live-update listener could not connect');
      drop(client);
      return;
    }
    if (current !== client) return;
    failures = 0;
    if (!first) hooks.onGap();
  };

  // Wait for the first LISTEN (so that an app is live once built), but not for ever: an
  // unreachable server is retried in the background rather than blocking the start.
  let timeout: NodeJS.Timeout | undefined;
  await Promise.race([connect(), new Promise((r) => (timeout = setTimeout(r, 5000)))]);
  clearTimeout(timeout);

  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => {});
    },
  };
}

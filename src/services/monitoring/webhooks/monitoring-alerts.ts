import type { Database } from '../../../store/database.ts';
import { announceStatusChanges } from './announce-status-changes.ts';
import { DEFAULT_DELIVERY, type DeliverySettings, deliverDueWebhooks } from './deliver-webhooks.ts';

export interface AlertSettings {
  /** Off in tools that build the app without serving it for long (none yet); on by default. */
  enabled: boolean;
  /** How often the status of every commitment is recomputed and changes announced. */
  watchIntervalMs: number;
  /** How often due deliveries (retries, other instances' announcements) are looked for. */
  deliveryIntervalMs: number;
  delivery: DeliverySettings;
}

export const DEFAULT_ALERTS: AlertSettings = {
  enabled: true,
  watchIntervalMs: 60_000,
  deliveryIntervalMs: 10_000,
  delivery: DEFAULT_DELIVERY,
};

export interface MonitoringAlerts {
  /** Stops both loops and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * Runs the status watcher and the delivery worker on timers, on every instance: what the watcher
 * announces and the worker sends is claimed in the database, so instances never double up. Each
 * loop waits for its run to end before the next is scheduled, and a failed run is reported and
 * left to the next one (a database that is briefly away must not stop the alerts for good).
 */
export function startMonitoringAlerts(
  database: Database,
  options: Partial<AlertSettings> & { onError: (error: unknown, context: string) => void },
): MonitoringAlerts {
  const settings = { ...DEFAULT_ALERTS, ...options };
  if (!settings.enabled) return { stop: async () => undefined };
  const deliver = loop(
    settings.deliveryIntervalMs,
    async () => {
      await deliverDueWebhooks(database, settings.delivery);
    },
    options.onError,
    'webhook delivery failed',
  );
  const watch = loop(
    settings.watchIntervalMs,
    async () => {
      const { deliveries } = await announceStatusChanges(database);
      // What was just queued need not wait for the worker's next turn.
      if (deliveries > 0) deliver.now();
    },
    options.onError,
    'commitment status watch failed',
  );
  return {
    stop: async () => {
      await Promise.all([watch.stop(), deliver.stop()]);
    },
  };
}

/** Runs `run` every `intervalMs`, never two at once; `now()` runs it early. */
function loop(
  intervalMs: number,
  run: () => Promise<void>,
  onError: (error: unknown, context: string) => void,
  context: string,
) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(tick, intervalMs);
    // The loop alone must not keep a process alive (a CLI command, a test run).
    timer.unref();
  };
  const tick = () => {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = run()
      .catch((error) => onError(error, context))
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          tick();
        } else schedule();
      });
  };
  schedule();
  return {
    now: () => {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      tick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

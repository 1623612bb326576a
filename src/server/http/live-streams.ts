import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Viewer } from '../../domain/access/policies.ts';
import { audienceAllows } from '../../domain/live/audience.ts';
import type { LiveEvent } from '../../domain/live/live-event.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { viewerIn } from '../../services/access/authorize.ts';
import type { Actor } from '../../services/access/sessions.ts';
import { openLiveBus } from '../../services/live/live-bus.ts';
import type { Database } from '../../store/database.ts';
import { credentialStillValid } from './live-credential.ts';
import { applySecurityHeaders } from './security-headers.ts';

export interface LiveStreamSettings {
  /** Open streams one user may hold (tabs, devices); more are refused with 429. */
  perUser: number;
  /** Open streams of the whole instance. */
  total: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs: number;
  /** The viewer's session and membership are re-read at least this often. */
  recheckMs: number;
  /** The reconnection delay the browser is told to use. */
  retryMs: number;
}

export const DEFAULT_LIVE_STREAM_SETTINGS: LiveStreamSettings = {
  perUser: 10,
  total: 2000,
  heartbeatMs: 25_000,
  recheckMs: 60_000,
  retryMs: 3_000,
};

// A client that does not read its stream is cut off rather than buffered for without limit; it
// reconnects and re-fetches. Likewise for events queued behind a slow membership re-read.
const MAX_BUFFERED_BYTES = 256 * 1024;
const MAX_QUEUED_EVENTS = 500;

/** The open event streams of one app instance. */
export interface LiveStreams {
  /**
   * Turns an authenticated, authorized request into an event stream (the reply is hijacked).
   * Throws `too_many_requests` past the limits.
   */
  open(input: {
    processId: string;
    actor: Actor;
    viewer: Viewer;
    request: FastifyRequest;
    reply: FastifyReply;
  }): void;
  /** How many streams are open, for tests and health. */
  readonly size: number;
  /** Ends every stream (so that the server can close) and the bus. */
  close(): Promise<void>;
}

/** Opens this instance's bus and routes what it hears to the streams allowed to hear it. */
export async function openLiveStreams(
  database: Database,
  options: { settings?: Partial<LiveStreamSettings>; onError?: (error: unknown, context: string) => void },
): Promise<LiveStreams> {
  const settings = { ...DEFAULT_LIVE_STREAM_SETTINGS, ...options.settings };
  const report = options.onError ?? (() => {});
  const byProcess = new Map<string, Set<Stream>>();
  const perUser = new Map<string, number>();
  let size = 0;
  let closed = false;

  const bus = await openLiveBus(database, { onError: report });
  const endAll = () => {
    for (const streams of [...byProcess.values()]) for (const stream of [...streams]) stream.end();
  };
  bus.subscribe({
    event: (event) => {
      for (const stream of byProcess.get(event.processId) ?? []) stream.deliver(event);
    },
    // Events were lost: end every stream, and the clients reconnect and re-fetch.
    gap: endAll,
  });

  const remove = (stream: Stream) => {
    const streams = byProcess.get(stream.processId);
    if (!streams?.delete(stream)) return;
    if (streams.size === 0) byProcess.delete(stream.processId);
    const count = (perUser.get(stream.userId) ?? 1) - 1;
    if (count > 0) perUser.set(stream.userId, count);
    else perUser.delete(stream.userId);
    size--;
  };

  return {
    open({ processId, actor, viewer, request, reply }) {
      if (closed) throw new AppError('internal', 'the server is shutting down; reconnect shortly');
      if ((perUser.get(viewer.userId) ?? 0) >= settings.perUser) {
        throw new AppError(
          'too_many_requests',
          `you have ${settings.perUser} live-update streams open already; close a tab or window first`,
        );
      }
      if (size >= settings.total)
        throw new AppError(
          'too_many_requests',
          'the server has too many live-update streams open; retry later',
        );
      const stream = new Stream(database, settings, processId, actor, viewer, request, reply, report, remove);
      const streams = byProcess.get(processId) ?? new Set();
      byProcess.set(processId, streams.add(stream));
      perUser.set(viewer.userId, (perUser.get(viewer.userId) ?? 0) + 1);
      size++;
      stream.start();
    },
    get size() {
      return size;
    },
    async close() {
      closed = true;
      endAll();
      await bus.close();
    },
  };
}

/**
 * One client's stream. Events are handled one after another, so that a membership re-read
 * completes before any later event is checked against the viewer it produces.
 */
class Stream {
  readonly userId: string;
  private seq = 0;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private ended = false;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly database: Database,
    private readonly settings: LiveStreamSettings,
    readonly processId: string,
    private readonly actor: Actor,
    private viewer: Viewer,
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
    private readonly report: (error: unknown, context: string) => void,
    private readonly onEnd: (stream: Stream) => void,
  ) {
    this.userId = viewer.userId;
  }

  start(): void {
    applySecurityHeaders(this.reply);
    this.reply.hijack();
    const raw = this.reply.raw;
    // A hijacked reply skips the onSend hook: carry over the security headers set above.
    for (const [name, value] of Object.entries(this.reply.getHeaders()))
      if (value !== undefined) raw.setHeader(name, value);
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      // nginx and similar proxies would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    raw.on('close', () => this.end());
    // The client may have gone while the request was being authorized: then no 'close' will come.
    if (raw.destroyed || this.request.raw.socket?.destroyed === true) {
      this.end();
      return;
    }
    // No replay of missed events (the Last-Event-ID header is not read): on every (re)connect the
    // client re-fetches what it shows, which the API authorizes as usual.
    this.write(`: live updates for process ${this.processId}\nretry: ${this.settings.retryMs}\n\n`);
    this.every(this.settings.heartbeatMs, () => this.write(': keep-alive\n\n'));
    this.every(this.settings.recheckMs, () => this.enqueue(() => this.recheck()));
  }

  deliver(event: LiveEvent): void {
    this.enqueue(async () => {
      // The viewer's own membership may be what changed: re-read it before deciding.
      if (event.type === 'membership.changed') await this.recheck();
      if (!this.ended && audienceAllows(this.viewer, event))
        this.write(`id: ${++this.seq}\ndata: ${JSON.stringify(event)}\n\n`);
    });
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const timer of this.timers) clearInterval(timer);
    this.onEnd(this);
    if (!this.reply.raw.writableEnded) this.reply.raw.end();
  }

  private enqueue(task: () => Promise<void>): void {
    if (this.ended) return;
    if (++this.queued > MAX_QUEUED_EVENTS) {
      this.end();
      return;
    }
    this.queue = this.queue
      .then(task)
      .catch((error: unknown) => {
        // Failing closed: when we cannot tell whether the viewer may still listen, stop.
        this.report(error, 'a live-update stream');
        this.end();
      })
      .finally(() => {
        this.queued--;
      });
  }

  /** Ends the stream once the session has ended or the viewer has left the process. */
  private async recheck(): Promise<void> {
    if (this.ended) return;
    if (!(await credentialStillValid(this.database, this.request, this.actor))) {
      this.end();
      return;
    }
    this.viewer = await viewerIn(this.database.db, this.actor, this.processId);
    if (!can(this.viewer, 'process.read')) this.end();
  }

  private write(text: string): void {
    const raw = this.reply.raw;
    if (this.ended || raw.writableEnded || raw.destroyed) return;
    raw.write(text);
    if (raw.writableLength > MAX_BUFFERED_BYTES) this.end();
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

import { get, type IncomingMessage } from 'node:http';

/**
 * One subscriber of a process's event stream, as a browser tab would hold it: it notes when each
 * `draft.changed` of one plan arrived, by revision. Built on node:http with a socket of its own
 * (`agent: false`), like test/support/event-stream.ts, and kept lean: 500 of them share the bench's
 * event loop, whose delays are part of every latency measured.
 */
export interface LiveClient {
  /** Where it is connected (an instance's base URL). */
  readonly base: string;
  /** performance.now() at which the event of each revision arrived. */
  readonly arrivals: Map<number, number>;
  /** Every `draft.changed` received, whatever its plan (for streams that must receive none). */
  readonly draftEvents: number;
  /** Whether the server ended the stream. */
  readonly ended: boolean;
  /** Called on each arrival, after it was recorded. */
  onArrival: ((revision: number) => void) | null;
  close(): void;
}

/** Opens the event stream of `processId` with a session cookie; rejects with the problem on a refusal. */
export async function openLiveClient(
  base: string,
  processId: string,
  planId: string,
  cookie: string,
): Promise<LiveClient> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = get(
      `${base}/api/v1/processes/${processId}/events`,
      { headers: { accept: 'text/event-stream', cookie }, agent: false },
      (response) => {
        // The limit is on the answer only: a stream that hears nothing for a while is fine.
        req.setTimeout(0);
        resolve(response);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer to the event stream request in 10 s')));
    req.on('error', reject);
  });
  res.setEncoding('utf8');
  if (res.statusCode !== 200) {
    let body = '';
    for await (const chunk of res) body += chunk;
    throw new Error(`event stream refused: ${res.statusCode} ${body}`);
  }
  let buffer = '';
  let draftEvents = 0;
  let ended = false;
  const client: LiveClient = {
    base,
    arrivals: new Map(),
    get draftEvents() {
      return draftEvents;
    },
    get ended() {
      return ended;
    },
    onArrival: null,
    close() {
      res.destroy();
    },
  };
  res.on('close', () => {
    ended = true;
  });
  res.on('error', () => {
    ended = true;
  });
  res.on('data', (chunk: string) => {
    // One clock reading per chunk: the time this client's turn came on the bench's loop.
    const at = performance.now();
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      for (const line of message.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const event = JSON.parse(line.slice('data: '.length)) as {
          type: string;
          planId?: string;
          revision?: number;
        };
        if (event.type !== 'draft.changed') continue;
        draftEvents++;
        if (event.planId !== planId || event.revision === undefined) continue;
        client.arrivals.set(event.revision, at);
        client.onArrival?.(event.revision);
      }
    }
  });
  return client;
}

import { Readable, Transform } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/shared/app-error.ts';

/**
 * Request bodies a route may take as a stream instead of having them parsed and held in memory:
 * a CSV import of up to 100 MiB is decoded and parsed while it arrives (see RouteDef.streamBody).
 * Routes that did not ask for a stream still refuse these media types (415), as before.
 */
export const STREAM_MEDIA_TYPES = ['text/csv'];

/** What app.ts puts in a route's Fastify config for the parser below to find. */
export interface StreamBodyConfig {
  streamBody?: { limit: number };
}

const mib = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(0)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/** The refusal of a body over the limit, naming both sizes. */
export function bodyTooLarge(limit: number, size: number, known: boolean): AppError {
  const what = known ? `is ${mib(size)} (${size.toLocaleString('en')} bytes)` : `exceeds ${mib(limit)}`;
  return new AppError(
    'payload.too_large',
    `the file ${what}; this import takes at most ${mib(limit)} (${limit.toLocaleString('en')} bytes): split it and import the parts`,
    { problems: [{ field: 'body', reason: `is larger than ${mib(limit)}` }], extra: { limitBytes: limit } },
  );
}

const unsupported = () =>
  new AppError('validation.failed', 'send the request body as application/json', {
    problems: [{ field: 'body', reason: 'must be application/json' }],
    extra: { status: 415 },
  });

/**
 * The content-type parser for STREAM_MEDIA_TYPES: hands a streaming route its body as a stream,
 * refused up front when Content-Length already says it is too large and cut off (payload.too_large)
 * once more than the limit has arrived, whatever Content-Length said. Nothing is buffered here.
 */
export function streamBodyParser(
  request: FastifyRequest,
  payload: NodeJS.ReadableStream,
  done: (error: Error | null, body?: unknown) => void,
): void {
  const config = request.routeOptions.config as StreamBodyConfig | undefined;
  const stream = config?.streamBody;
  if (!stream) {
    done(unsupported());
    return;
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > stream.limit) {
    done(bodyTooLarge(stream.limit, declared, true));
    return;
  }
  let seen = 0;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > stream.limit) callback(bodyTooLarge(stream.limit, seen, false));
      else callback(null, chunk);
    },
  });
  payload.on('error', (error) => bounded.destroy(error));
  done(null, (payload as Readable).pipe(bounded));
}

/** The streamed body of a streaming route; a JSON body sent to it instead is refused (415). */
export function streamedBody(body: unknown): Readable {
  if (body instanceof Readable) return body;
  throw new AppError(
    'validation.failed',
    'send the file itself as the request body, with Content-Type text/csv',
    {
      problems: [{ field: 'body', reason: 'must be text/csv' }],
      extra: { status: 415 },
    },
  );
}

/**
 * An answer sent before a streamed body was read to its end (a refusal half-way through an upload)
 * closes the connection, so that the rest of a large file is not read only to be thrown away.
 */
export function closeIfBodyUnread(request: FastifyRequest, reply: FastifyReply): void {
  const body = request.body;
  if (body instanceof Readable && !body.readableEnded) reply.header('connection', 'close');
}

import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/shared/app-error.ts';
import { streamBodyParser, streamedBody } from './stream-body.ts';

const request = (limit: number | null, contentLength?: number) =>
  ({
    routeOptions: { config: limit === null ? {} : { streamBody: { limit } } },
    headers: contentLength === undefined ? {} : { 'content-length': String(contentLength) },
  }) as unknown as FastifyRequest;

/** Runs the parser and reads the body it hands over to its end (or its error). */
async function parse(req: FastifyRequest, chunks: Buffer[]) {
  const handed = await new Promise<{ error: Error | null; body?: unknown }>((resolve) =>
    streamBodyParser(req, Readable.from(chunks), (error, body) => resolve({ error, body })),
  );
  if (handed.error) return { refusedUpFront: handed.error };
  let read = 0;
  try {
    for await (const chunk of streamedBody(handed.body)) read += (chunk as Buffer).length;
    return { read };
  } catch (error) {
    return { read, error: error as AppError };
  }
}

describe('streamBodyParser', () => {
  const kib = (n: number) => Buffer.alloc(n * 1024, 0x61);

  it('passes a body within the limit through, byte for byte', async () => {
    expect(await parse(request(4096), [kib(1), kib(2), kib(1)])).toEqual({ read: 4096 });
  });

  it('refuses a body whose Content-Length is over the limit before reading any of it', async () => {
    const { refusedUpFront } = await parse(request(1024, 200_000_000), [kib(1)]);
    expect(refusedUpFront).toBeInstanceOf(AppError);
    expect((refusedUpFront as AppError).code).toBe('payload.too_large');
    expect(refusedUpFront?.message).toContain('191 MiB (200,000,000 bytes)');
  });

  it('cuts off a body that runs past the limit whatever Content-Length said', async () => {
    const result = await parse(request(2048, 10), [kib(1), kib(1), Buffer.from('x'), kib(1)]);
    expect(result.read).toBeLessThanOrEqual(2048);
    expect(result.error?.code).toBe('payload.too_large');
    expect(result.error?.message).toContain('at most 2 KiB (2,048 bytes)');
  });

  it('leaves the media type refused (415) on routes that do not stream', async () => {
    const { refusedUpFront } = await parse(request(null), [kib(1)]);
    expect((refusedUpFront as AppError).extra.status).toBe(415);
    expect(() => streamedBody({ file: 'a,b' })).toThrow(/text\/csv/);
  });
});

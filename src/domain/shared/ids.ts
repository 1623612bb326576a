import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A short random identifier with a readable prefix ("pt_8k2m…"); 80 bits of randomness. */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += ALPHABET[(bytes[i] ?? 0) % 32];
  return `${prefix}_${out}`;
}

/** Produces ids; injected so that tests and parsers can be deterministic. */
export type IdGenerator = (prefix: string) => string;

/** A deterministic generator for tests: pt_1, pt_2, … per prefix. */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${n}`;
  };
}

import { createHash } from 'node:crypto';
import type { PlanContent } from './plan.ts';

/** JSON with object keys sorted, so equal content always serialises to equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of the canonical JSON of a plan's content: the identity of a version's text. */
export function contentHash(content: PlanContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

import { hash } from 'node:crypto';
import type { EventRow } from './event-fields.ts';

const NON_ASCII = /[^\x00-\x7f]/;

/** Case, accents' composed form and runs of spaces do not make a different event. */
function norm(text: string): string {
  // NFKC leaves ASCII alone; skipping it there saves a third of the key's cost on ACLED data.
  const composed = NON_ASCII.test(text) ? text.normalize('NFKC') : text;
  return composed.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Four decimals is about 11 m: the same place written with more or fewer digits is one place. */
function coordinate(value: number | null): string {
  return value === null ? '' : value.toFixed(4);
}

/**
 * What identifies an event when its dataset gives no id: SHA-256 (hex) over the normalised
 * period start, place, coordinates, type, sub-type, actors and source. Fatalities, notes and
 * grading stay out, so a later edition of the same event (ACLED revises death tolls in place)
 * is still recognised on re-import. "v1" versions the recipe.
 */
export function eventDedupeKey(row: EventRow): string {
  const parts = [
    'v1',
    row.occurredAt,
    row.timePrecision,
    norm(row.placeName),
    coordinate(row.latitude),
    coordinate(row.longitude),
    norm(row.eventType),
    norm(row.subEventType),
    norm(row.actor1),
    norm(row.actor2),
    norm(row.source),
  ];
  // One-shot crypto.hash (Node 20.12+) is twice as fast as createHash for short inputs.
  return hash('sha256', parts.join('\u001f'), 'hex');
}

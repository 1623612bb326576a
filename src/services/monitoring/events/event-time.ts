import { startOfPeriod } from '../../../domain/monitoring/event-import/event-dates.ts';
import type { TimePrecision } from '../../../domain/monitoring/monitoring-model.ts';

/**
 * A report's occurred_at is the start of the period its time is known to (the day, the week…),
 * for reports filed by hand as for imported ones, so that filters and the map's time slider
 * treat both alike.
 */
export function storedOccurredAt(at: string, precision: TimePrecision): string {
  return new Date(startOfPeriod(Date.parse(at), precision)).toISOString();
}

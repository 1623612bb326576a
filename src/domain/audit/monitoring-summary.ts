import type { SummaryInput } from './audit-summary.ts';

/** One line for an agreement, commitment, progress or score entry; undefined for other actions. */
export function summariseMonitoringEntry(_input: SummaryInput): string | undefined {
  return undefined;
}

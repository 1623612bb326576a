import type { SummaryInput } from './audit-summary.ts';

/** One line for an event report, import, zone or webhook entry; undefined for other actions. */
export function summariseEventReportEntry(_input: SummaryInput): string | undefined {
  return undefined;
}

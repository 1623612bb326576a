import { DateTime } from 'luxon';
import {
  type CommitmentStatus,
  type DeadlineSpec,
  type ImplementationScore,
  SCORE_LABELS,
} from '../../../domain/monitoring/monitoring-model.ts';
import type { CommitmentLine } from '../../../domain/monitoring/monitoring-snapshot.ts';

/**
 * How the report and `entente monitor report` put a commitment's state into words: the same
 * phrases in the Word file, the PDF and the terminal.
 */

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  completed_late: 'Completed late',
  overdue: 'Overdue',
  breached: 'Breached',
  disputed: 'Disputed',
};

const NUMBER = new Intl.NumberFormat('en-GB');

/** "1,968". */
export const formatCount = (n: number) => NUMBER.format(n);

/** "42.5 %" with one decimal, or none when it is whole. */
export function formatPercent(percent: number): string {
  const rounded = Math.round(percent * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} %`;
}

/** "1 Mar 2027, 12:00 CET" in `zone` (the agreement's), for a reader on paper. */
export function formatInstant(iso: string, zone: string): string {
  const t = DateTime.fromISO(iso, { zone });
  return t.isValid ? t.toFormat('d LLL yyyy, HH:mm ZZZZ', { locale: 'en-GB' }) : iso;
}

/** "1 Mar 2027" for a calendar date "2027-03-01". */
export function formatDate(date: string): string {
  const t = DateTime.fromISO(date, { zone: 'UTC' });
  return t.isValid ? t.toFormat('d LLL yyyy', { locale: 'en-GB' }) : date;
}

const plural = (n: number, unit: string) => `${formatCount(n)} ${n === 1 ? unit.replace(/s$/, '') : unit}`;

/** How the deadline is set, in words: "72 hours after entry into force", "30 days after #3". */
export function deadlineRule(spec: DeadlineSpec, numberOf: (commitmentId: string) => string): string | null {
  switch (spec.kind) {
    case 'none':
      return null;
    case 'absolute':
      return `fixed date (${spec.zone})`;
    case 'after_entry_into_force':
      return `${plural(spec.amount, spec.unit)} after entry into force`;
    case 'after_commitment':
      return `${plural(spec.amount, spec.unit)} after ${numberOf(spec.commitmentId)} is completed`;
  }
}

/** The deadline as of the report: its moment when known, else what its clock waits for. */
export function deadlineText(
  line: Pick<CommitmentLine, 'deadline' | 'deadlineAt' | 'waitingFor'>,
  zone: string,
  numberOf: (commitmentId: string) => string,
): string {
  const rule = deadlineRule(line.deadline, numberOf);
  if (rule === null) return 'No deadline';
  if (line.deadlineAt !== null)
    return line.deadline.kind === 'absolute'
      ? formatInstant(line.deadlineAt, zone)
      : `${formatInstant(line.deadlineAt, zone)} (${rule})`;
  const waiting =
    line.waitingFor === 'entry_into_force' ? 'not yet in force' : 'the clock has not started yet';
  return `${rule}; ${waiting}`;
}

/** Progress on the quantity target ("12 / 20 living hostages, 60 %"), or what was delivered. */
export function progressText(
  line: Pick<CommitmentLine, 'quantityDone' | 'targetQuantity' | 'targetUnit' | 'completedAt'>,
  zone: string,
): string {
  const unit = line.targetUnit ? ` ${line.targetUnit}` : '';
  const parts: string[] = [];
  if (line.targetQuantity !== null && line.targetQuantity > 0) {
    const share = Math.min(100, (line.quantityDone / line.targetQuantity) * 100);
    parts.push(
      `${formatCount(line.quantityDone)} / ${formatCount(line.targetQuantity)}${unit} (${formatPercent(share)})`,
    );
  } else if (line.quantityDone > 0) parts.push(`${formatCount(line.quantityDone)}${unit}`);
  if (line.completedAt !== null) parts.push(`completed ${formatInstant(line.completedAt, zone)}`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

/** "2 — intermediate", or "Not scored". */
export function scoreText(score: ImplementationScore | null): string {
  return score === null ? 'Not scored' : `${score} — ${SCORE_LABELS[score]}`;
}

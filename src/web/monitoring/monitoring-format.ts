import type { DeadlineUnit } from '../../domain/monitoring/monitoring-model.ts';
import type {
  CommitmentStatus,
  DeadlineSpec,
  ImplementationScore,
  ProgressKind,
} from './monitoring-types.ts';

export const STATUS_LABELS: Record<CommitmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  completed: 'Completed',
  completed_late: 'Completed late',
  overdue: 'Overdue',
  breached: 'Breached',
  disputed: 'Disputed',
};

/** The order the dashboard shows statuses in: the ones needing attention first. */
export const STATUS_ORDER: readonly CommitmentStatus[] = [
  'breached',
  'overdue',
  'disputed',
  'in_progress',
  'not_started',
  'completed_late',
  'completed',
];

export const PROGRESS_KIND_LABELS: Record<ProgressKind, string> = {
  progress: 'Progress',
  completed: 'Completed',
  breached: 'Breach',
  disputed: 'Disputed',
  dispute_resolved: 'Dispute resolved',
  reopened: 'Reopened',
};

export const SCORE_NAMES: Record<ImplementationScore, string> = {
  0: 'Not initiated',
  1: 'Minimal',
  2: 'Intermediate',
  3: 'Full',
};

/** "2 · Intermediate" */
export const scoreLabel = (s: ImplementationScore): string => `${s} · ${SCORE_NAMES[s]}`;

const UNIT_NAMES: Record<DeadlineUnit, [string, string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
};

/** "72 hours", "1 month" */
export function amountLabel(amount: number, unit: DeadlineUnit): string {
  const [one, many] = UNIT_NAMES[unit];
  return `${amount} ${amount === 1 ? one : many}`;
}

/**
 * The deadline as the text would say it: "72 hours after entry into force", "30 days after
 * “Release of hostages” is completed", "By 1 Mar 2027, 12:00 (Europe/Geneva)", "No deadline".
 */
export function describeDeadline(spec: DeadlineSpec, titleOf: (id: string) => string | undefined): string {
  switch (spec.kind) {
    case 'none':
      return 'No deadline';
    case 'absolute':
      return `By ${formatLocal(spec.local)} (${spec.zone.replace(/_/g, ' ')})`;
    case 'after_entry_into_force':
      return spec.amount === 0
        ? 'At entry into force'
        : `${amountLabel(spec.amount, spec.unit)} after entry into force`;
    case 'after_commitment': {
      const title = titleOf(spec.commitmentId);
      const what = `${title === undefined ? 'another commitment' : `“${title}”`} is completed`;
      return spec.amount === 0
        ? `As soon as ${what}`
        : `${amountLabel(spec.amount, spec.unit)} after ${what}`;
    }
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;
const localFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A wall-clock "2027-03-01T12:00" as people read it, without moving it to another zone. */
export function formatLocal(local: string): string {
  const m = LOCAL.exec(local);
  if (!m) return local;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return localFormat.format(new Date(Date.UTC(y, mo - 1, d, h, mi)));
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant as read in `zone`: "1 Mar 2027, 12:00 CET". */
export function formatInZone(iso: string, zone: string | null): string {
  const z = zone ?? 'UTC';
  let f = zoneFormats.get(z);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: z,
      });
    } catch {
      f = localFormat;
    }
    zoneFormats.set(z, f);
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const name =
    new Intl.DateTimeFormat(undefined, { timeZone: f.resolvedOptions().timeZone, timeZoneName: 'short' })
      .formatToParts(d)
      .find((p) => p.type === 'timeZoneName')?.value ?? z;
  return `${f.format(d)} ${name}`;
}

/** "3 days overdue", "due in 5 hours", "due now": the distance between a deadline and "as of". */
export function relativeDue(deadlineAt: string, asOf: string): string {
  const diff = Date.parse(deadlineAt) - Date.parse(asOf);
  const span = spanLabel(Math.abs(diff));
  if (span === null) return 'due now';
  return diff < 0 ? `${span} overdue` : `due in ${span}`;
}

function spanLabel(ms: number): string | null {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return null;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** "42%" (one decimal below 10%, so small progress does not read as none). */
export function percentLabel(p: number): string {
  if (p > 0 && p < 10) return `${(Math.round(p * 10) / 10).toLocaleString()}%`;
  return `${Math.round(p)}%`;
}

/** A number with the reader's grouping: "1,968". */
export const quantityLabel = (n: number): string => n.toLocaleString();

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the "YYYY-MM-DDTHH:mm" a datetime-local input holds, in the reader's own zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value, read in the reader's own zone, as an instant; null when it is not one. */
export function fromLocalInput(value: string): string | null {
  if (!LOCAL.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Today as "YYYY-MM-DD" in the reader's zone, for a date input's default. */
export function todayLocal(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
/** A calendar date "2027-03-01" as people read it, on that same day wherever the reader is. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return dayFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

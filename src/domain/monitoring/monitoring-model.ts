/**
 * The vocabulary of implementation monitoring, shared by the pure rules in this folder, the
 * store, the API and the web client. Instants are UTC ISO-8601 strings ending in Z.
 */

export type DeadlineUnit = 'hours' | 'days' | 'weeks' | 'months';
export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['hours', 'days', 'weeks', 'months'];

/**
 * When a commitment is due. Hours are elapsed time ("within 72 hours" of noon is 72 real hours
 * later, across a clock change); days, weeks and months are calendar steps in the agreement's
 * time zone ("30 days after" keeps the wall-clock time).
 */
export type DeadlineSpec =
  | { kind: 'none' }
  | { kind: 'absolute'; local: string; zone: string }
  | { kind: 'after_entry_into_force'; amount: number; unit: DeadlineUnit }
  | { kind: 'after_commitment'; amount: number; unit: DeadlineUnit; commitmentId: string };

export type DeadlineKind = DeadlineSpec['kind'];
export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'none',
  'absolute',
  'after_entry_into_force',
  'after_commitment',
];

export type CommitmentStatus =
  | 'not_started'
  | 'in_progress'
  | 'completed'
  | 'completed_late'
  | 'overdue'
  | 'breached'
  | 'disputed';
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = [
  'not_started',
  'in_progress',
  'completed',
  'completed_late',
  'overdue',
  'breached',
  'disputed',
];

/** What a progress entry records: units delivered, completion, a breach, a dispute and its end. */
export type ProgressKind =
  | 'progress'
  | 'completed'
  | 'breached'
  | 'disputed'
  | 'dispute_resolved'
  | 'reopened';
export const PROGRESS_KINDS: readonly ProgressKind[] = [
  'progress',
  'completed',
  'breached',
  'disputed',
  'dispute_resolved',
  'reopened',
];

/** The implementation score researchers use: 0 not initiated, 1 minimal, 2 intermediate, 3 full. */
export type ImplementationScore = 0 | 1 | 2 | 3;
export const SCORE_LABELS: Record<ImplementationScore, string> = {
  0: 'not initiated',
  1: 'minimal',
  2: 'intermediate',
  3: 'full',
};

export interface ProgressEntry {
  occurredAt: string;
  kind: ProgressKind;
  quantity: number | null;
}

export interface ScoreEntry {
  score: ImplementationScore;
  /** From when the score holds; the newest effective at or before "as of" applies. */
  effectiveAt: string;
  recordedAt: string;
}

/** What the status rules need to know about one commitment. */
export interface CommitmentFacts {
  id: string;
  deadline: DeadlineSpec;
  targetQuantity: number | null;
  progress: readonly ProgressEntry[];
  scores: readonly ScoreEntry[];
}

/** The agreement's clock: entry into force (null until set) and the zone calendar steps use. */
export interface AgreementClock {
  entryIntoForceAt: string | null;
  zone: string;
}

/** A commitment's state as of a moment. */
export interface CommitmentState {
  id: string;
  status: CommitmentStatus;
  /** Null when there is no deadline, or its clock has not started yet (see `waitingFor`). */
  deadlineAt: string | null;
  waitingFor: 'entry_into_force' | 'commitment' | null;
  quantityDone: number;
  score: ImplementationScore | null;
  completedAt: string | null;
}

export type EventStatus = 'received' | 'under_investigation' | 'verified' | 'unverified' | 'dismissed';
export const EVENT_STATUSES: readonly EventStatus[] = [
  'received',
  'under_investigation',
  'verified',
  'unverified',
  'dismissed',
];

/** How precisely the time of an event is known: its `occurredAt` is the start of that period. */
export type TimePrecision = 'minute' | 'hour' | 'day' | 'week' | 'month';
export const TIME_PRECISIONS: readonly TimePrecision[] = ['minute', 'hour', 'day', 'week', 'month'];

/** Admiralty (NATO STANAG 2511) grading: reliability of the source, credibility of the report. */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const SOURCE_RELIABILITY: Record<SourceReliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
export type InfoCredibility = 1 | 2 | 3 | 4 | 5 | 6;
export const INFO_CREDIBILITY: Record<InfoCredibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/**
 * Event types the mission files by hand; imported data keeps its own types (the public datasets'
 * "Battles", "Explosions/Remote violence", …), so the type is free text and these are suggestions.
 */
export const EVENT_TYPES = [
  'Ceasefire violation',
  'Release',
  'Exchange',
  'Return of remains',
  'Withdrawal',
  'Aid access',
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Strategic developments',
] as const;

export type ZoneKind = 'line_of_contact' | 'buffer_zone' | 'area_to_vacate' | 'other';
export const ZONE_KINDS: readonly ZoneKind[] = ['line_of_contact', 'buffer_zone', 'area_to_vacate', 'other'];

/** What an outgoing webhook can be sent for. */
export type WebhookEventKind = 'commitment.overdue' | 'commitment.status_changed';
export const WEBHOOK_EVENT_KINDS: readonly WebhookEventKind[] = [
  'commitment.overdue',
  'commitment.status_changed',
];

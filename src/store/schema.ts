import type { ColumnType } from 'kysely';
import type { AuditEntry } from '../domain/audit/audit-chain.ts';
import type { AmendmentState } from '../domain/negotiation/amendment-workflow.ts';
import type { MonitoringSchema } from './monitoring/monitoring.tables.ts';

/** A nullable column that inserts may leave out. */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * Row types of every table. Portable across SQLite and PostgreSQL: timestamps are ISO-8601
 * text, booleans are 0/1 integers, structured values are JSON text.
 */

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  disabled_at: string | null;
  /** Base32 TOTP secret once two-factor sign-in is set up (pending until totp_enabled_at is set). */
  totp_secret: Optional<string>;
  totp_enabled_at: Optional<string>;
  /** The last TOTP time step accepted, so that a code cannot be used twice. */
  totp_last_step: Optional<number>;
  password_changed_at: Optional<string>;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: 'read' | 'write';
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProcessTable {
  id: string;
  title: string;
  description: string;
  created_at: string;
  created_by: string;
}

export interface PartyTable {
  id: string;
  process_id: string;
  name: string;
  code: string;
  kind: string;
  colour: string;
  created_at: string;
}

export interface MembershipTable {
  process_id: string;
  user_id: string;
  party_id: string;
  role: string;
  created_at: string;
}

export interface PlanTable {
  id: string;
  process_id: string;
  title: string;
  /** The working draft, the only mutable text: PlanContent as JSON. */
  draft_content: string;
  draft_revision: number;
  point_count: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface VersionTable {
  id: string;
  plan_id: string;
  seq: number;
  label: string;
  /** The plan's title as it stood in this version. */
  title: string;
  note: string;
  content: string;
  content_hash: string;
  point_count: number;
  author_id: string;
  created_at: string;
}

/** Version V was disclosed to party P: one row per (version, party), the consultation log. */
export interface ReleaseTable {
  id: string;
  process_id: string;
  plan_id: string;
  version_id: string;
  party_id: string;
  released_at: string;
  released_by: string;
  /** The meeting or channel it was handed over at ("Geneva round 2", "by e-mail"), if recorded. */
  channel: string | null;
  note: string;
}

/** A note a party keeps on a point; only its members read it, the mediator only if shared. */
export interface PartyNoteTable {
  id: string;
  process_id: string;
  plan_id: string;
  point_id: string;
  party_id: string;
  author_id: string;
  body: string;
  shared_with_mediator: number;
  created_at: string;
  updated_at: string;
}

/** One disclosed copy of a version's text, marked for its recipient (see domain/leak-trace). */
export interface TextFingerprintTable {
  id: string;
  process_id: string;
  plan_id: string;
  version_id: string;
  party_id: string | null;
  user_id: string;
  /** How the copy left: an export format, "print" or "view". */
  channel: string;
  /** The secret the marks were derived from; with the version text it reproduces the copy. */
  seed: string;
  created_at: string;
}

/** Failed sign-ins per e-mail and per client address, for rate limiting and temporary lockout. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

/** An audit row is exactly the entry the chain verifier checks. */
export type AuditTable = AuditEntry;

/** One row holding the head of the audit chain; locking it serialises appends across instances. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type Stance = 'support' | 'reservations' | 'oppose' | 'undecided';

/** Party P's stance on point K as of version V; history is every row, the newest per point is current. */
export interface PositionTable {
  id: string;
  process_id: string;
  plan_id: string;
  point_id: string;
  party_id: string;
  version_id: string;
  stance: Stance;
  /** 1 (minor) to 5 (vital). */
  priority: number;
  rationale: string;
  /** Whether the rationale is shared with the mediator; the stance and priority always are. */
  rationale_shared: number;
  author_id: string;
  recorded_at: string;
}

export type AmendmentKind = 'replace' | 'add' | 'delete';
/** Defined with the amendment workflow (src/domain/negotiation/amendment-workflow.ts). */
export type { AmendmentState };

/** A party's proposed change to one point, against a version it holds. */
export interface AmendmentTable {
  id: string;
  process_id: string;
  plan_id: string;
  party_id: string;
  base_version_id: string;
  kind: AmendmentKind;
  /** The point replaced or deleted; null for a new point. */
  point_id: string | null;
  /** Where a new point goes: after this point of the base version (null: at the start of its area). */
  after_point_id: Optional<string>;
  /** The area a new point goes into. */
  area_id: Optional<string>;
  /** The proposed text ('' for a deletion). */
  text: string;
  rationale: string;
  state: AmendmentState;
  /** The mediator's reply when deciding. */
  reply: string;
  /** The text actually written into the draft on acceptance (the mediator may edit it). */
  applied_text: Optional<string>;
  /** The draft point that took the text in (for a new point, the point created). */
  applied_point_id: Optional<string>;
  /** The first version cut after acceptance, which holds the amended text. */
  taken_in_version_id: Optional<string>;
  /** 'manual' or 'import' (from a counter-proposal). */
  source: string;
  /** Amendments made from one imported counter-proposal share this id. */
  import_batch_id: Optional<string>;
  author_id: string;
  created_at: string;
  updated_at: string;
  submitted_at: Optional<string>;
  decided_at: Optional<string>;
  decided_by: Optional<string>;
  /** Bumped on every change, so that two people acting on one amendment at once cannot both win. */
  revision: number;
}

export type CommentVisibility = 'mediator' | 'party';

/** A comment on a point; a thread belongs to one party and is seen by it (and the mediator if 'mediator'). */
export interface CommentTable {
  id: string;
  process_id: string;
  plan_id: string;
  point_id: string;
  /** The id of the thread's first comment (its own id for that one). */
  thread_id: string;
  party_id: string;
  visibility: CommentVisibility;
  author_id: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export type MeetingStatus = 'planned' | 'confirmed' | 'held' | 'postponed' | 'on_hold' | 'cancelled';

export interface MeetingTable {
  id: string;
  process_id: string;
  title: string;
  /** UTC instants (ISO-8601 with Z); `time_zone` says how people at the venue read them. */
  starts_at: string;
  ends_at: string;
  /** IANA time zone of the venue, e.g. "Europe/Zurich". */
  time_zone: string;
  place_kind: 'in_person' | 'phone' | 'video';
  place: string;
  status: MeetingStatus;
  outcome: string;
  /** iCalendar SEQUENCE: bumped on every change calendar apps must notice. */
  sequence: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingStatusHistoryTable {
  id: string;
  meeting_id: string;
  status: MeetingStatus;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  note: string;
  changed_by: string;
  changed_at: string;
}

/** A whole party (party_id only) or a person (name, maybe a user and their party). */
export interface MeetingParticipantTable {
  id: string;
  meeting_id: string;
  party_id: Optional<string>;
  user_id: Optional<string>;
  name: string;
}

export interface MeetingVersionTable {
  meeting_id: string;
  version_id: string;
  role: 'presented' | 'released';
}

export interface CalendarFeedTable {
  id: string;
  process_id: string;
  user_id: string;
  /** SHA-256 of the secret in the feed URL. */
  token_hash: string;
  created_at: string;
  revoked_at: Optional<string>;
}

/** A point of a plan taken into the analysis (issue 5); a good (1) is awarded whole to one party. */
export interface AnalysisPointTable {
  id: string;
  process_id: string;
  plan_id: string;
  point_id: string;
  good: number;
  created_at: string;
  updated_at: string;
}

/** One alternative formulation of an analysis point, in the plan's Markdown subset. */
export interface PointOptionTable {
  id: string;
  process_id: string;
  plan_id: string;
  point_id: string;
  /** At most 120 characters. */
  label: string;
  /** The text the point would read with this option (at most 8000 characters). */
  text: string;
  /** Order among the point's options, from 0. */
  position: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** "option requires other" or "option excludes other", between options of two analysis points. */
export interface OptionConstraintTable {
  id: string;
  process_id: string;
  plan_id: string;
  kind: 'requires' | 'excludes';
  point_id: string;
  option_id: string;
  other_point_id: string;
  other_option_id: string;
  created_at: string;
}

/**
 * A party's sealed preferences on a plan: read by its own members and the engine, by the mediator
 * only when shared. One row per (plan, party).
 */
export interface PartyPreferencesTable {
  id: string;
  process_id: string;
  plan_id: string;
  party_id: string;
  /** JSON {pointId: weight}, summing to 100. */
  weights: string;
  /** JSON {pointId: {optionId: score 0–100}}; goods are not scored. */
  scores: string;
  /** JSON [[pointId, optionId]]: options the party cannot accept. */
  red_lines: string;
  /** The value of no agreement, 0–100. */
  reservation: number;
  shared_with_mediator: number;
  updated_by: string;
  updated_at: string;
  /** Bumped on every save, so that two delegates editing at once cannot both win. */
  revision: number;
}

export interface Schema extends MonitoringSchema {
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  processes: ProcessTable;
  parties: PartyTable;
  memberships: MembershipTable;
  plans: PlanTable;
  versions: VersionTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
  releases: ReleaseTable;
  party_notes: PartyNoteTable;
  text_fingerprints: TextFingerprintTable;
  sign_in_throttle: SignInThrottleTable;
  positions: PositionTable;
  amendments: AmendmentTable;
  comments: CommentTable;
  meetings: MeetingTable;
  meeting_status_history: MeetingStatusHistoryTable;
  meeting_participants: MeetingParticipantTable;
  meeting_versions: MeetingVersionTable;
  calendar_feeds: CalendarFeedTable;
  analysis_points: AnalysisPointTable;
  point_options: PointOptionTable;
  option_constraints: OptionConstraintTable;
  party_preferences: PartyPreferencesTable;
}

/**
 * Row types of the monitoring tables (migration 0005-monitoring). Instants are UTC ISO-8601
 * strings with Z; local wall times are kept beside their IANA zone where people entered them so.
 */

export interface AgreementTable {
  id: string;
  process_id: string;
  plan_id: string;
  /** The adopted version: immutable, so the commitments always point at the text that was signed. */
  version_id: string;
  title: string;
  adopted_on: string;
  /** Entry into force as entered (local wall time "2027-03-01T12:00" at `entry_into_force_zone`). */
  entry_into_force_local: string | null;
  entry_into_force_zone: string | null;
  /** The same moment in UTC; null until it is set. */
  entry_into_force_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface AgreementSignatureTable {
  id: string;
  agreement_id: string;
  party_id: string;
  kind: 'signature' | 'endorsement';
  /** Calendar date "YYYY-MM-DD" of the signature or endorsement. */
  signed_on: string;
}

export interface AgreementPhaseTable {
  id: string;
  agreement_id: string;
  position: number;
  name: string;
  description: string;
}

export interface CommitmentTable {
  id: string;
  process_id: string;
  agreement_id: string;
  /** The point of the adopted version it comes from (null for a commitment of the whole text). */
  point_id: string | null;
  /** Index of the point's sub-item it comes from, when it was derived from one. */
  sub_item: number | null;
  position: number;
  title: string;
  /** What is to be done, in the mediator's words. */
  description: string;
  phase_id: string | null;
  /** 'none' | 'absolute' | 'after_entry_into_force' | 'after_commitment' (see domain/monitoring). */
  deadline_kind: string;
  /** Absolute deadlines: local wall time and zone as entered, and the UTC instant. */
  deadline_local: string | null;
  deadline_zone: string | null;
  deadline_at: string | null;
  /** Relative deadlines: amount and unit ('hours' | 'days' | 'weeks' | 'months'). */
  offset_amount: number | null;
  offset_unit: string | null;
  /** For 'after_commitment': the commitment whose completion starts the clock. */
  anchor_commitment_id: string | null;
  target_quantity: number | null;
  target_unit: string | null;
  verification_method: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface CommitmentPartyTable {
  commitment_id: string;
  party_id: string;
}

/** What happened towards a commitment, when; the status as of a date is computed from these. */
export interface CommitmentProgressTable {
  id: string;
  commitment_id: string;
  /** When it happened on the ground (UTC). */
  occurred_at: string;
  /** 'progress' | 'completed' | 'breached' | 'disputed' | 'dispute_resolved' | 'reopened'. */
  kind: string;
  /** Units delivered by this entry (added up for progress on the target). */
  quantity: number | null;
  note: string;
  event_report_id: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** An implementation score 0–3 with its justification; every row is kept, the newest applies. */
export interface CommitmentScoreTable {
  id: string;
  commitment_id: string;
  score: number;
  justification: string;
  /** JSON array of evidence items ({ label, url? }). */
  evidence: string;
  /** JSON array of event report ids cited. */
  event_report_ids: string;
  /** From when the score holds (UTC), for the status as of a date. */
  effective_at: string;
  recorded_by: string;
  recorded_at: string;
}

export interface EventReportTable {
  id: string;
  process_id: string;
  /** The source dataset's own id (ACLED event_id_cnty), for de-duplication on re-import. */
  external_id: string | null;
  /** Hash of what identifies the event when there is no external id. */
  dedupe_key: string;
  /** Start of the period the event happened in (UTC) and how precisely it is known. */
  occurred_at: string;
  time_precision: string;
  place_name: string;
  latitude: number | null;
  longitude: number | null;
  /** 1 exact place, 2 near it, 3 only the region (the public datasets' geo_precision). */
  geo_precision: number | null;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  fatalities: number | null;
  description: string;
  source: string;
  /** Admiralty grading: source reliability A–F, information credibility 1–6. */
  source_reliability: string;
  info_credibility: number;
  /** 'received' | 'under_investigation' | 'verified' | 'unverified' | 'dismissed'. */
  status: string;
  attributed_party_id: string | null;
  /** The party of the member who filed it (null for monitors' and mediators' own reports, imports). */
  reported_by_party_id: string | null;
  reported_by: string;
  import_id: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface EventStatusHistoryTable {
  id: string;
  event_report_id: string;
  status: string;
  attributed_party_id: string | null;
  note: string;
  changed_by: string;
  changed_at: string;
}

export interface EventCommitmentLinkTable {
  event_report_id: string;
  commitment_id: string;
  created_by: string;
  created_at: string;
}

export interface EventImportTable {
  id: string;
  process_id: string;
  file_name: string;
  /** JSON: the column mapping used. */
  mapping: string;
  rows_total: number;
  rows_imported: number;
  rows_duplicate: number;
  created_by: string;
  created_at: string;
}

export interface ZoneTable {
  id: string;
  process_id: string;
  agreement_id: string;
  point_id: string | null;
  name: string;
  /** 'line_of_contact' | 'buffer_zone' | 'area_to_vacate' | 'other'. */
  kind: string;
  /** GeoJSON geometry (JSON text). */
  geometry: string;
  area_km2: number | null;
  length_km: number | null;
  created_by: string;
  created_at: string;
}

export interface WebhookTable {
  id: string;
  process_id: string;
  url: string;
  /** HMAC-SHA256 key; shown once when the webhook is made. */
  secret: string;
  /** JSON array of event kinds it receives. */
  events: string;
  active: number;
  created_by: string;
  created_at: string;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  event_kind: string;
  payload: string;
  /** 'pending' | 'delivered' | 'failed'. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string;
  response_status: number | null;
  created_at: string;
  delivered_at: string | null;
}

/** The status last announced for each commitment, so that a change is announced once. */
export interface CommitmentStatusNoticeTable {
  commitment_id: string;
  status: string;
  noticed_at: string;
}

export interface MonitoringSchema {
  agreements: AgreementTable;
  agreement_signatures: AgreementSignatureTable;
  agreement_phases: AgreementPhaseTable;
  commitments: CommitmentTable;
  commitment_parties: CommitmentPartyTable;
  commitment_progress: CommitmentProgressTable;
  commitment_scores: CommitmentScoreTable;
  event_reports: EventReportTable;
  event_status_history: EventStatusHistoryTable;
  event_commitment_links: EventCommitmentLinkTable;
  event_imports: EventImportTable;
  zones: ZoneTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  commitment_status_notices: CommitmentStatusNoticeTable;
}

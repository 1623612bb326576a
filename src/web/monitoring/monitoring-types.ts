/** Response shapes of the monitoring API (agreements, commitments, status), as the pages read them. */
import type {
  CommitmentStatus,
  DeadlineSpec,
  EventStatus,
  ImplementationScore,
  ProgressKind,
} from '../../domain/monitoring/monitoring-model.ts';
import type { CommitmentLine, MonitoringSnapshot } from '../../domain/monitoring/monitoring-snapshot.ts';

export type {
  CommitmentLine,
  CommitmentStatus,
  DeadlineSpec,
  EventStatus,
  ImplementationScore,
  MonitoringSnapshot,
  ProgressKind,
};

export type SignatureKind = 'signature' | 'endorsement';

export interface AgreementSignature {
  partyId: string;
  partyName: string;
  kind: SignatureKind;
  signedOn: string;
}

export interface AgreementPhase {
  id: string;
  position: number;
  name: string;
  description: string;
}

/** Entry into force as entered (local wall time at `zone`) and as the instant it is. */
export interface EntryIntoForce {
  local: string;
  zone: string;
  at: string;
}

export interface Agreement {
  id: string;
  title: string;
  planId: string;
  versionId: string;
  versionLabel: string;
  adoptedOn: string;
  entryIntoForce: EntryIntoForce | null;
  signatures: AgreementSignature[];
  phases: AgreementPhase[];
  commitmentCount: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** Implementation now, 0–100, when the list carries it. */
  percent?: number;
}

export interface AgreementList {
  items: Agreement[];
}

/** One commitment in the agreement's list, with its state as of the list's `asOf`. */
export interface CommitmentItem extends CommitmentLine {
  description: string;
  verificationMethod: string;
  /** Index of the point's sub-item it comes from, when derived from one. */
  subItem?: number | null;
  revision: number;
}

export interface CommitmentListResponse {
  asOf: string;
  items: CommitmentItem[];
}

export interface Recorder {
  id: string;
  name: string;
}

export interface ProgressRecord {
  id: string;
  occurredAt: string;
  kind: ProgressKind;
  quantity: number | null;
  note: string;
  eventReportId: string | null;
  recordedBy?: Recorder | null;
  recordedAt: string;
}

export interface EvidenceItem {
  label: string;
  url?: string | null;
}

export interface ScoreRecord {
  id: string;
  score: ImplementationScore;
  justification: string;
  evidence: EvidenceItem[];
  eventReportIds: string[];
  effectiveAt: string;
  recordedBy?: Recorder | null;
  recordedAt: string;
}

/** An event report linked to the commitment, as far as the reader may read it. */
export interface LinkedEvent {
  id: string;
  occurredAt: string;
  timePrecision?: string;
  eventType: string;
  subEventType?: string;
  placeName: string;
  status: EventStatus;
  attributedPartyId?: string | null;
}

export interface CommitmentDetail extends CommitmentItem {
  agreementId: string;
  /** The moment the status and score are given for (now). */
  asOf: string;
  progress: ProgressRecord[];
  scores: ScoreRecord[];
  events: LinkedEvent[];
}

export interface CommitmentResponse {
  commitment: CommitmentDetail;
}

/** What the commitment form sends (create, or edit with `revision`). */
export interface CommitmentInput {
  title: string;
  description: string;
  pointId?: string | null;
  subItem?: number | null;
  phaseId?: string | null;
  partyIds: string[];
  deadline: DeadlineSpec;
  targetQuantity?: number | null;
  targetUnit?: string | null;
  verificationMethod: string;
}

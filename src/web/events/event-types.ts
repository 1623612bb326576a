/** Response shapes of the event-report API (reports, verification, links, imports), as the pages read them. */
import type {
  EventStatus,
  InfoCredibility,
  ProgressKind,
  SourceReliability,
  TimePrecision,
} from '../../domain/monitoring/monitoring-model.ts';

export type { EventStatus, InfoCredibility, ProgressKind, SourceReliability, TimePrecision };

/** 1 exact place, 2 near it, 3 only the region (the public datasets' geo_precision). */
export type GeoPrecision = 1 | 2 | 3;

export interface PersonRef {
  id: string;
  name: string;
}

export interface PartyRef {
  id: string;
  name: string;
  code: string;
  colour: string;
}

export interface EventReport extends EventReportInput {
  id: string;
  externalId: string | null;
  status: EventStatus;
  /** Where the reader may move it next (empty for readers who do not verify). */
  nextStatuses: EventStatus[];
  attributedParty: PartyRef | null;
  /** The party of the delegate who filed it; null for the mission's own reports and imports. */
  reportedByParty: PartyRef | null;
  /** Named only to the mission and to the filer's own party. */
  reportedBy: PersonRef | null;
  importId: string | null;
  createdAt: string;
  updatedAt: string;
  revision: number;
  history: EventHistoryEntry[];
  /** The commitments it concerns, of agreements the reader may read. */
  links: EventCommitmentLink[];
}

export interface EventHistoryEntry {
  id: string;
  status: EventStatus;
  attributedParty: PartyRef | null;
  note: string;
  changedBy: PersonRef | null;
  changedAt: string;
}

/** A commitment an event concerns. */
export interface EventCommitmentLink {
  commitmentId: string;
  commitmentTitle: string;
  agreementId: string;
  linkedAt: string;
}

export interface EventReportResponse {
  eventReport: EventReport;
}

export interface EventReportPage {
  items: EventReport[];
  nextCursor: string | null;
}

/** What the report form sends; a stored report carries the same fields. */
export interface EventReportInput {
  /** Start of the period the event happened in (UTC), known to `timePrecision`. */
  occurredAt: string;
  timePrecision: TimePrecision;
  placeName: string;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: GeoPrecision | null;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string;
  fatalities: number | null;
  description: string;
  source: string;
  sourceReliability: SourceReliability;
  infoCredibility: InfoCredibility;
}

export interface ImportProblem {
  line: number;
  field?: string;
  message: string;
}

/** The answer to a CSV import, checked (dryRun) or done. */
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  headers: string[];
  mapping: Record<string, string>;
  rowsTotal: number;
  imported: number;
  duplicates: number;
  rejected: number;
  problems: ImportProblem[];
  /** Problems found beyond the first 200 listed. */
  problemsNotShown: number;
  importId?: string | null;
  /** Set when the file could not be read to its end (encoding, quoting, columns): why. */
  unreadable?: string;
}

export interface EventImport {
  id: string;
  fileName: string;
  mapping: Record<string, string>;
  rowsTotal: number;
  imported: number;
  duplicates: number;
  createdBy: PersonRef | null;
  createdAt: string;
}

export interface EventImportList {
  items: EventImport[];
  canImport: boolean;
}

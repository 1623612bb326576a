import type { CommitmentState, CommitmentStatus, DeadlineSpec } from './monitoring-model.ts';

/** Implementation of a group of commitments: the sum of scores ÷ (3 × number of commitments). */
export interface AggregateRow {
  key: string;
  label: string;
  commitments: number;
  /** Commitments with a score; an unscored commitment counts as 0 in `percent`. */
  scored: number;
  scoreSum: number;
  /** 0–100. */
  percent: number;
  counts: Record<CommitmentStatus, number>;
}

/** One commitment as the dashboard, the report and the CLI show it, with its state as of a moment. */
export interface CommitmentLine extends CommitmentState {
  position: number;
  title: string;
  pointId: string | null;
  /** The point's number in the adopted version ("7", "7.2" for a sub-item), when linked. */
  pointNumber: string | null;
  area: string | null;
  tags: string[];
  phaseId: string | null;
  partyIds: string[];
  deadline: DeadlineSpec;
  targetQuantity: number | null;
  targetUnit: string | null;
}

/** A point of the implementation-over-time series. */
export interface TrendPoint {
  at: string;
  percent: number;
  counts: Record<CommitmentStatus, number>;
}

/** Everything the dashboard, the report and `entente monitor report` show about one agreement. */
export interface MonitoringSnapshot {
  asOf: string;
  agreement: {
    id: string;
    title: string;
    versionId: string;
    versionLabel: string;
    adoptedOn: string;
    entryIntoForceAt: string | null;
    entryIntoForceLocal: string | null;
    entryIntoForceZone: string | null;
    signatures: { partyId: string; partyName: string; kind: 'signature' | 'endorsement'; signedOn: string }[];
    phases: { id: string; name: string; position: number }[];
  };
  parties: { id: string; name: string; code: string; colour: string }[];
  commitments: CommitmentLine[];
  totals: AggregateRow;
  byArea: AggregateRow[];
  byTag: AggregateRow[];
  byParty: AggregateRow[];
  byPhase: AggregateRow[];
  overTime: TrendPoint[];
  /** Ids of commitments overdue as of `asOf`, most overdue first. */
  overdue: string[];
  /** Ids of commitments due within the window after `asOf`, soonest first. */
  dueSoon: string[];
  dueSoonWindowHours: number;
}

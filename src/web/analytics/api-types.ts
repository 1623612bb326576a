import type { Role } from '../api/types.ts';

// API shapes of issue 5's product layer (contract: notes/issue5-contract.md). The server builds
// exactly these; the preference form and the analysis page import them.

/** A reference to one option of one point; for a good the option id is the receiving party's id. */
export interface OptionRef {
  pointId: string;
  optionId: string;
}

export type ConstraintKind = 'requires' | 'excludes';

/** One alternative formulation of a contested point (the plan's Markdown subset). */
export interface AnalysisOption {
  id: string;
  label: string;
  text: string;
}

/** A point taken into the analysis. A good has no options: it is awarded to one party. */
export interface AnalysisPoint {
  pointId: string;
  number: string;
  area: string | null;
  excerpt: string;
  good: boolean;
  options: AnalysisOption[];
}

export interface AnalysisConstraint {
  id: string;
  kind: ConstraintKind;
  option: OptionRef;
  other: OptionRef;
}

export interface AnalysisParty {
  id: string;
  name: string;
  code: string;
  colour: string;
  hasPreferences: boolean;
  sharedWithMediator: boolean;
}

/** GET /plans/:planId/analysis/setup */
export interface AnalysisSetup {
  plan: { id: string; processId: string; title: string };
  viewer: { role: Role; partyId: string } | null;
  points: AnalysisPoint[];
  constraints: AnalysisConstraint[];
  /** Mediator: every party of the process; a party: its own party only. */
  parties: AnalysisParty[];
}

/** PUT /plans/:planId/analysis/points/:pointId body (response: AnalysisPoint). */
export interface PutAnalysisPointBody {
  good: boolean;
  /** A good: []; a contested point: ≥ 2. An option without id is new; a stored option left out is removed. */
  options: { id?: string; label: string; text: string }[];
}

/** PUT /plans/:planId/analysis/constraints body (response: { constraints: AnalysisConstraint[] }). */
export interface PutConstraintsBody {
  constraints: { kind: ConstraintKind; option: OptionRef; other: OptionRef }[];
}

export interface PutConstraintsResponse {
  constraints: AnalysisConstraint[];
}

/** One party's stored preferences. */
export interface PartyPreferences {
  partyId: string;
  /** pointId → weight 0–100, summing to 100 over the analysis points the party holds. */
  weights: Record<string, number>;
  /** pointId → optionId → score 0–100 (goods are not scored). */
  scores: Record<string, Record<string, number>>;
  redLines: OptionRef[];
  reservation: number;
  sharedWithMediator: boolean;
  updatedAt: string;
  updatedBy: { id: string; name: string };
  revision: number;
}

/** GET /plans/:planId/preferences/:partyId and the answer of PUT. */
export interface PreferencesResponse {
  preferences: PartyPreferences | null;
}

/** PUT /plans/:planId/preferences/:partyId body (also: PreferencesInput from services/analytics/preferences.schema.ts). */
export interface PutPreferencesBody {
  weights: Record<string, number>;
  scores: Record<string, Record<string, number>>;
  redLines: OptionRef[];
  reservation: number;
  sharedWithMediator: boolean;
  /** The revision the form was loaded from; a stale one → 409 preferences.conflict. */
  baseRevision?: number;
}

export interface RunParty {
  id: string;
  name: string;
  code: string;
  colour: string;
  /** False: the party's utilities are null ("sealed") and its ledger lines and trades left out. */
  shared: boolean;
}

export interface RunPoint {
  pointId: string;
  number: string;
  good: boolean;
  /** For a good: [] (the choice is a party id). */
  options: { id: string; label: string }[];
}

/** A package: pointId → optionId (for a good, the receiving party's id); utility 0–100, null when sealed. */
export interface RunPackage {
  choice: Record<string, string>;
  utility: Record<string, number | null>;
}

export type SolutionConcept = 'nash' | 'kalaiSmorodinsky' | 'leximin' | 'utilitarian';

export interface RunSolution extends RunPackage {
  properties: string[];
  exact: boolean;
  bound: { on: string; value: number } | null;
}

export interface RunAdjustedWinner {
  /** pointId → partyId → share 0–1. */
  allocation: Record<string, Record<string, number>>;
  utility: Record<string, number | null>;
  split: string | null;
}

/** One party's side of one point (only for shared parties). */
export interface RunLedgerEntry {
  partyId: string;
  idealOptionId: string;
  concession: number;
  value: number;
}

export interface RunLedgerLine {
  pointId: string;
  optionId: string;
  entries: RunLedgerEntry[];
}

export interface RunExplanation {
  ledger: RunLedgerLine[];
  /** In words: "Veloria concedes on 3, Karst concedes on 5" (only trades between shared parties). */
  trades: string[];
  /** Share of ±10% weight perturbations under which the package stays the recommendation; null when the instance is too large to check in time. */
  stability: { share: number; samples: number } | null;
}

/** POST /plans/:planId/analysis/run (body {}). */
export interface AnalysisRun {
  exact: boolean;
  /** Parties without preferences; the run uses the others (needs ≥ 2). */
  missing: string[];
  parties: RunParty[];
  points: RunPoint[];
  frontier: RunPackage[];
  frontierSize: number;
  frontierTruncated: boolean;
  solutions: Record<SolutionConcept, RunSolution | null>;
  adjustedWinner: RunAdjustedWinner | null;
  explanations: Partial<Record<SolutionConcept, RunExplanation>>;
}

/** POST /plans/:planId/analysis/apply body. */
export interface ApplyPackageBody {
  /** pointId → optionId; goods are ignored (they have no text). */
  choice: Record<string, string>;
  baseRevision: number;
}

export interface ApplyPackageResponse {
  revision: number;
}

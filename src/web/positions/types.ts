import type { Stance, StanceMove } from '../../domain/negotiation/stance-history.ts';
import type { Role } from '../api/types.ts';

export type { Stance, StanceMove };

/** A party as the positions pages show it. */
export interface PositionParty {
  id: string;
  name: string;
  code: string;
  colour: string;
}

/** One recorded position, as the server presents it (rationale null where the reader may not read it). */
export interface Position {
  id: string;
  pointId: string;
  partyId: string;
  version: { id: string; label: string };
  stance: Stance;
  priority: number;
  rationale: string | null;
  rationaleShared: boolean;
  author: { id: string; name: string };
  recordedAt: string;
}

export interface MatrixPoint {
  id: string;
  number: string;
  areaId: string | null;
  area: string | null;
  excerpt: string;
  tags: string[];
  status: 'open' | 'contested' | 'agreed';
  /** False for a point the reference text no longer has (deleted or merged since). */
  inReference: boolean;
  /** The text the row is shown from. */
  shownIn: string;
  /** Whether the reader's party can state a position on it (it is in the newest version it holds). */
  recordable: boolean;
  contested: boolean;
  cells: Record<string, Position | null>;
}

/** GET /plans/:id/positions */
export interface PositionsMatrix {
  plan: { id: string; processId: string; title: string };
  viewer: { role: Role; partyId: string } | null;
  reference: { versionId: string | null; label: string };
  recordOn: { versionId: string; label: string } | null;
  versions: { id: string; label: string; seq: number }[];
  parties: PositionParty[];
  areas: { id: string; title: string }[];
  tags: { key: string; label: string }[];
  points: MatrixPoint[];
}

/** GET /plans/:id/positions/history */
export interface PositionHistory {
  point: { id: string; number: string; excerpt: string; shownIn: string };
  party: PositionParty;
  entries: Position[];
  byVersion: { move: StanceMove; position: Position }[];
}

export interface AmendmentOutcomes {
  accepted: number;
  partlyAccepted: number;
  rejected: number;
  open: number;
  withdrawn: number;
}

/** GET /plans/:id/positions/summary */
export interface PartySummary {
  reference: { versionId: string | null; label: string };
  parties: {
    party: PositionParty;
    amendments: AmendmentOutcomes;
    moves: { towards: number; away: number; unchanged: number };
    stances: Record<Stance, number>;
  }[];
}

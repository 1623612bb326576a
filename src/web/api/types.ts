/** Response shapes of the REST API (see the API contract); domain shapes come from src/domain. */
import type { PlanContent } from '../../domain/plans/plan.ts';
import type { Redline } from '../../domain/plans/redline/redline-types.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export type Role = 'mediator' | 'delegate' | 'observer' | 'monitor';
export type PartyKind = 'state' | 'bloc' | 'organisation' | 'armed_group' | 'mediator';

export interface ProcessListItem {
  id: string;
  title: string;
  description: string;
  createdAt: string;
  membership: { partyId: string; partyName: string; role: Role } | null;
  /** Null when your role does not show you the plans. */
  planCount: number | null;
}

export interface ProcessInfo {
  id: string;
  title: string;
  description: string;
  createdAt: string;
}

export interface Party {
  id: string;
  name: string;
  code: string;
  kind: PartyKind;
  colour: string;
  /** Null for another party's: who sits on its team is its own business. */
  memberCount: number | null;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  partyId: string;
  role: Role;
}

export interface ProcessPlanRow {
  id: string;
  title: string;
  /** The draft's revision and last change: null outside the mediator team. */
  revision: number | null;
  updatedAt: string | null;
  pointCount: number;
  versionCount: number;
  latestVersion: { id: string; label: string; createdAt: string } | null;
}

export interface ProcessDetail {
  process: ProcessInfo;
  /** The signed-in user's own membership, or null (an admin who is not a member). */
  viewer: { role: Role; partyId: string } | null;
  parties: Party[];
  members: Member[];
  plans: ProcessPlanRow[];
}

export interface PlanSummary {
  id: string;
  processId: string;
  title: string;
  revision: number;
  updatedAt: string;
  pointCount: number;
  versionCount: number;
}

export interface VersionSummary {
  id: string;
  planId: string;
  seq: number;
  label: string;
  note: string;
  contentHash: string;
  author: { id: string; name: string };
  createdAt: string;
  pointCount: number;
  /** How the version reached the reader's party (absent for the mediator team, which holds all). */
  release?: { releasedAt: string; channel: string | null; note: string };
}

/** The versions of a plan the reader may read, and who the reader is there. */
export interface VersionsResponse {
  viewer: { role: Role; partyId: string } | null;
  plan: { id: string; processId: string; title: string };
  items: VersionSummary[];
}

export interface PlanResponse {
  plan: PlanSummary;
  content: PlanContent;
  versions: VersionSummary[];
}

export interface DraftResponse {
  revision: number;
  content: PlanContent;
}

export interface VersionResponse {
  version: VersionSummary;
  content: PlanContent;
}

export interface RedlineResponse {
  from: { ref: string; label: string };
  to: { ref: string; label: string };
  redline: Redline;
}

export interface TaxonomyResponse {
  tags: { key: string; label: string; description: string }[];
}

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  state: 'State',
  bloc: 'Bloc',
  organisation: 'Organisation',
  armed_group: 'Armed group',
  mediator: 'Mediator',
};

export const ROLE_LABELS: Record<Role, string> = {
  mediator: 'Mediator',
  delegate: 'Delegate',
  observer: 'Observer',
  monitor: 'Monitor',
};

export interface ReleaseRecord {
  id: string;
  planId: string;
  versionId: string;
  partyId: string;
  releasedAt: string;
  releasedBy: { id: string; name: string };
  channel: string | null;
  note: string;
}

/** The consultation log: which party holds which version, since when. */
export interface ConsultationLog {
  scope: 'all-parties' | 'own-party';
  parties: Omit<Party, 'memberCount'>[];
  plans: {
    id: string;
    title: string;
    versions: { id: string; seq: number; label: string; createdAt: string }[];
  }[];
  releases: ReleaseRecord[];
}

/** A party's private note on a point. */
export interface PartyNote {
  id: string;
  planId: string;
  pointId: string;
  party: { id: string; name: string; code: string; colour: string };
  author: { id: string; name: string };
  body: string;
  sharedWithMediator: boolean;
  createdAt: string;
  updatedAt: string;
}

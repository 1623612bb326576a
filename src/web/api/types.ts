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
  memberCount: number;
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
  revision: number;
  updatedAt: string;
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

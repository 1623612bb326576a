import type { AmendmentState } from '../../domain/negotiation/amendment-workflow.ts';
import type { WordSegment } from '../../domain/plans/redline/redline-types.ts';
import type { Role } from '../api/types.ts';

export type { AmendmentState } from '../../domain/negotiation/amendment-workflow.ts';
export type AmendmentKind = 'replace' | 'add' | 'delete';
export type AmendmentActionName = 'edit' | 'submit' | 'withdraw' | 'accept' | 'partly_accept' | 'reject';

export interface AmendmentParty {
  id: string;
  name: string;
  code: string;
  colour: string;
}

/** GET /plans/:id/amendments/:amendmentId (and each item of the list). */
export interface Amendment {
  id: string;
  planId: string;
  kind: AmendmentKind;
  state: AmendmentState;
  party: AmendmentParty;
  author: { id: string; name: string };
  baseVersion: { id: string; label: string };
  point: { id: string | null; number: string | null; area: string | null };
  text: string;
  rationale: string;
  baseText: string;
  segments: WordSegment[];
  reply: string;
  appliedText: string | null;
  /** Accepted with the mediator's own wording, which the reader's party does not hold yet. */
  appliedWordingWithheld: boolean;
  appliedSegments: WordSegment[] | null;
  takenInVersion: { id: string; label: string; segments: WordSegment[] | null } | null;
  sharedWithMediator: boolean;
  source: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: { id: string; name: string } | null;
  revision: number;
  actions: AmendmentActionName[];
}

export interface AmendmentGroup {
  key: string;
  kind: 'point' | 'new';
  pointId: string | null;
  number: string | null;
  area: string | null;
  /** The text the number comes from ("the working draft", "Draft 2"). */
  numberedIn: string;
  amendments: Amendment[];
}

/** GET /plans/:id/amendments */
export interface AmendmentListing {
  plan: { id: string; processId: string; title: string };
  viewer: { role: Role; partyId: string } | null;
  parties: AmendmentParty[];
  counts: Partial<Record<AmendmentState, number>>;
  total: number;
  /** Whose numbering the groups follow, for the reader: the working draft or the newest version held. */
  numberedIn: string | null;
  groups: AmendmentGroup[];
}

export const STATE_LABELS: Record<AmendmentState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  accepted: 'Accepted',
  partly_accepted: 'Partly accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const KIND_LABELS: Record<AmendmentKind, string> = {
  replace: 'Replacement text',
  add: 'New point',
  delete: 'Deletion',
};

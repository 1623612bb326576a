import type { MeetingStatus } from '../../domain/meetings/meeting-status.ts';

export type { MeetingStatus };
export type PlaceKind = 'in_person' | 'phone' | 'video';

export interface MeetingParticipant {
  id: string;
  kind: 'party' | 'person';
  name: string;
  party: { id: string; name: string; code: string; colour: string } | null;
  /** Null for a person without an account, or on a team the reader may not see. */
  userId: string | null;
}

export interface MeetingHistoryEntry {
  id: string;
  status: MeetingStatus;
  /** Null for a postponement whose new date is still to be fixed. */
  startsAt: string | null;
  endsAt: string | null;
  localStartsAt: string | null;
  localEndsAt: string | null;
  timeZone: string;
  note: string;
  changedBy: { id: string; name: string };
  changedAt: string;
}

/** A meeting as the API presents it to the signed-in reader. */
export interface Meeting {
  id: string;
  processId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  localStartsAt: string;
  localEndsAt: string;
  timeZone: string;
  placeKind: PlaceKind;
  place: string;
  status: MeetingStatus;
  dateToBeFixed: boolean;
  nextStatuses: MeetingStatus[];
  sequence: number;
  outcome: string;
  createdAt: string;
  updatedAt: string;
  participants: MeetingParticipant[];
  versions: {
    versionId: string;
    planId: string;
    planTitle: string;
    label: string;
    role: 'presented' | 'released';
  }[];
  history: MeetingHistoryEntry[];
}

export interface MeetingList {
  items: Meeting[];
  canManage: boolean;
}

export interface CalendarFeedState {
  feed: { id: string; createdAt: string } | null;
}

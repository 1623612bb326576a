/** The comment threads API as the web client reads it (see src/services/comments). */
export type CommentVisibility = 'mediator' | 'party';

export interface CommentItem {
  id: string;
  threadId: string;
  pointId: string;
  author: { id: string; name: string; partyCode: string | null };
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface CommentThread {
  id: string;
  pointId: string;
  party: { id: string; name: string; code: string; colour: string };
  visibility: CommentVisibility;
  comments: CommentItem[];
  replyCount: number;
  lastActivityAt: string;
}

export interface CommentsResponse {
  items: CommentThread[];
  counts: { pointId: string; threads: number; comments: number }[];
}

/** A new thread: the reader's own party's, or (mediator team) addressed to another party. */
export interface NewThread {
  pointId: string;
  body: string;
  visibility: CommentVisibility;
  partyId?: string;
}

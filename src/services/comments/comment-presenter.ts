import type { CommentWithNames } from '../../store/negotiation/comments.repository.ts';

/** One comment as its readers see it. */
export function presentComment(row: CommentWithNames) {
  return {
    id: row.id,
    threadId: row.thread_id,
    pointId: row.point_id,
    author: { id: row.author_id, name: row.author_name, partyCode: row.author_party_code ?? null },
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type PresentedComment = ReturnType<typeof presentComment>;

/** Comments (oldest first) gathered into threads, each under its first comment, newest activity first. */
export function presentThreads(rows: CommentWithNames[]) {
  const byThread = new Map<string, CommentWithNames[]>();
  for (const row of rows) byThread.set(row.thread_id, [...(byThread.get(row.thread_id) ?? []), row]);
  const threads = [];
  for (const [threadId, members] of byThread) {
    const head = members.find((r) => r.id === threadId);
    if (!head) continue; // a reply whose thread is gone is not shown on its own
    const comments = [head, ...members.filter((r) => r !== head)].map(presentComment);
    threads.push({
      id: threadId,
      pointId: head.point_id,
      party: { id: head.party_id, name: head.party_name, code: head.party_code, colour: head.party_colour },
      visibility: head.visibility,
      comments,
      replyCount: comments.length - 1,
      lastActivityAt:
        comments
          .map((c) => c.createdAt)
          .sort()
          .at(-1) ?? head.created_at,
    });
  }
  return threads.sort((a, b) =>
    a.lastActivityAt < b.lastActivityAt ? 1 : a.lastActivityAt > b.lastActivityAt ? -1 : 0,
  );
}

export type PresentedThread = ReturnType<typeof presentThreads>[number];

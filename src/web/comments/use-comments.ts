import { useCallback, useMemo } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import type { CommentsResponse, CommentThread, NewThread } from './comment-types.ts';

/** The comment threads on a plan the reader may see, by point, with the calls that change them. */
export function useComments(planId: string) {
  const comments = useResource<CommentsResponse>(`/plans/${planId}/comments`);
  const items = comments.data?.items;
  const byPoint = useMemo(() => {
    const map = new Map<string, CommentThread[]>();
    for (const t of items ?? []) map.set(t.pointId, [...(map.get(t.pointId) ?? []), t]);
    return map;
  }, [items]);
  const { reload } = comments;
  const open = useCallback(
    async (thread: NewThread) => {
      await api.post(`/plans/${planId}/comments`, thread);
      reload();
    },
    [planId, reload],
  );
  const reply = useCallback(
    async (threadId: string, body: string) => {
      await api.post(`/plans/${planId}/comments`, { threadId, body });
      reload();
    },
    [planId, reload],
  );
  const edit = useCallback(
    async (commentId: string, body: string) => {
      await api.patch(`/plans/${planId}/comments/${commentId}`, { body });
      reload();
    },
    [planId, reload],
  );
  const remove = useCallback(
    async (commentId: string) => {
      await api.delete(`/plans/${planId}/comments/${commentId}`);
      reload();
    },
    [planId, reload],
  );
  return { byPoint, open, reply, edit, remove, reload, error: comments.error };
}

export type Comments = ReturnType<typeof useComments>;

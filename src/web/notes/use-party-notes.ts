import { useCallback, useMemo } from 'react';
import { api } from '../api/client.ts';
import type { PartyNote } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';

/** The private notes on a plan the reader may see, grouped by point, with the calls that change them. */
export function usePartyNotes(planId: string) {
  const notes = useResource<{ items: PartyNote[] }>(`/plans/${planId}/notes`);
  const items = notes.data?.items;
  const byPoint = useMemo(() => {
    const map = new Map<string, PartyNote[]>();
    for (const n of items ?? []) map.set(n.pointId, [...(map.get(n.pointId) ?? []), n]);
    return map;
  }, [items]);
  const { reload } = notes;
  const add = useCallback(
    async (pointId: string, body: string, sharedWithMediator: boolean) => {
      await api.post(`/plans/${planId}/notes`, { pointId, body, sharedWithMediator });
      reload();
    },
    [planId, reload],
  );
  const change = useCallback(
    async (noteId: string, changes: { body?: string; sharedWithMediator?: boolean }) => {
      await api.patch(`/plans/${planId}/notes/${noteId}`, changes);
      reload();
    },
    [planId, reload],
  );
  const remove = useCallback(
    async (noteId: string) => {
      await api.delete(`/plans/${planId}/notes/${noteId}`);
      reload();
    },
    [planId, reload],
  );
  return { byPoint, add, change, remove, reload, error: notes.error };
}

export type PartyNotes = ReturnType<typeof usePartyNotes>;

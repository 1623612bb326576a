import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { ProcessPlanRow, VersionsResponse } from '../api/types.ts';

export interface VersionChoice {
  id: string;
  label: string;
  planId: string;
  planTitle: string;
}

/** The versions of every plan the reader sees in a process, for linking them to a meeting. */
export function useProcessVersions(plans: readonly ProcessPlanRow[] | undefined): VersionChoice[] {
  const [versions, setVersions] = useState<VersionChoice[]>([]);
  // The plans by value: a new array holding the same plans does not fetch again.
  const key = JSON.stringify((plans ?? []).map((p) => [p.id, p.title]));
  useEffect(() => {
    const wanted = JSON.parse(key) as [string, string][];
    if (wanted.length === 0) return;
    let live = true;
    Promise.all(
      wanted.map(([planId, planTitle]) =>
        api.get<VersionsResponse>(`/plans/${planId}/versions`).then(
          (r) => r.items.map((v) => ({ id: v.id, label: v.label, planId, planTitle })),
          () => [] as VersionChoice[],
        ),
      ),
    ).then((lists) => {
      if (live) setVersions(lists.flat());
    });
    return () => {
      live = false;
    };
  }, [key]);
  return versions;
}

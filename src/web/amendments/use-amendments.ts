import { useCallback } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/use-resource.ts';
import type { AmendmentListing } from './amendment-types.ts';

export interface Proposal {
  kind: 'replace' | 'add' | 'delete';
  baseVersionId: string;
  pointId?: string;
  afterPointId?: string | null;
  areaId?: string | null;
  text: string;
  rationale: string;
  submit: boolean;
}

export interface Decision {
  decision: 'accept' | 'partly_accept' | 'reject';
  text?: string;
  reply: string;
  revision: number;
}

/** The plan's amendments the reader may see, with the calls of the workflow; each reloads the list. */
export function useAmendments(planId: string) {
  const listing = useResource<AmendmentListing>(`/plans/${planId}/amendments`);
  const { reload } = listing;
  const base = `/plans/${planId}/amendments`;
  const run = useCallback(
    async (send: () => Promise<unknown>) => {
      try {
        await send();
      } finally {
        reload();
      }
    },
    [reload],
  );
  return {
    listing,
    reload,
    propose: (p: Proposal) => run(() => api.post(base, p)),
    edit: (id: string, changes: { text?: string; rationale?: string; revision: number }) =>
      run(() => api.patch(`${base}/${id}`, changes)),
    submit: (id: string, revision: number) => run(() => api.post(`${base}/${id}/submit`, { revision })),
    withdraw: (id: string, revision: number) => run(() => api.post(`${base}/${id}/withdraw`, { revision })),
    submitAll: (ids: string[]) => run(() => api.post(`${base}/submit`, { ids })),
    decide: (id: string, d: Decision) => run(() => api.post(`${base}/${id}/decision`, d)),
  };
}

export type AmendmentActions = ReturnType<typeof useAmendments>;

import { useCallback, useRef, useState } from 'react';
import type { DraftOp } from '../../domain/plans/edit/draft-op.schema.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { ApiError, api } from '../api/client.ts';
import type { DraftResponse, PlanResponse } from '../api/types.ts';

/** A 409 draft.conflict: someone else changed the draft since we loaded it. */
export interface DraftConflict {
  op: DraftOp;
  /** The draft as we last knew it, before our op. */
  mine: PlanContent;
  current: PlanContent;
  currentRevision: number;
  conflictingPointIds: string[];
}

export type EditOutcome =
  | { ok: true; content: PlanContent }
  | { ok: false; error: ApiError }
  | { ok: false; conflict: DraftConflict };

export type SaveState = 'saved' | 'saving' | 'failed' | 'conflict';

/**
 * The working draft as the editor sees it. Edits are sent one at a time, each with the revision
 * the previous one returned, so our own edits never conflict with each other.
 */
export function useDraft(planId: string, initial: { content: PlanContent; revision: number }) {
  const [content, setContent] = useState(initial.content);
  const [revision, setRevision] = useState(initial.revision);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const latest = useRef({ content: initial.content, revision: initial.revision });
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const accept = useCallback((next: PlanContent, rev: number) => {
    latest.current = { content: next, revision: rev };
    setContent(next);
    setRevision(rev);
  }, []);

  const send = useCallback(
    (op: DraftOp, baseRevision?: number): Promise<EditOutcome> => {
      const run = async (): Promise<EditOutcome> => {
        setSaveState('saving');
        const base = baseRevision ?? latest.current.revision;
        try {
          const res = await api.patch<DraftResponse>(`/plans/${planId}/draft`, { baseRevision: base, op });
          accept(res.content, res.revision);
          setSaveState('saved');
          return { ok: true, content: res.content };
        } catch (err) {
          const error =
            err instanceof ApiError
              ? err
              : new ApiError(0, 'client', 'The change could not be saved.', [], {});
          if (error.code === 'draft.conflict') {
            // The problem may carry the current draft; if not, read it so the user can compare.
            let current = error.extra.current;
            let currentRevision = Number(error.extra.currentRevision ?? Number.NaN);
            if (!isContent(current)) {
              try {
                const fresh = await api.get<PlanResponse>(`/plans/${planId}`);
                current = fresh.content;
                currentRevision = fresh.plan.revision;
              } catch {
                setSaveState('failed');
                return { ok: false, error };
              }
            }
            if (!isContent(current)) return { ok: false, error };
            const found: DraftConflict = {
              op,
              mine: latest.current.content,
              current,
              currentRevision,
              conflictingPointIds: Array.isArray(error.extra.conflictingPointIds)
                ? error.extra.conflictingPointIds.map(String)
                : [],
            };
            setConflict(found);
            setSaveState('conflict');
            return { ok: false, conflict: found };
          }
          setSaveState('failed');
          return { ok: false, error };
        }
      };
      const result = queue.current.then(run, run);
      queue.current = result;
      return result;
    },
    [planId, accept],
  );

  /** Resolves a conflict by taking the server's draft and dropping our edit. */
  const keepTheirs = useCallback(() => {
    if (conflict === null) return;
    if (conflict.currentRevision >= latest.current.revision)
      accept(conflict.current, conflict.currentRevision);
    setConflict(null);
    setSaveState('saved');
  }, [conflict, accept]);

  /** Resolves a conflict by sending `op` (ours, or a merge) again on top of their revision. */
  const resendOnTheirs = useCallback(
    (op: DraftOp) => {
      if (conflict === null)
        return Promise.resolve<EditOutcome>({ ok: true, content: latest.current.content });
      // The draft may have been refreshed past the conflict's revision meanwhile: never step back.
      const base = Math.max(conflict.currentRevision, latest.current.revision);
      if (conflict.currentRevision >= latest.current.revision)
        accept(conflict.current, conflict.currentRevision);
      setConflict(null);
      return send(op, base);
    },
    [conflict, accept, send],
  );

  /**
   * Takes a newer draft someone else saved (heard of through a live event), unless ours is as new:
   * our own saves arrive through `send` too, and an older answer must never replace a newer one.
   */
  const refresh = useCallback(
    (next: { content: PlanContent; revision: number }): boolean => {
      if (next.revision <= latest.current.revision) return false;
      accept(next.content, next.revision);
      return true;
    },
    [accept],
  );

  /** The newest revision we know of, for live events that say which revision they announce. */
  const latestRevision = useCallback(() => latest.current.revision, []);

  return {
    content,
    revision,
    saveState,
    conflict,
    send,
    keepTheirs,
    resendOnTheirs,
    refresh,
    latestRevision,
  };
}

function isContent(v: unknown): v is PlanContent {
  return typeof v === 'object' && v !== null && Array.isArray((v as PlanContent).points);
}

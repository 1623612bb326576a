import type { PlanContent } from '../plan.ts';
import type { DraftOp } from './draft-op.schema.ts';

/**
 * What one op handler did, before `applyDraftOp` stamps revisions and renumbers.
 * Handlers report what they read and wrote so that the concurrency rule lives in one place.
 */
export interface OpOutcome {
  content: PlanContent;
  /** Points the op changed, added or removed; survivors get the new revision. */
  touched: string[];
  /** Points that must be unchanged since the editor's base revision for a stale edit to be safe. */
  guarded: string[];
  /**
   * Set when the op rewrites or removes text that carries no revision (title, preamble, an area
   * title, a note); names it for the conflict message. Such ops are refused when stale.
   */
  unversioned: string | null;
  /** The op changed which points exist or their order, so display numbers are recomputed. */
  structural: boolean;
}

/** An outcome with nothing touched, for ops that change no point. */
export function outcome(content: PlanContent, fields: Partial<Omit<OpOutcome, 'content'>> = {}): OpOutcome {
  return { content, touched: [], guarded: [], unversioned: null, structural: false, ...fields };
}

/** The op of one `type`. */
export type OpOf<T extends DraftOp['type']> = Extract<DraftOp, { type: T }>;

/** What aligning a party's counter-text to a base version yields: one proposed change per changed point. */

import type { ImportProblem } from '../plans/import/import-result.ts';
import type { WordSegment } from '../plans/redline/redline-types.ts';

/** How a change came about: a point edited on its own, or a part of a split or a merge. */
export type CounterOrigin = 'edit' | 'split' | 'merge';

interface ChangeBase {
  /** Stable within one alignment of one text to one base ("replace:pt_4", "add:7"); lets a reviewer pick changes. */
  key: string;
  origin: CounterOrigin;
}

/** The counter-text words a base point differently. */
export interface ReplacedChange extends ChangeBase {
  kind: 'replaced';
  pointId: string;
  /** The point's number in the base version. */
  number: string;
  /** Its number in the counter-text, as the party numbered it. */
  counterNumber: string;
  /** Base and proposed text: body, then each sub-item on its own line ("a) …"). */
  baseText: string;
  text: string;
  /** Share of words kept, 0–1, read off the word redline. */
  similarity: number;
  segments: WordSegment[];
}

/** A base point the counter-text leaves out. */
export interface DeletedChange extends ChangeBase {
  kind: 'deleted';
  pointId: string;
  number: string;
  baseText: string;
}

/** A point of the counter-text with no counterpart in the base. */
export interface AddedChange extends ChangeBase {
  kind: 'added';
  counterNumber: string;
  text: string;
  /** The base point it goes after; null: at the start of its area. */
  afterPointId: string | null;
  afterNumber: string | null;
  /** The base area it goes into (null when the base has no areas). */
  areaId: string | null;
  areaTitle: string | null;
}

export type CounterChange = ReplacedChange | DeletedChange | AddedChange;

/** Something the counter-text does that an amendment cannot carry: a move, a new heading, a new title. */
export interface CounterNotice {
  kind: 'moved' | 'area' | 'title' | 'preamble';
  message: string;
}

export interface CounterProposal {
  /** In the base version's reading order, each addition right after the point it follows. */
  changes: CounterChange[];
  /** Base points the counter-text keeps as they are (renumbered, re-punctuated or moved at most). */
  unchanged: number;
  notices: CounterNotice[];
}

/** Batch work returns results: the proposal, or the problems that kept the text from being read. */
export type CounterProposalResult =
  | { ok: true; proposal: CounterProposal; problems: ImportProblem[] }
  | { ok: false; proposal: null; problems: ImportProblem[] };

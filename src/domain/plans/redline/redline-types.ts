/** The result of comparing two plan texts (see redline.ts). */

export type ChangeKind = 'unchanged' | 'modified' | 'added' | 'deleted' | 'moved' | 'split' | 'merged';

/** A point as it appears on one side of a comparison. */
export interface PointRef {
  id: string;
  number: string;
  area: string | null;
}

/** A run of words: kept, inserted (only in the new text) or deleted (only in the old). */
export interface WordSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface RedlineChange {
  kind: ChangeKind;
  /** Points on the old side, in reading order (empty for `added`). */
  old: PointRef[];
  /** Points on the new side, in reading order (empty for `deleted`). */
  new: PointRef[];
  /** Word-level similarity of the old and new text, 0 (nothing shared) to 1 (identical). */
  similarity: number;
  /** Word-level redline of the whole point text (body then sub-items, one line each). */
  segments: WordSegment[];
  /** The display number changed, nothing else implied. */
  renumbered: boolean;
  /** Non-text changes in plain words: "tags: +sanctions", "status: open → agreed", "area: A → B". */
  notes: string[];
}

export interface Redline {
  /** How points were paired: by stable identity, or by content when the texts share no ids. */
  alignment: 'identity' | 'content';
  /** Changes in the reading order of the new text, deletions placed where they stood in the old. */
  changes: RedlineChange[];
  /** Word redline of title and preamble (empty segments when both unchanged). */
  title: WordSegment[];
  preamble: WordSegment[];
  counts: Record<ChangeKind, number>;
}

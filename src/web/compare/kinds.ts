import type { ChangeKind, RedlineChange } from '../../domain/plans/redline/redline-types.ts';

export const KIND_LABELS: Record<ChangeKind, string> = {
  unchanged: 'Unchanged',
  modified: 'Modified',
  added: 'Added',
  deleted: 'Deleted',
  moved: 'Moved',
  split: 'Split',
  merged: 'Merged',
};

/** Kinds in the order the summary lists them. */
export const SUMMARY_KINDS: ChangeKind[] = ['modified', 'added', 'deleted', 'moved', 'split', 'merged'];

/**
 * A point whose words, tags and status are as they were. A point that only got a new number
 * counts too: one insertion renumbers everything after it, and 20 cards saying so would bury
 * the real changes (the summary bar still counts them).
 */
export function isQuiet(c: RedlineChange): boolean {
  return c.kind === 'unchanged' && c.notes.length === 0;
}

const nums = (refs: { number: string }[]) => refs.map((r) => r.number).join(', ');

/** The point number(s) a change is known by: new numbers, or old ones for a deletion. */
export function changeNumber(c: RedlineChange): string {
  return c.new.length > 0 ? nums(c.new) : nums(c.old);
}

/** One line saying where the point came from: "was 5, now 7", "5 split into 5, 6". */
export function lineage(c: RedlineChange): string | null {
  const from = nums(c.old);
  const to = nums(c.new);
  switch (c.kind) {
    case 'moved':
      return from === to ? 'moved within the plan' : `was ${from}, now ${to}`;
    case 'split':
      return `${from} split into ${to}`;
    case 'merged':
      return `${from} merged into ${to}`;
    case 'deleted':
      return `numbered ${from} in the old text`;
    default:
      return c.renumbered && from !== to ? `renumbered ${from} → ${to}` : null;
  }
}

/** True when a word redline has anything but kept words. */
export function hasEdits(segments: { op: string }[]): boolean {
  return segments.some((s) => s.op !== 'equal');
}

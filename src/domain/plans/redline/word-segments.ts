/** Word-level redline of two strings, and the similarity it implies. */

import { diffWordsWithSpace } from 'diff';
import type { WordSegment } from './redline-types.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/** Word segments from `diff`'s diffWordsWithSpace (Myers' O(ND) diff over word/space/punctuation tokens). */
export function wordSegments(oldText: string, newText: string): WordSegment[] {
  if (oldText === newText) return oldText === '' ? [] : [{ op: 'equal', text: oldText }];
  const out: WordSegment[] = [];
  for (const part of diffWordsWithSpace(oldText, newText)) {
    if (part.value === '') continue;
    const op = part.added ? 'insert' : part.removed ? 'delete' : 'equal';
    const last = out[out.length - 1];
    // Adjacent runs of the same op read better as one run (diff may emit them split around whitespace).
    if (last !== undefined && last.op === op) last.text += part.value;
    else out.push({ op, text: part.value });
  }
  return out;
}

function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

/** Shared-word share 2·common/(|old|+|new|) read off the segments, so it agrees with what the reader sees. */
export function segmentSimilarity(segments: readonly WordSegment[]): number {
  let equal = 0;
  let changed = 0;
  let anyChange = false;
  for (const s of segments) {
    const n = wordCount(s.text);
    if (s.op === 'equal') equal += n;
    else {
      changed += n;
      anyChange = true;
    }
  }
  if (equal + changed === 0) return anyChange ? 0 : 1;
  return (2 * equal) / (2 * equal + changed);
}

/** Turns a party's whole counter-text into proposed changes to the base version it answers. */

import { stripMarks } from '../leak-trace/marks.ts';
import { type ParsePlanTextOptions, parsePlanText } from '../plans/import/parse-plan-text.ts';
import type { PlanContent, Point } from '../plans/plan.ts';
import { alignByContent } from '../plans/redline/align-content.ts';
import { longestIncreasingSubsequence } from '../plans/redline/lis.ts';
import { pointText } from '../plans/redline/point-text.ts';
import { segmentSimilarity, wordSegments } from '../plans/redline/word-segments.ts';
import { comparableText } from './comparable-text.ts';
import { placeAddedPoint } from './counter-placement.ts';
import type {
  AddedChange,
  CounterChange,
  CounterNotice,
  CounterOrigin,
  CounterProposal,
  CounterProposalResult,
} from './counter-proposal-types.ts';

/**
 * Reads a counter-text (numbered however the party likes) with the plan text importer and aligns it
 * to `base`. Marks of a fingerprinted copy are removed first: a party often answers on the very
 * export it was sent, and its marks must neither count as edits nor travel into its amendments.
 * Numbering warnings are dropped, since a counter-text renumbers as it pleases.
 */
export function alignCounterProposal(
  base: PlanContent,
  counterText: string,
  options: ParsePlanTextOptions = {},
): CounterProposalResult {
  const parsed = parsePlanText(stripMarks(counterText), options);
  if (!parsed.ok || parsed.plan === null) return { ok: false, proposal: null, problems: parsed.problems };
  return { ok: true, proposal: alignCounterPlan(base, parsed.plan), problems: [] };
}

/**
 * Aligns the points of a counter-text to the base by content, the redline's content alignment
 * (align-content.ts: unique identical texts as patience-diff anchors, Needleman–Wunsch over
 * IDF-weighted word-multiset Dice similarity between them, then splits, merges and moves), run on
 * the points' words alone so that re-punctuated points anchor too. Each group then becomes changes:
 * a pair whose words differ a replacement, a split a replacement by its first part plus additions,
 * a merge a replacement of its first point plus deletions; a lone base point a deletion, a lone
 * counter point an addition placed by its neighbours (counter-placement.ts). Renumbering, re-spacing
 * and re-punctuating change nothing; a move cannot be proposed and is reported as a notice.
 */
export function alignCounterPlan(base: PlanContent, counter: PlanContent): CounterProposal {
  const baseTexts = base.points.map(pointText);
  const counterTexts = counter.points.map(pointText);
  const baseKeys = base.points.map(wordsOf);
  const counterKeys = counter.points.map(wordsOf);
  const groups = alignByContent(byWords(base.points, baseKeys), byWords(counter.points, counterKeys));

  const baseOf: (number | undefined)[] = new Array(counter.points.length);
  const survives = new Uint8Array(base.points.length);
  const placed: { at: number; change: CounterChange }[] = [];
  const additions: { j: number; origin: CounterOrigin }[] = [];
  let unchanged = 0;

  const replace = (i: number, j: number, origin: CounterOrigin) => {
    if (baseKeys[i] === counterKeys[j]) {
      unchanged++;
      return;
    }
    const segments = wordSegments(baseTexts[i]!, counterTexts[j]!);
    const point = base.points[i]!;
    placed.push({
      at: 2 * i,
      change: {
        kind: 'replaced',
        key: `replace:${point.id}`,
        origin,
        pointId: point.id,
        number: point.number,
        counterNumber: counter.points[j]!.number,
        baseText: baseTexts[i]!,
        text: counterTexts[j]!,
        similarity: segmentSimilarity(segments),
        segments,
      },
    });
  };
  const remove = (i: number, origin: CounterOrigin) => {
    const point = base.points[i]!;
    placed.push({
      at: 2 * i,
      change: {
        kind: 'deleted',
        key: `delete:${point.id}`,
        origin,
        pointId: point.id,
        number: point.number,
        baseText: baseTexts[i]!,
      },
    });
  };

  for (const g of groups) {
    const [i, ...otherOld] = g.old;
    const [j, ...otherNew] = g.new;
    if (i !== undefined) survives[i] = g.kind === 'deleted' ? 0 : 1;
    for (const k of g.new) baseOf[k] = i;
    if (g.kind === 'pair') replace(i!, j!, 'edit');
    else if (g.kind === 'split') {
      replace(i!, j!, 'split');
      for (const k of otherNew) additions.push({ j: k, origin: 'split' });
    } else if (g.kind === 'merged') {
      replace(i!, j!, 'merge');
      for (const k of otherOld) remove(k, 'merge');
    } else if (g.kind === 'deleted') remove(i!, 'edit');
    else additions.push({ j: j!, origin: 'edit' });
  }

  const notices: CounterNotice[] = [];
  const unknownHeadings = new Map<string, string | null>();
  const firstOfArea = new Map<string | null, number>();
  base.points.forEach((p, i) => {
    if (!firstOfArea.has(p.areaId)) firstOfArea.set(p.areaId, i);
  });
  for (const { j, origin } of additions.sort((a, b) => a.j - b.j)) {
    const where = placeAddedPoint(base, counter, baseOf, survives, j);
    const after = where.afterIndex === null ? null : base.points[where.afterIndex]!;
    const change: AddedChange = {
      kind: 'added',
      key: `add:${j}`,
      origin,
      counterNumber: counter.points[j]!.number,
      text: counterTexts[j]!,
      afterPointId: after?.id ?? null,
      afterNumber: after?.number ?? null,
      areaId: where.areaId,
      areaTitle: base.areas.find((a) => a.id === where.areaId)?.title ?? null,
    };
    // After base point i: between it (2i) and the next one (2i+2); at an area's start: just before its first point.
    const at =
      where.afterIndex === null ? 2 * (firstOfArea.get(where.areaId) ?? 0) - 1 : 2 * where.afterIndex + 1;
    placed.push({ at, change });
    if (where.unknownHeading !== null && !unknownHeadings.has(where.unknownHeading))
      unknownHeadings.set(where.unknownHeading, after?.number ?? null);
  }
  placed.sort((a, b) => a.at - b.at);

  for (const [heading, afterNumber] of unknownHeadings) {
    notices.push({
      kind: 'area',
      message: `The heading “${heading}” is not in the base version and an amendment cannot add one: its new points are placed ${afterNumber === null ? 'at the start' : `after point ${afterNumber}`}.`,
    });
  }
  notices.push(...movedNotices(base, counter, groups));
  if (counter.title !== '' && comparableText(counter.title) !== comparableText(base.title))
    notices.push({
      kind: 'title',
      message: 'The title differs from the base version; amendments change points only.',
    });
  if (counter.preamble !== '' && comparableText(counter.preamble) !== comparableText(base.preamble))
    notices.push({
      kind: 'preamble',
      message: 'The preamble differs from the base version; amendments change points only.',
    });
  return { changes: placed.map((p) => p.change), unchanged, notices };
}

/** The words of a point's body and sub-items: relabelling "a)" as "(i)" is renumbering too. */
function wordsOf(point: Point): string {
  return comparableText([point.text, ...point.items.map((item) => item.text)].join('\n'));
}

/** Points whose text is their words alone, so the alignment's identical-text anchors ignore punctuation. */
function byWords(points: readonly Point[], keys: readonly string[]): Point[] {
  return points.map((p, k) => ({ ...p, text: keys[k]!, items: [] }));
}

/** Paired points out of the base order (outside the longest run that kept it), which no amendment can express. */
function movedNotices(
  base: PlanContent,
  counter: PlanContent,
  groups: ReturnType<typeof alignByContent>,
): CounterNotice[] {
  const pairs = groups.filter((g) => g.kind === 'pair').sort((a, b) => a.old[0]! - b.old[0]!);
  const inOrder = longestIncreasingSubsequence(pairs.map((g) => g.new[0]!));
  return pairs
    .filter((_, k) => !inOrder[k])
    .map((g) => {
      const point = base.points[g.old[0]!]!;
      const theirs = counter.points[g.new[0]!]!;
      return {
        kind: 'moved' as const,
        message: `Point ${point.number} stands elsewhere in your text (as ${theirs.number}); an amendment cannot move a point, so the move is not proposed.`,
      };
    });
}

import type { PlanContent, Point } from '../plans/plan.ts';
import { deadlineSpans, guessDeadline, guessSequencing } from './deadline-wording.ts';
import type { DeadlineSpec } from './monitoring-model.ts';
import { type NamedParty, partiesMentioned } from './party-mentions.ts';
import { guessQuantities } from './quantity-wording.ts';

/**
 * A first set of commitments from an adopted text, for the mediator to edit: one per point, or one
 * per sub-item where a point has them. Deadline, quantity target, obligated parties and
 * verification method are guessed from the wording (deadline-wording.ts, quantity-wording.ts,
 * party-mentions.ts); what the wording says but a draft cannot hold — a clock started by another
 * commitment, a second figure — is written into the description as a note.
 */

/** A commitment as derived, in the shape of the create request (POST …/commitments). */
export interface CommitmentDraft {
  pointId: string;
  /** Index of the point's sub-item it comes from, or null for the whole point. */
  subItem: number | null;
  title: string;
  description: string;
  partyIds: string[];
  deadline: DeadlineSpec;
  targetQuantity: number | null;
  targetUnit: string | null;
  verificationMethod: string;
  /** A deadline or condition counted from another commitment ("30 days after phase one is verified"), to link by hand. */
  sequencing: string | null;
}

export type DeriveGranularity = 'points' | 'sub_items';

export interface DeriveOptions {
  granularity: DeriveGranularity;
  /** The parties that may be obliged (usually all but the mediator), with names and codes. */
  parties: readonly NamedParty[];
  /** The agreement's zone, for dates in the text ("no later than 15 March 2027"). */
  zone: string;
}

const TITLE_LENGTH = 80;

/** Commitment drafts for every point of the text (or every sub-item, with granularity 'sub_items'). */
export function deriveCommitments(plan: PlanContent, options: DeriveOptions): CommitmentDraft[] {
  const drafts: CommitmentDraft[] = [];
  for (const point of plan.points) {
    if (options.granularity === 'sub_items' && point.items.length > 0)
      point.items.forEach((_, i) => {
        drafts.push(draftOf(point, i, options));
      });
    else if (plainText(point.text) !== '' || point.items.length > 0)
      drafts.push(draftOf(point, null, options));
  }
  return drafts;
}

function draftOf(point: Point, subItem: number | null, options: DeriveOptions): CommitmentDraft {
  const lead = plainText(point.text);
  const item = subItem === null ? null : point.items[subItem]!;
  const own =
    item === null ? [lead, ...point.items.map((i) => plainText(i.text))].join(' ') : plainText(item.text);
  // A sub-item inherits what its point's lead says ("Within 30 days, the parties shall: a) …").
  const context = item === null ? own : `${lead} ${own}`;
  const deadlineGuess =
    guessDeadline(own, options.zone) ?? (item === null ? null : guessDeadline(lead, options.zone));
  const quantities = guessQuantities(own, deadlineSpans(own, options.zone));
  const partyIds = partiesMentioned(own, options.parties);
  const sequencing =
    deadlineGuess?.sequencing ?? guessSequencing(own) ?? (item === null ? null : guessSequencing(lead));
  const notes: string[] = [];
  if (deadlineGuess?.note) notes.push(deadlineGuess.note);
  else if (sequencing !== null) notes.push(`Sequencing in the text: "${sequencing}".`);
  if (quantities.length > 1)
    notes.push(
      `Other figures in the text: ${quantities
        .slice(1)
        .map((q) => `${q.quantity.toLocaleString('en-GB')} ${q.unit}`)
        .join('; ')}.`,
    );
  const text =
    item === null ? point.text : `${point.text}\n\n${item.label ? `${item.label}) ` : ''}${item.text}`;
  return {
    pointId: point.id,
    subItem,
    title: titleOf(item === null ? lead : plainText(item.text)),
    description: [text.trim(), ...notes].join('\n\n'),
    partyIds: partyIds.length > 0 || item === null ? partyIds : partiesMentioned(context, options.parties),
    deadline: deadlineGuess?.deadline ?? { kind: 'none' },
    targetQuantity: quantities[0]?.quantity ?? null,
    targetUnit: quantities[0]?.unit ?? null,
    verificationMethod: verificationOf(item === null ? own : context),
    sequencing,
  };
}

/** The Markdown subset as plain text: emphasis markers dropped, whitespace folded. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence, cut at a word within 80 characters. */
function titleOf(text: string): string {
  const sentence = (/^.*?[.;:!?](?=\s|$)/.exec(text)?.[0] ?? text).replace(/[.;:]$/, '');
  if (sentence.length <= TITLE_LENGTH) return sentence;
  const cut = sentence.slice(0, TITLE_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

/** The sentence that says how compliance is checked ("… verified by the Consortium …"), or ''. */
function verificationOf(text: string): string {
  const sentences = text.split(/(?<=[.;!?])\s+/);
  return (
    sentences.find((s) => /\b(?:verif\w*|monitor\w*|observ\w*|inspect\w*|confirm\w*)/i.test(s))?.trim() ?? ''
  );
}

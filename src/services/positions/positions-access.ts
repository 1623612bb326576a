import { can, type Viewer } from '../../domain/access/policies.ts';
import type { PlanContent, Point } from '../../domain/plans/plan.ts';
import { listVersionTexts } from '../../store/negotiation/positions.repository.ts';
import type { PlanRow } from '../../store/plans/plans.repository.ts';
import { findParty, listParties } from '../../store/processes/processes.repository.ts';
import type { Tx } from '../../store/transaction.ts';

/** One text a reader may see positions on: the working draft (mediators only) or a version. */
export interface ReaderText {
  versionId: string | null;
  label: string;
  seq: number;
  content: PlanContent;
}

/**
 * The texts of a plan a reader sees positions on. The reference text (the rows of the matrix) is
 * the working draft for the mediator team and the newest version the party holds for everyone else:
 * a party never reads, through its positions, text it was not given.
 */
export interface ReaderTexts {
  mediator: boolean;
  partyId: string;
  reference: ReaderText;
  /** The versions the reader may read, oldest first. */
  versions: ReaderText[];
  versionSeq: Map<string, number>;
  labelOf: Map<string, string>;
}

export async function readerTexts(tx: Tx, viewer: Viewer, plan: PlanRow): Promise<ReaderTexts> {
  const mediator = can(viewer, 'draft.read');
  const partyId = viewer.membership?.partyId ?? '';
  const rows = await listVersionTexts(tx, plan.id, mediator ? undefined : partyId);
  const versions = rows.map((r) => ({
    versionId: r.id,
    label: r.label,
    seq: Number(r.seq),
    content: JSON.parse(r.content) as PlanContent,
  }));
  const draft: ReaderText = {
    versionId: null,
    label: 'Working draft',
    seq: Number.MAX_SAFE_INTEGER,
    content: JSON.parse(plan.draft_content) as PlanContent,
  };
  // A party that may read the plan holds at least one version (plan.read says so).
  const newest = versions.at(-1);
  if (!mediator && !newest) throw new Error('a reader without a version passed plan.read');
  const reference = mediator || !newest ? draft : newest;
  return {
    mediator,
    partyId,
    reference,
    versions,
    versionSeq: new Map(versions.map((v) => [v.versionId ?? '', v.seq])),
    labelOf: new Map(versions.map((v) => [v.versionId ?? '', v.label])),
  };
}

/** A point as the reader last saw it: in the reference text, else in the newest version holding it. */
export function findReadablePoint(
  texts: ReaderTexts,
  pointId: string,
): { point: Point; text: ReaderText } | undefined {
  for (const text of [texts.reference, ...[...texts.versions].reverse()]) {
    const point = text.content.points.find((p) => p.id === pointId);
    if (point) return { point, text };
  }
  return undefined;
}

// The negotiating sides first, then those who guarantee or verify; stable within a kind.
const KIND_ORDER = ['state', 'armed_group', 'bloc', 'organisation'];
function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** The parties whose positions the reader sees: every negotiating party for the mediator, else its own. */
export async function visibleParties(tx: Tx, viewer: Viewer, processId: string) {
  const partyId = viewer.membership?.partyId ?? '';
  if (can(viewer, 'draft.read')) {
    const all = await listParties(tx, processId);
    return all
      .filter((p) => p.kind !== 'mediator' && p.id !== partyId)
      .sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
      .map(({ id, name, code, colour, kind }) => ({ id, name, code, colour, kind }));
  }
  const own = await findParty(tx, processId, partyId);
  return own ? [{ id: own.id, name: own.name, code: own.code, colour: own.colour, kind: own.kind }] : [];
}

/** The start of a point's text for a matrix row: plain words, cut at a word boundary. */
export function excerptOf(text: string, max = 140): string {
  const plain = text
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

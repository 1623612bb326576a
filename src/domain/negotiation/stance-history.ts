/**
 * Positions as history: every stance a party recorded on a point is kept, each against the version
 * it was stated on. These pure functions read that history: what stands now, how a party moved
 * from version to version, and which points are contested.
 */

export type Stance = 'support' | 'reservations' | 'undecided' | 'oppose';

/** The stances from most to least favourable: the order every "move" is measured in. */
export const STANCES: readonly Stance[] = ['support', 'reservations', 'undecided', 'oppose'];

const RANK: Record<Stance, number> = { support: 3, reservations: 2, undecided: 1, oppose: 0 };

/** The least a position row must say for the history functions. */
export interface PositionEntry {
  id: string;
  pointId: string;
  partyId: string;
  versionId: string;
  stance: Stance;
  recordedAt: string;
}

/** How a stance changed from one version to the next. */
export type StanceMove = 'first' | 'towards' | 'away' | 'unchanged';

/** Where a party stood on a point as of one version: the last stance it recorded against it. */
export interface VersionStance<T extends PositionEntry> {
  versionId: string;
  position: T;
  /** Compared with the party's stance as of the previous version it stated one on. */
  move: StanceMove;
}

/** How often a party's stances moved across versions, over all points. */
export interface MoveCounts {
  towards: number;
  away: number;
  unchanged: number;
}

/** The rank of a stance: support 3, reservations 2, undecided 1, oppose 0. */
export function stanceRank(stance: Stance): number {
  return RANK[stance];
}

/** Whether the stance accepts the point (support, with or without reservations). */
export function accepts(stance: Stance): boolean {
  return RANK[stance] >= RANK.reservations;
}

/** Orders entries oldest first; equal times fall back to the id, so the order never depends on input order. */
export function compareRecorded(a: PositionEntry, b: PositionEntry): number {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The key of one cell of the matrix. */
export function cellKey(pointId: string, partyId: string): string {
  return `${pointId}|${partyId}`;
}

/** The history of one point × party, oldest first. */
export function historyOf<T extends PositionEntry>(
  entries: readonly T[],
  pointId: string,
  partyId: string,
): T[] {
  return entries.filter((e) => e.pointId === pointId && e.partyId === partyId).sort(compareRecorded);
}

/** Every point × party history, each oldest first, keyed by `cellKey`. */
export function historiesByCell<T extends PositionEntry>(entries: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of [...entries].sort(compareRecorded)) {
    const key = cellKey(e.pointId, e.partyId);
    const list = out.get(key);
    if (list) list.push(e);
    else out.set(key, [e]);
  }
  return out;
}

/** The current position per point × party: the newest recorded one (keyed by `cellKey`). */
export function currentPositions<T extends PositionEntry>(entries: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const e of entries) {
    const key = cellKey(e.pointId, e.partyId);
    const held = out.get(key);
    if (!held || compareRecorded(held, e) < 0) out.set(key, e);
  }
  return out;
}

/** How a stance moved from `before` to `after`, in the order support > reservations > undecided > oppose. */
export function classifyMove(before: Stance | null, after: Stance): StanceMove {
  if (before === null) return 'first';
  const d = RANK[after] - RANK[before];
  return d > 0 ? 'towards' : d < 0 ? 'away' : 'unchanged';
}

/**
 * One point × party history read per version: for each version it was stated on (in version
 * order, `versionSeq` giving each version's place), the last stance recorded against it, and how it
 * moved from the version before. Entries on versions without a known place are left out.
 */
export function stanceByVersion<T extends PositionEntry>(
  history: readonly T[],
  versionSeq: ReadonlyMap<string, number>,
): VersionStance<T>[] {
  const last = new Map<string, T>();
  for (const e of [...history].sort(compareRecorded))
    if (versionSeq.has(e.versionId)) last.set(e.versionId, e);
  const ordered = [...last.values()].sort(
    (a, b) => (versionSeq.get(a.versionId) ?? 0) - (versionSeq.get(b.versionId) ?? 0),
  );
  return ordered.map((position, i) => ({
    versionId: position.versionId,
    position,
    move: classifyMove(i === 0 ? null : (ordered[i - 1]?.stance ?? null), position.stance),
  }));
}

/**
 * Whether a point is contested, from the current stances of the parties that stated one:
 * some party opposes it, or the parties are split between accepting it (support, reservations) and
 * not yet (undecided). Support next to reservations is agreement with caveats, not a dispute; a
 * point where nobody has a stance yet, or everybody is undecided, is open rather than contested.
 */
export function isContested(stances: readonly Stance[]): boolean {
  if (stances.includes('oppose')) return true;
  return stances.some(accepts) && stances.includes('undecided');
}

/**
 * How far apart the parties are on a point, for ordering contested points: the number of parties
 * opposing, then the spread between the most and least favourable stance. Higher is more contested.
 */
export function contestWeight(stances: readonly Stance[]): number {
  if (stances.length === 0) return 0;
  const ranks = stances.map((s) => RANK[s]);
  const opposing = stances.filter((s) => s === 'oppose').length;
  return opposing * 10 + (Math.max(...ranks) - Math.min(...ranks));
}

/**
 * Per party, how its stances moved from version to version over all its points: towards support,
 * away from it, or unchanged (a first stance on a point is not a move).
 */
export function movesByParty(
  entries: readonly PositionEntry[],
  versionSeq: ReadonlyMap<string, number>,
): Map<string, MoveCounts> {
  const out = new Map<string, MoveCounts>();
  for (const history of historiesByCell(entries).values()) {
    const partyId = history[0]?.partyId;
    if (partyId === undefined) continue;
    const counts = out.get(partyId) ?? { towards: 0, away: 0, unchanged: 0 };
    for (const step of stanceByVersion(history, versionSeq)) if (step.move !== 'first') counts[step.move]++;
    out.set(partyId, counts);
  }
  return out;
}

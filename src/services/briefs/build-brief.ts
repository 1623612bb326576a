import { DateTime } from 'luxon';
import { can, type Viewer } from '../../domain/access/policies.ts';
import type { Area, PlanContent, PlanNote, Point } from '../../domain/plans/plan.ts';
import type { ExportContext } from '../../formats/export/export-context.ts';
import { planBlocks } from '../../formats/export/reading-order.ts';

export type Stance = 'support' | 'reservations' | 'oppose' | 'undecided';

export interface BriefParty {
  id: string;
  name: string;
  code: string;
  kind: string;
  colour: string;
}

/** A recorded position, as the store returns it (the brief keeps the newest per party and point). */
export interface PositionCandidate {
  id: string;
  partyId: string;
  pointId: string;
  versionLabel: string;
  stance: Stance;
  priority: number;
  rationale: string;
  rationaleShared: boolean;
  recordedAt: string;
}

export interface AmendmentCandidate {
  id: string;
  partyId: string;
  kind: 'replace' | 'add' | 'delete';
  pointId: string | null;
  afterPointId: string | null;
  /** The base version's label and text, for the number of a point no longer in the brief's text. */
  baseLabel: string;
  baseContent: PlanContent;
  text: string;
  rationale: string;
  state: string;
  submittedAt: string | null;
  createdAt: string;
}

export interface MeetingCandidate {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  placeKind: string;
  place: string;
  status: string;
  partyIds: readonly string[];
}

export interface BriefInput {
  viewer: Viewer;
  /** The party the brief is prepared for; null for every party at once (the mediator team only). */
  target: BriefParty | null;
  reader: { name: string; party: BriefParty | undefined };
  processTitle: string;
  /** The text the brief is about: the working draft for the mediator team, else the newest version held. */
  text: { content: PlanContent; label: string; versionId: string | null; contentHash: string | null };
  /** In a mediator's brief for one party: the newest version that party holds, if any. */
  targetHolds: { label: string; releasedAt: string } | null;
  /** Every party of the process. */
  parties: readonly BriefParty[];
  positions: readonly PositionCandidate[];
  amendments: readonly AmendmentCandidate[];
  /** Meetings not yet over. */
  meetings: readonly MeetingCandidate[];
  preparedAt: Date;
}

export interface BriefStance {
  party: BriefParty;
  stance: Stance;
  stanceLabel: string;
  priority: number;
  asOf: string;
  /** Null where the reader may not read it, or there is none. */
  rationale: string | null;
}

export interface BriefAmendment {
  id: string;
  party: BriefParty;
  /** "Replace point 7", "New point after point 4", "Delete point 9". */
  what: string;
  stateLabel: string;
  text: string;
  rationale: string | null;
  /** When it was submitted, or, for a draft, written. */
  date: string;
}

export interface BriefMeeting {
  id: string;
  title: string;
  when: string;
  place: string;
  statusLabel: string;
  parties: string[];
}

export type BriefBlock =
  | { kind: 'area'; area: Area }
  | { kind: 'note'; note: PlanNote }
  | { kind: 'point'; point: Point; stances: BriefStance[]; amendments: BriefAmendment[] };

/** Everything a brief says, ready for a renderer: no access decisions are left to it. */
export interface BriefModel {
  title: string;
  planTitle: string;
  processTitle: string;
  preparedFor: string;
  preparedBy: string;
  preparedOn: string;
  /** Lines of the title page under the heading: which text, whose stances. */
  about: string[];
  context: ExportContext;
  content: PlanContent;
  blocks: BriefBlock[];
  /** Open amendments on points the brief's text does not hold (new points, moved or deleted ones). */
  otherAmendments: BriefAmendment[];
  meetings: BriefMeeting[];
  /** The parties whose stances the brief carries. */
  stanceParties: BriefParty[];
  counts: { points: number; stances: number; amendments: number; meetings: number };
}

export const STANCE_LABELS: Record<Stance, string> = {
  support: 'Support',
  reservations: 'Support with reservations',
  oppose: 'Oppose',
  undecided: 'Undecided',
};

const STATES: Record<string, string> = { draft: 'Draft (not yet submitted)', submitted: 'Submitted' };
const MEETING_STATUS: Record<string, string> = {
  planned: 'Planned',
  confirmed: 'Confirmed',
  postponed: 'Postponed',
  on_hold: 'On hold',
};
const PLACE: Record<string, string> = { phone: 'By phone', video: 'By video' };

/**
 * Builds a negotiation brief for one reader and one target (a party, or every party): the text,
 * each point's stances, the open amendments and the next meetings. Pure: the caller loads the
 * candidates; every one is checked here against the policies for this reader, and for a brief
 * prepared for one party only that party's records (and meetings) are kept.
 */
export function buildBrief(input: BriefInput): BriefModel {
  const { viewer, target } = input;
  const partyById = new Map(input.parties.map((p) => [p.id, p]));
  const stanceParties = target ? [target] : input.parties.filter((p) => p.kind !== 'mediator');
  const forBrief = new Set(stanceParties.map((p) => p.id));
  const content = input.text.content;
  const pointIds = new Set(content.points.map((p) => p.id));

  // The newest readable position per party and point of the text.
  const current = new Map<string, PositionCandidate>();
  for (const p of input.positions) {
    if (!forBrief.has(p.partyId) || !pointIds.has(p.pointId)) continue;
    if (!can(viewer, 'position.read', { partyId: p.partyId })) continue;
    const key = `${p.pointId}\u0000${p.partyId}`;
    const seen = current.get(key);
    if (!seen || seen.recordedAt < p.recordedAt || (seen.recordedAt === p.recordedAt && seen.id < p.id))
      current.set(key, p);
  }
  const stancesOf = (pointId: string): BriefStance[] =>
    stanceParties.flatMap((party) => {
      const p = current.get(`${pointId}\u0000${party.id}`);
      if (!p) return [];
      const record = { partyId: p.partyId, sharedWithMediator: p.rationaleShared };
      const rationale =
        p.rationale.trim() !== '' && can(viewer, 'rationale.read', { record }) ? p.rationale.trim() : null;
      return [
        {
          party,
          stance: p.stance,
          stanceLabel: STANCE_LABELS[p.stance],
          priority: p.priority,
          asOf: p.versionLabel,
          rationale,
        },
      ];
    });

  const amendments = input.amendments.filter((a) => {
    if (!forBrief.has(a.partyId) || (a.state !== 'draft' && a.state !== 'submitted')) return false;
    return can(viewer, 'amendment.read', {
      record: { partyId: a.partyId, sharedWithMediator: a.state !== 'draft' },
    });
  });
  const numberIn = (c: PlanContent, id: string | null) =>
    id === null ? undefined : c.points.find((p) => p.id === id)?.number;
  const pointLabel = (a: AmendmentCandidate, id: string | null) => {
    const here = numberIn(content, id);
    if (here !== undefined) return `point ${here}`;
    const there = numberIn(a.baseContent, id);
    return there === undefined ? 'a point' : `point ${there} of ${a.baseLabel}`;
  };
  const present = (a: AmendmentCandidate): BriefAmendment => ({
    id: a.id,
    party: partyById.get(a.partyId)!,
    what:
      a.kind === 'add'
        ? `New point${a.afterPointId ? ` after ${pointLabel(a, a.afterPointId)}` : ''}`
        : `${a.kind === 'delete' ? 'Delete' : 'Replace'} ${pointLabel(a, a.pointId)}`,
    stateLabel: STATES[a.state] ?? a.state,
    text: a.text,
    rationale: a.rationale.trim() === '' ? null : a.rationale.trim(),
    date: formatDay(a.submittedAt ?? a.createdAt),
  });
  const onPoint = new Map<string, BriefAmendment[]>();
  const otherAmendments: BriefAmendment[] = [];
  for (const a of amendments) {
    if (!partyById.has(a.partyId)) continue;
    if (a.kind !== 'add' && a.pointId !== null && pointIds.has(a.pointId))
      onPoint.set(a.pointId, [...(onPoint.get(a.pointId) ?? []), present(a)]);
    else otherAmendments.push(present(a));
  }

  const blocks: BriefBlock[] = planBlocks(content).map((b) =>
    b.kind === 'point'
      ? {
          kind: 'point',
          point: b.point,
          stances: stancesOf(b.point.id),
          amendments: onPoint.get(b.point.id) ?? [],
        }
      : b,
  );

  const from = input.preparedAt.toISOString();
  const meetings = input.meetings
    .filter(
      (m) =>
        m.endsAt >= from &&
        m.status !== 'cancelled' &&
        m.status !== 'held' &&
        can(viewer, 'meeting.read', { participants: m.partyIds }) &&
        (target === null || m.partyIds.includes(target.id)),
    )
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
    .map((m) => ({
      id: m.id,
      title: m.title,
      when: meetingTime(m.startsAt, m.endsAt, m.timeZone),
      place: PLACE[m.placeKind] ?? m.place,
      statusLabel: MEETING_STATUS[m.status] ?? m.status,
      parties: m.partyIds
        .map((id) => partyById.get(id))
        .filter((p): p is BriefParty => p !== undefined)
        .map((p) => p.name),
    }));

  const preparedFor = target?.name ?? 'All parties';
  const mediatorText = input.text.versionId === null;
  const about = [
    mediatorText
      ? 'Text: the working draft of the mediation team, as it stands today (not released to any party).'
      : `Text: ${input.text.label}, the newest version your party holds.`,
    ...(mediatorText && target
      ? [
          input.targetHolds
            ? `${target.name} holds ${input.targetHolds.label} (released ${formatDay(input.targetHolds.releasedAt)}).`
            : `${target.name} holds no version of this plan yet.`,
        ]
      : []),
    target
      ? `Stances, open amendments and meetings of ${target.name}.`
      : 'Stances and open amendments of every party; every meeting ahead.',
  ];
  const stanceCount = blocks.reduce((n, b) => n + (b.kind === 'point' ? b.stances.length : 0), 0);
  return {
    title: 'Negotiation brief',
    planTitle: content.title,
    processTitle: input.processTitle,
    preparedFor,
    preparedBy: [input.reader.name, input.reader.party?.name].filter(Boolean).join(', '),
    preparedOn: formatDay(from),
    about,
    context: {
      processTitle: input.processTitle,
      versionLabel: mediatorText ? null : input.text.label,
      contentHash: input.text.contentHash,
      exportedAt: input.preparedAt,
      marking: `Confidential — prepared for ${preparedFor}`,
    },
    content,
    blocks,
    otherAmendments,
    meetings,
    stanceParties,
    counts: {
      points: content.points.length,
      stances: stanceCount,
      amendments: amendments.length,
      meetings: meetings.length,
    },
  };
}

/** "12 March 2026" (UTC). */
function formatDay(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d LLLL yyyy');
}

/** "Tue 3 Mar 2026, 10:00–13:00 (Europe/Zurich)", in the venue's time zone. */
export function meetingTime(startsAt: string, endsAt: string, zone: string): string {
  const start = DateTime.fromISO(startsAt, { zone: 'utc' }).setZone(zone);
  const valid = start.isValid;
  const s = valid ? start : DateTime.fromISO(startsAt, { zone: 'utc' });
  const e = DateTime.fromISO(endsAt, { zone: 'utc' }).setZone(valid ? zone : 'utc');
  const sameDay = s.toISODate() === e.toISODate();
  const end = sameDay ? e.toFormat('HH:mm') : e.toFormat('ccc d LLL yyyy, HH:mm');
  return `${s.toFormat('ccc d LLL yyyy, HH:mm')}–${end} (${valid ? zone : 'UTC'})`;
}

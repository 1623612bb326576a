import { can } from '../../domain/access/policies.ts';
import {
  type PositionRecord,
  positionEventAt,
  positionEvents,
  STANCE_LABELS,
} from '../../domain/timeline/position-events.ts';
import { excerpt, type TimelineItem, type TimelineLinks } from '../../domain/timeline/timeline-item.ts';
import type {
  listAmendmentEvents,
  listMeetingStatusChanges,
  listMeetingVersions,
  listProcessMeetings,
  listProcessReleases,
  listProcessVersions,
  listVersionsHeldInProcess,
} from '../../store/timeline/timeline.repository.ts';
import { type TimelineScope, venueTime } from './timeline-scope.ts';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

const PLACE: Record<string, string> = { phone: 'By phone', video: 'By video' };
const STATUS: Record<string, string> = {
  planned: 'planned',
  confirmed: 'confirmed',
  held: 'held',
  postponed: 'postponed',
  on_hold: 'on hold',
  cancelled: 'cancelled',
};
/** Status changes worth a mark of their own; "held" is the meeting's own mark. */
const STATUS_EVENTS = new Set(['postponed', 'on_hold', 'cancelled']);

/** The versions cut, for the mediator team (parties learn of a version by its release). */
export function versionItems(scope: TimelineScope, rows: Rows<typeof listProcessVersions>): TimelineItem[] {
  return rows
    .filter((v) => scope.version(v.id) && can(scope.viewer, 'draft.read'))
    .map((v) => ({
      id: `version:${v.id}`,
      kind: 'version',
      event: 'cut',
      at: v.created_at,
      title: `${v.label} cut`,
      detail: [v.note ? excerpt(v.note, 120) : '', `by ${v.author_name}`, v.title]
        .filter(Boolean)
        .join(' · '),
      links: { planId: v.plan_id, versionId: v.id },
      parties: [],
    }));
}

/**
 * Releases as the mediator team sees them: one mark per version handed over at one moment and
 * channel, naming every party it went to.
 */
export function releaseItems(scope: TimelineScope, rows: Rows<typeof listProcessReleases>): TimelineItem[] {
  const groups = new Map<string, Rows<typeof listProcessReleases>>();
  for (const r of rows) {
    if (!can(scope.viewer, 'releases.read', { partyId: r.party_id })) continue;
    if (!can(scope.viewer, 'version.read', { releasedTo: [r.party_id] })) continue;
    const key = `${r.version_id}|${r.released_at}|${r.channel ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const parties = scope.partiesOf(group.map((r) => r.party_id));
    return {
      id: `release:${first.version_id}:${first.id}`,
      kind: 'release',
      event: 'released',
      at: first.released_at,
      title: `${first.label} released to ${parties.map((p) => p.code).join(', ')}`,
      detail: [first.channel ? `at ${first.channel}` : '', first.title].filter(Boolean).join(' · '),
      links: { planId: first.plan_id, versionId: first.version_id },
      parties,
    };
  });
}

/** The versions a party holds, as it learnt of them: "Draft 2 released to you". */
export function heldVersionItems(
  scope: TimelineScope,
  rows: Rows<typeof listVersionsHeldInProcess>,
): TimelineItem[] {
  return rows
    .filter(
      (r) =>
        r.party_id === scope.ownPartyId && can(scope.viewer, 'version.read', { releasedTo: [r.party_id] }),
    )
    .map((r) => ({
      id: `release:${r.id}:${r.release_id}`,
      kind: 'release',
      event: 'released',
      at: r.released_at,
      title: `${r.label} released to you`,
      detail: [
        r.channel ? `at ${r.channel}` : '',
        r.release_note ? excerpt(r.release_note, 120) : '',
        r.title,
      ]
        .filter(Boolean)
        .join(' · '),
      links: { planId: r.plan_id, versionId: r.id },
      parties: scope.partiesOf([r.party_id]),
    }));
}

/** Meetings the reader may know of, and their postponements, holds and cancellations. */
export function meetingItems(
  scope: TimelineScope,
  meetings: Rows<typeof listProcessMeetings>,
  participants: ReadonlyMap<string, readonly string[]>,
  changes: Rows<typeof listMeetingStatusChanges>,
  versions: Rows<typeof listMeetingVersions>,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const m of meetings) {
    const partyIds = participants.get(m.id) ?? [];
    if (!can(scope.viewer, 'meeting.read', { participants: partyIds })) continue;
    const parties = scope.partiesOf(partyIds);
    const shown = versions
      .filter((v) => v.meeting_id === m.id)
      .map((v) => ({ ...v, version: scope.version(v.version_id) }))
      .filter((v) => v.version !== undefined);
    const place = PLACE[m.place_kind] ?? m.place;
    const texts = shown.map((v) => `${v.version!.label} ${v.role === 'released' ? 'released' : 'presented'}`);
    const links: TimelineLinks = { meetingId: m.id };
    if (shown[0]) Object.assign(links, { planId: shown[0].version!.planId, versionId: shown[0].version_id });
    items.push({
      id: `meeting:${m.id}`,
      kind: 'meeting',
      event: m.status,
      at: m.starts_at,
      title: m.title,
      detail: [
        `${venueTime(m.starts_at, m.time_zone)}${place ? ` · ${place}` : ''}`,
        m.status === 'planned' ? '' : STATUS[m.status],
        ...texts,
        m.status === 'held' && m.outcome ? excerpt(m.outcome, 140) : '',
      ]
        .filter(Boolean)
        .join(' · '),
      links,
      parties,
    });
    const history = changes.filter((h) => h.meeting_id === m.id);
    history.forEach((h, i) => {
      if (!STATUS_EVENTS.has(h.status)) return;
      const before = history[i - 1];
      const moved = before && before.starts_at !== h.starts_at;
      const when = moved
        ? `from ${venueTime(before.starts_at, m.time_zone)} to ${venueTime(h.starts_at, m.time_zone)}`
        : `was set for ${venueTime(h.starts_at, m.time_zone)}`;
      items.push({
        id: `meeting-status:${h.id}`,
        kind: 'meeting',
        event: h.status,
        at: h.changed_at,
        title: `${m.title} ${STATUS[h.status]}`,
        detail: [when, h.note ? excerpt(h.note, 120) : ''].filter(Boolean).join(' · '),
        links: { meetingId: m.id },
        parties,
      });
    });
  }
  return items;
}

const DECISIONS: Record<string, string> = {
  accepted: 'accepted',
  partly_accepted: 'partly accepted',
  rejected: 'rejected',
};

/** Amendments submitted and decided, as far as the reader may read them. */
export function amendmentItems(scope: TimelineScope, rows: Rows<typeof listAmendmentEvents>): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const a of rows) {
    const record = { partyId: a.party_id, sharedWithMediator: a.state !== 'draft' };
    if (!can(scope.viewer, 'amendment.read', { record })) continue;
    const what =
      a.kind === 'add'
        ? `a new point${a.after_point_id ? ` after ${scope.pointName(a.plan_id, a.after_point_id, a.base_version_id)}` : ''}`
        : `${a.kind === 'delete' ? 'deleting' : 'on'} ${scope.pointName(a.plan_id, a.point_id, a.base_version_id)}`;
    const who = scope.whoIs(a.party_id);
    const base = scope.version(a.base_version_id);
    const pointKnown = scope.pointNumber(a.plan_id, a.point_id, a.base_version_id) !== null;
    const links: TimelineLinks = {
      amendmentId: a.id,
      planId: a.plan_id,
      ...(base ? { versionId: base.id } : {}),
      ...(pointKnown && a.point_id ? { pointId: a.point_id } : {}),
    };
    const parties = scope.partiesOf([a.party_id]);
    if (a.submitted_at) {
      items.push({
        id: `amendment:${a.id}:submitted`,
        kind: 'amendment',
        event: 'submitted',
        at: a.submitted_at,
        title: `${who}: amendment ${what} submitted`,
        detail: [
          base ? `against ${base.label}` : '',
          a.kind === 'delete' ? 'delete the point' : excerpt(a.text, 140),
        ]
          .filter(Boolean)
          .join(' · '),
        links,
        parties,
      });
    }
    const decision = DECISIONS[a.state];
    if (decision && a.decided_at) {
      // Named only if the reader holds it: a party's amendment may be taken into a version it was never given.
      const takenIn = scope.version(a.taken_in_version_id);
      items.push({
        id: `amendment:${a.id}:decided`,
        kind: 'amendment',
        event: a.state,
        at: a.decided_at,
        title: `${who}: amendment ${what} ${decision}`,
        detail: [takenIn ? `taken into ${takenIn.label}` : '', a.reply ? excerpt(a.reply, 140) : '']
          .filter(Boolean)
          .join(' · '),
        links: takenIn ? { ...links, versionId: takenIn.id } : links,
        parties,
      });
    }
  }
  return items;
}

/** Positions stated and changed, as far as the reader may read them (stances only, never rationale). */
export function positionItems(scope: TimelineScope, rows: readonly PositionRecord[]): TimelineItem[] {
  const readable = rows.filter((r) => can(scope.viewer, 'position.read', { partyId: r.partyId }));
  return positionEvents(readable).map((event): TimelineItem => {
    const at = positionEventAt(event);
    if (event.type === 'changed') {
      const p = event.position;
      const version = scope.version(p.versionId);
      return {
        id: `position:${p.id}`,
        kind: 'position',
        event: 'changed',
        at,
        title: `${scope.whoIs(p.partyId)}: ${scope.pointName(p.planId, p.pointId, p.versionId)} — ${STANCE_LABELS[event.from]} → ${STANCE_LABELS[p.stance]}`,
        detail: [version ? `as of ${version.label}` : '', `priority ${p.priority}`]
          .filter(Boolean)
          .join(' · '),
        links: {
          planId: p.planId,
          pointId: p.pointId,
          positionId: p.id,
          ...(version ? { versionId: version.id } : {}),
        },
        parties: scope.partiesOf([p.partyId]),
      };
    }
    const counts = new Map<string, number>();
    for (const p of event.positions) counts.set(p.stance, (counts.get(p.stance) ?? 0) + 1);
    const version = scope.version(event.positions[0]?.versionId);
    const who = scope.whoIs(event.partyId);
    return {
      id: `positions:${event.partyId}:${event.planId}:${event.day}`,
      kind: 'position',
      event: 'stated',
      at,
      title: `${who} stated ${who === 'You' ? 'your' : 'its'} position on ${event.positions.length} point${event.positions.length === 1 ? '' : 's'}`,
      detail: [
        version ? `as of ${version.label}` : '',
        [...counts.entries()]
          .map(([stance, n]) => `${n} ${STANCE_LABELS[stance as PositionRecord['stance']]}`)
          .join(', '),
      ]
        .filter(Boolean)
        .join(' · '),
      links: { planId: event.planId, ...(version ? { versionId: version.id } : {}) },
      parties: scope.partiesOf([event.partyId]),
    };
  });
}

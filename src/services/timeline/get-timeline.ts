import { can } from '../../domain/access/policies.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import type { PositionRecord } from '../../domain/timeline/position-events.ts';
import {
  filterTimeline,
  type TimelineItem,
  type TimelineParty,
} from '../../domain/timeline/timeline-item.ts';
import type { Database } from '../../store/database.ts';
import { findProcess, listParties } from '../../store/processes/processes.repository.ts';
import {
  listAmendmentEvents,
  listDraftContents,
  listMeetingParties,
  listMeetingStatusChanges,
  listMeetingVersions,
  listPositionHistory,
  listProcessMeetings,
  listProcessReleases,
  listProcessVersions,
  listVersionsHeldInProcess,
} from '../../store/timeline/timeline.repository.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';
import type { TimelineQuery } from './timeline.schema.ts';
import {
  amendmentItems,
  heldVersionItems,
  meetingItems,
  positionItems,
  releaseItems,
  versionItems,
} from './timeline-items.ts';
import { type ReadableVersion, TimelineScope } from './timeline-scope.ts';

/**
 * One chronological view of a process: meetings and their status changes, versions cut and
 * released, amendments submitted and decided, positions stated and changed. The mediator team
 * sees all of it; any other member sees the versions its party holds (as released to it, never
 * versions it was not given nor anyone else's releases), the meetings it takes part in, and its
 * own amendments and positions. Every row is checked against the policies before it is shown.
 */
export async function getTimeline(database: Database, actor: Actor, processId: string, query: TimelineQuery) {
  const tx = database.db;
  if (!(await findProcess(tx, processId))) throw processNotFound(processId);
  const viewer = await viewerIn(tx, actor, processId);
  authorize(viewer, 'process.read', () => processNotFound(processId));
  const mediator = can(viewer, 'draft.read');
  const ownParty = viewer.membership?.partyId ?? '';
  // A party's members see only their own records: read no other party's rows at all.
  const onlyParty = mediator ? undefined : ownParty;

  const partyRows = await listParties(tx, processId);
  if (query.partyId !== undefined && !partyRows.some((p) => p.id === query.partyId))
    throw invalid('query.partyId', 'is not a party of this process');
  const parties = new Map<string, TimelineParty>(
    partyRows.map((p) => [p.id, { id: p.id, name: p.name, code: p.code, colour: p.colour }]),
  );

  const [versions, held, releases, drafts] = await Promise.all([
    mediator ? listProcessVersions(tx, processId) : Promise.resolve([]),
    mediator ? Promise.resolve([]) : listVersionsHeldInProcess(tx, processId, ownParty),
    mediator ? listProcessReleases(tx, processId) : Promise.resolve([]),
    mediator ? listDraftContents(tx, processId) : Promise.resolve([]),
  ]);
  const readable: ReadableVersion[] = (mediator ? versions : held).map((v) => ({
    id: v.id,
    planId: v.plan_id,
    seq: v.seq,
    label: v.label,
    content: JSON.parse(v.content) as PlanContent,
  }));
  const scope = new TimelineScope(
    viewer,
    parties,
    readable,
    new Map(drafts.map((d) => [d.id, JSON.parse(d.draft_content) as PlanContent])),
  );

  const [meetings, meetingParties, statusChanges, meetingVersions, amendments, positions] = await Promise.all(
    [
      listProcessMeetings(tx, processId),
      listMeetingParties(tx, processId),
      listMeetingStatusChanges(tx, processId),
      listMeetingVersions(tx, processId),
      listAmendmentEvents(tx, processId, onlyParty),
      listPositionHistory(tx, processId, onlyParty),
    ],
  );
  const participants = new Map<string, string[]>();
  for (const row of meetingParties)
    if (row.party_id)
      participants.set(row.meeting_id, [...(participants.get(row.meeting_id) ?? []), row.party_id]);

  const items: TimelineItem[] = [
    ...(mediator ? versionItems(scope, versions) : []),
    ...(mediator ? releaseItems(scope, releases) : heldVersionItems(scope, held)),
    ...meetingItems(scope, meetings, participants, statusChanges, meetingVersions),
    ...amendmentItems(scope, amendments),
    ...positionItems(scope, positions.map(toPositionRecord)),
  ];
  const shown = filterTimeline(items, {
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    ...(query.kinds !== undefined ? { kinds: query.kinds } : {}),
    ...(query.partyId !== undefined ? { partyId: query.partyId } : {}),
  });
  const all = filterTimeline(items, {});
  return {
    processId,
    scope: mediator ? ('all-parties' as const) : ('own-party' as const),
    viewer: viewer.membership,
    // The parties a reader may filter by: all of them for the mediator team, one's own otherwise.
    parties: [...parties.values()].filter((p) =>
      mediator ? partyRows.find((r) => r.id === p.id)?.kind !== 'mediator' : p.id === ownParty,
    ),
    // The whole span, unfiltered, so that a client can draw the axis and offer a range around it.
    span: all.length > 0 ? { first: all[0]!.at, last: all.at(-1)!.at } : null,
    items: shown,
  };
}

function toPositionRecord(row: Awaited<ReturnType<typeof listPositionHistory>>[number]): PositionRecord {
  return {
    id: row.id,
    planId: row.plan_id,
    pointId: row.point_id,
    partyId: row.party_id,
    versionId: row.version_id,
    stance: row.stance,
    priority: row.priority,
    recordedAt: row.recorded_at,
  };
}

/** What a timeline shows: one lane of the axis each, and a filter in the API. */
export const TIMELINE_KINDS = ['meeting', 'version', 'release', 'amendment', 'position'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** A party as the timeline names it. */
export interface TimelineParty {
  id: string;
  name: string;
  code: string;
  colour: string;
}

/** The records an item points at; only ids the reader may follow. */
export interface TimelineLinks {
  planId?: string;
  versionId?: string;
  meetingId?: string;
  amendmentId?: string;
  pointId?: string;
  positionId?: string;
}

/** One thing that happened (or, for a meeting ahead, will) in a process. */
export interface TimelineItem {
  /** Stable across reads, so a client can keep focus on the same mark after a refresh. */
  id: string;
  kind: TimelineKind;
  /** What happened within the kind: "cut", "released", "postponed", "accepted", "changed"… */
  event: string;
  /** UTC instant, ISO-8601. */
  at: string;
  title: string;
  /** One or two short lines; never a whole text. */
  detail: string;
  links: TimelineLinks;
  parties: TimelineParty[];
}

/** The filters of a timeline read, as validated at the edge. */
export interface TimelineFilter {
  from?: string;
  to?: string;
  kinds?: readonly TimelineKind[];
  partyId?: string;
}

/** Oldest first; items at the same instant in lane order, then by id, so the order is stable. */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const lane = TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind);
  if (lane !== 0) return lane;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The items inside the filter's date range, of its kinds, involving its party; sorted oldest first. */
export function filterTimeline(items: readonly TimelineItem[], filter: TimelineFilter): TimelineItem[] {
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  return items
    .filter(
      (item) =>
        (filter.from === undefined || item.at >= filter.from) &&
        (filter.to === undefined || item.at <= filter.to) &&
        (kinds === null || kinds.has(item.kind)) &&
        (filter.partyId === undefined || item.parties.some((p) => p.id === filter.partyId)),
    )
    .sort(compareItems);
}

/** The first `max` characters of a text on one line, cut at a word with an ellipsis. */
export function excerpt(text: string, max = 160): string {
  const line = text
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** The filters of the event list, as they sit in the page's URL (so a filtered view can be linked). */
export interface EventFilters {
  /** Calendar dates, YYYY-MM-DD, both inclusive, read as UTC days like the events' own dates. */
  from: string;
  to: string;
  type: string;
  status: string;
  /** The party an event is attributed to. */
  party: string;
  q: string;
}

export const EVENT_FILTER_KEYS = ['from', 'to', 'type', 'status', 'party', 'q'] as const;

export function eventFiltersFrom(params: URLSearchParams): EventFilters {
  return {
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    type: params.get('type') ?? '',
    status: params.get('status') ?? '',
    party: params.get('party') ?? '',
    q: params.get('q') ?? '',
  };
}

export function hasEventFilters(f: EventFilters): boolean {
  return EVENT_FILTER_KEYS.some((k) => f[k] !== '');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as the first or last instant of that UTC day; anything else goes as typed, for the server to name. */
export function utcDayEdge(date: string, edge: 'start' | 'end'): string {
  if (!DATE.test(date)) return date;
  return `${date}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
}

/** The API query string for the filters and the page wanted. */
export function eventQuery(f: EventFilters, cursor: string | null, limit = 50): string {
  const q = new URLSearchParams();
  if (f.from !== '') q.set('from', utcDayEdge(f.from, 'start'));
  if (f.to !== '') q.set('to', utcDayEdge(f.to, 'end'));
  if (f.type !== '') q.set('type', f.type);
  if (f.status !== '') q.set('status', f.status);
  if (f.party !== '') q.set('partyId', f.party);
  if (f.q.trim() !== '') q.set('q', f.q.trim());
  if (cursor !== null) q.set('cursor', cursor);
  q.set('limit', String(limit));
  return q.toString();
}

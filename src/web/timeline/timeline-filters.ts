import { TIMELINE_KINDS, type TimelineKind } from '../../domain/timeline/timeline-item.ts';
import { localInstant } from '../components/local-dates.ts';

/** The filters of the timeline page, as they sit in its URL (so a filtered view can be linked). */
export interface TimelineFilters {
  kinds: TimelineKind[];
  party: string;
  /** Local calendar dates, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

export const FILTER_KEYS = ['kinds', 'party', 'from', 'to'] as const;

export function filtersFrom(params: URLSearchParams): TimelineFilters {
  const kinds = (params.get('kinds') ?? '')
    .split(',')
    .filter((k): k is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(k));
  return {
    kinds,
    party: params.get('party') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function hasFilters(f: TimelineFilters): boolean {
  return f.kinds.length > 0 || f.party !== '' || f.from !== '' || f.to !== '';
}

/** The API query string for the filters. */
export function apiQuery(f: TimelineFilters): string {
  const q = new URLSearchParams();
  if (f.kinds.length > 0) q.set('kinds', f.kinds.join(','));
  if (f.party !== '') q.set('partyId', f.party);
  if (f.from !== '') q.set('from', localInstant(f.from, 'start'));
  if (f.to !== '') q.set('to', localInstant(f.to, 'end'));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

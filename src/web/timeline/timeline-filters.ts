import { TIMELINE_KINDS, type TimelineKind } from '../../domain/timeline/timeline-item.ts';

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local date's first (or last) millisecond; anything else as typed, so the server names the field. */
export function localInstant(value: string, edge: 'start' | 'end'): string {
  const m = DATE.exec(value);
  if (!m) return value;
  const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + (edge === 'end' ? 1 : 0));
  if (Number.isNaN(day.getTime())) return value;
  return new Date(day.getTime() - (edge === 'end' ? 1 : 0)).toISOString();
}

/** A Date as the local YYYY-MM-DD a date input holds. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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

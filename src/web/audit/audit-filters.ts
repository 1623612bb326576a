import { localInstant } from '../components/local-dates.ts';

/** The filters of the audit log view, as they sit in the page's URL (so a filtered view can be linked). */
export interface AuditFilters {
  actor: string;
  party: string;
  /** An action ("version.export") or a family ("version."). */
  action: string;
  /** Local calendar dates, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
}

export const FILTER_KEYS = ['actor', 'party', 'action', 'from', 'to'] as const;

export function filtersFrom(params: URLSearchParams): AuditFilters {
  return {
    actor: params.get('actor') ?? '',
    party: params.get('party') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function hasFilters(f: AuditFilters): boolean {
  return FILTER_KEYS.some((k) => f[k] !== '');
}

/** The API query string for the filters, and the cursor of the page wanted. */
export function apiQuery(f: AuditFilters, before: number | null): string {
  const q = new URLSearchParams();
  if (f.actor !== '') q.set('actor', f.actor);
  if (f.party !== '') q.set('party', f.party);
  if (f.action !== '') q.set('action', f.action);
  if (f.from !== '') q.set('from', localInstant(f.from, 'start'));
  if (f.to !== '') q.set('to', localInstant(f.to, 'end'));
  if (before !== null) q.set('before', String(before));
  return q.toString();
}

const FAMILIES: Record<string, string> = {
  process: 'Process',
  party: 'Parties',
  member: 'Members',
  plan: 'Plans',
  draft: 'Working draft',
  version: 'Versions',
  note: 'Party notes',
};

const ACTIONS: Record<string, string> = {
  'process.create': 'Opened the process',
  'party.create': 'Added a party',
  'member.add': 'Added a member',
  'plan.create': 'Created a plan',
  'draft.edit': 'Edited the draft',
  'draft.export': 'Exported the draft',
  'version.cut': 'Cut a version',
  'version.release': 'Released a version',
  'version.view': 'Read a version',
  'version.compare': 'Compared versions',
  'version.export': 'Exported a version',
  'note.create': 'Wrote a note',
  'note.update': 'Changed a note',
  'note.delete': 'Deleted a note',
};

export function familyLabel(family: string): string {
  return FAMILIES[family] ?? family;
}

export function actionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** The actions grouped by family ("version.view" under "version"), families in a stable order. */
export function actionFamilies(actions: readonly string[]): { family: string; actions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const a of actions) {
    const family = a.split('.')[0] ?? a;
    groups.set(family, [...(groups.get(family) ?? []), a]);
  }
  const order = Object.keys(FAMILIES);
  const rank = (f: string) => (order.includes(f) ? order.indexOf(f) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([family, list]) => ({ family, actions: list }));
}

import type { SummaryInput } from './audit-summary.ts';
import { plural, words } from './summary-words.ts';

const STANCES: Record<string, string> = {
  support: 'support',
  reservations: 'support with reservations',
  oppose: 'oppose',
  undecided: 'undecided',
};
const AMENDMENT_KINDS: Record<string, string> = {
  replace: 'new wording for a point',
  add: 'a new point',
  delete: 'deleting a point',
};
const DECISIONS: Record<string, string> = {
  accept: 'accepted',
  partly_accept: 'partly accepted',
  reject: 'rejected',
};
const FORMATS: Record<string, string> = { docx: 'Word', pdf: 'PDF' };

/**
 * The summary of a negotiation entry (positions, amendments, comments, meetings, calendar feeds,
 * briefs), or undefined for any other action. Like the rest of the audit view it says what was
 * done, never the wording: which point a party commented on or what it proposed stays out.
 */
export function summariseNegotiationEntry({ action, detail: d, subjectLabel, partyName }: SummaryInput) {
  const forParty = d.partyId ? partyName(d.partyId) : undefined;
  switch (action) {
    case 'position.record': {
      const stance = d.stance ? (STANCES[d.stance] ?? words(d.stance)) : 'a stance';
      const priority = d.priority === undefined ? '' : `, priority ${d.priority}`;
      return `recorded a position on a point: ${stance}${priority}`;
    }
    case 'amendment.create': {
      const what = d.kind ? (AMENDMENT_KINDS[d.kind] ?? words(d.kind)) : 'a change';
      return `proposed an amendment (${what})${d.state === 'submitted' ? ' and submitted it' : ' as a draft'}`;
    }
    case 'amendment.update':
      return 'changed a draft amendment';
    case 'amendment.submit':
      return 'submitted an amendment';
    case 'amendment.withdraw':
      return 'withdrew an amendment';
    case 'amendment.decide': {
      const decided = d.decision ? (DECISIONS[d.decision] ?? words(d.decision)) : 'decided on';
      const of = forParty ? ` of ${forParty}` : '';
      return `${decided} an amendment${of}${d.textEdited ? ' with edited wording' : ''}`;
    }
    case 'amendment.import': {
      const made = [
        d.replaced ? `${d.replaced} rewording${d.replaced === 1 ? '' : 's'}` : undefined,
        d.added ? plural(d.added, 'new point') : undefined,
        d.deleted ? plural(d.deleted, 'deletion') : undefined,
      ].filter((x) => x !== undefined);
      const against = d.label ? ` to ${d.label}` : '';
      return `imported a counter-proposal${against} as draft amendments${made.length > 0 ? ` (${made.join(', ')})` : ''}`;
    }
    case 'comment.create':
      return d.shared
        ? 'commented on a point (thread open to the mediator)'
        : 'commented in a party-only thread';
    case 'comment.update':
      return 'edited a comment';
    case 'comment.delete':
      return 'deleted a comment';
    case 'meeting.create':
      return `scheduled the meeting${subjectLabel ? ` “${subjectLabel}”` : ''}${d.status ? ` (${words(d.status)})` : ''}`;
    case 'meeting.update':
      return `changed the meeting${subjectLabel ? ` “${subjectLabel}”` : ''}`;
    case 'meeting.status':
      return `marked the meeting${subjectLabel ? ` “${subjectLabel}”` : ''} ${d.status ? words(d.status) : 'changed'}`;
    case 'calendar_feed.create':
      return d.replacedFeed ? 'replaced their calendar feed address' : 'created a calendar feed address';
    case 'calendar_feed.revoke':
      return 'revoked their calendar feed address';
    case 'brief.export': {
      const text =
        d.label ??
        (d.revision === undefined ? 'the working draft' : `the working draft (revision ${d.revision})`);
      const format = d.format ? ` as ${FORMATS[d.format] ?? d.format.toUpperCase()}` : '';
      const who = forParty ? ` for ${forParty}` : d.scope === 'all' ? ' for all parties' : '';
      return `exported a negotiation brief of ${text}${who}${format}`;
    }
    case 'analysis.define':
      return 'changed the analysis set-up (contested points, options or constraints)';
    case 'analysis.run':
      return 'ran the negotiation analysis';
    case 'analysis.apply':
      return 'applied a package from the analysis to the working draft';
    case 'preferences.update':
      return d.shared ? 'saved its preferences (shared with the mediator)' : 'saved its sealed preferences';
    default:
      return undefined;
  }
}

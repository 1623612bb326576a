import type { SummaryInput } from './audit-summary.ts';
import { plural, words } from './summary-words.ts';

/** How a step of the verification workflow reads, by the status it moved to. */
const STATUS_STEPS: Record<string, string> = {
  received: 'received an event report',
  under_investigation: 'opened an investigation into an event report',
  verified: 'verified an event report',
  unverified: 'found an event report unverified',
  dismissed: 'dismissed an event report',
};

/**
 * One line for an event report, import, zone or webhook entry; undefined for other actions. Like
 * every summary, built from the whitelisted detail only: what a report says (its description, an
 * allegation not yet verified) never reaches the log view, only that it was filed or moved.
 */
export function summariseEventReportEntry({
  action,
  detail: d,
  partyName,
}: SummaryInput): string | undefined {
  const party = d.partyId === undefined ? undefined : (partyName(d.partyId) ?? d.partyId);
  switch (action) {
    case 'event_report.create':
      return party ? `filed an event report for ${party}` : 'filed an event report';
    case 'event_report.update':
      return `corrected an event report${d.revision === undefined ? '' : ` (revision ${d.revision})`}`;
    case 'event_report.status': {
      const step = (d.status && STATUS_STEPS[d.status]) ?? 'changed the status of an event report';
      return party ? `${step}, attributing it to ${party}` : step;
    }
    case 'event_report.link':
      return d.kind
        ? `linked an event report to a commitment, recording ${words(d.kind)}`
        : 'linked an event report to a commitment';
    case 'event_report.unlink':
      return 'unlinked an event report from a commitment';
    case 'event_import.create': {
      const notes = [
        d.duplicates ? `${plural(d.duplicates, 'duplicate')} skipped` : undefined,
        d.rejected ? `${plural(d.rejected, 'row')} rejected` : undefined,
      ].filter((x) => x !== undefined);
      const what = plural(d.imported ?? 0, 'event report');
      return `imported ${what}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    }
    case 'zone.import':
      return `imported ${plural(d.added ?? 0, 'zone')}`;
    case 'zone.delete':
      return d.kind ? `deleted a zone (${words(d.kind)})` : 'deleted a zone';
    case 'webhook.create':
      return 'added an outgoing webhook';
    case 'webhook.delete':
      return 'removed an outgoing webhook';
    case 'webhook.test':
      return 'sent a test delivery to a webhook';
    case 'commitment.status_notice':
      return `told outgoing webhooks that a commitment is now ${d.status ? words(d.status) : 'in a new status'}`;
    default:
      return undefined;
  }
}

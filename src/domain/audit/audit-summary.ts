import type { SafeAuditDetail } from './audit-detail.ts';
import { summariseEventReportEntry } from './event-report-summary.ts';
import { summariseMonitoringEntry } from './monitoring-summary.ts';
import { summariseNegotiationEntry } from './negotiation-summary.ts';
import { list, plural, words } from './summary-words.ts';

/** What the summary of one entry is built from; all of it already safe to show. */
export interface SummaryInput {
  action: string;
  detail: SafeAuditDetail;
  /** What the subject is called now, when known: a version's label, a plan's title, a member's name. */
  subjectLabel: string | null;
  /** A party's name by its id or its code, when it is a party of the process. */
  partyName: (idOrCode: string) => string | undefined;
}

const FORMATS: Record<string, string> = { md: 'Markdown', json: 'JSON', docx: 'Word', pdf: 'PDF' };

const DRAFT_OPS: Record<string, string> = {
  updatePlan: 'changed the title or preamble',
  updatePoint: 'changed a point',
  addPoint: 'added a point',
  deletePoint: 'deleted a point',
  movePoint: 'moved a point',
  splitPoint: 'split a point',
  mergePoints: 'merged points',
  addArea: 'added an area',
  renameArea: 'renamed an area',
  deleteArea: 'deleted an area',
  addNote: 'added a note',
  updateNote: 'changed a note',
  deleteNote: 'deleted a note',
};

const SOURCES: Record<string, string> = {
  blank: 'empty',
  text: 'imported from text',
  docx: 'imported from Word',
  json: 'imported from JSON',
};

/**
 * One line saying what an audit entry records, as a verb phrase whose subject is the actor shown
 * beside it: "released Draft 2 to Karst Federation", "exported Draft 2 as PDF", "signed in".
 * Built only from the whitelisted detail and current labels, so it never quotes confidential text.
 */
export function summariseAuditEntry({ action, detail: d, subjectLabel, partyName }: SummaryInput): string {
  // The version's own label (the subject's) over the copy in the detail, which is only a fallback.
  const version = subjectLabel ?? d.label ?? 'a version';
  const asFormat = d.format ? ` as ${FORMATS[d.format] ?? d.format.toUpperCase()}` : '';
  const via = d.via === 'cli' ? ' from the command line' : '';
  const revision = d.revision === undefined ? '' : ` (revision ${d.revision})`;
  const party = (key: string | undefined) => (key === undefined ? undefined : (partyName(key) ?? key));

  switch (action) {
    case 'process.create':
      return d.demo ? 'opened the process (demo data)' : 'opened the process';
    case 'party.create':
      return `added the party ${subjectLabel ?? party(d.partyCode) ?? ''}`.trim();
    case 'member.add': {
      const who = subjectLabel ?? 'a member';
      const where = d.partyCode ? ` to ${party(d.partyCode)}` : '';
      return `added ${who}${where}${d.role ? ` as ${words(d.role)}` : ''}`;
    }
    case 'plan.create': {
      const facts = [
        d.source ? (SOURCES[d.source] ?? `from ${words(d.source)}`) : undefined,
        d.pointCount === undefined ? undefined : plural(d.pointCount, 'point'),
      ].filter((x) => x !== undefined);
      const title = subjectLabel ? ` “${subjectLabel}”` : '';
      return `created the plan${title}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`;
    }
    case 'draft.edit': {
      const what = d.op ? (DRAFT_OPS[d.op] ?? words(d.op)) : 'edited';
      const touched = d.pointCount && d.pointCount > 1 ? `, ${plural(d.pointCount, 'point')}` : '';
      return `edited the working draft: ${what}${touched}${revision}`;
    }
    case 'draft.export':
      return `exported the working draft${revision}${asFormat}${via}`;
    case 'version.cut':
      return `cut ${version}${d.fromRevision === undefined ? '' : ` from revision ${d.fromRevision}`}`;
    case 'version.view':
      return `read ${version}`;
    case 'version.compare':
      return `compared ${version} in a redline`;
    case 'version.export':
      return `exported ${version}${asFormat}${via}`;
    case 'version.print':
      return `printed ${version}`;
    case 'version.release': {
      const keys = d.partyIds ?? (d.partyId ? [d.partyId] : d.partyCode ? [d.partyCode] : []);
      const to = keys.length > 0 ? ` to ${list(keys.map((k) => party(k) ?? k))}` : '';
      return `released ${version}${to}`;
    }
    // Which point a party annotates is its own business: the entry says only that it did, and the
    // actor beside it says for which party.
    case 'note.create':
      return d.shared ? 'wrote a note shared with the mediator' : 'wrote a private note';
    case 'note.update':
      if (d.textChanged === false)
        return d.shared ? 'shared a note with the mediator' : 'made a note private';
      return d.shared === undefined
        ? 'changed a note'
        : `changed a note (${d.shared ? 'shared' : 'private'})`;
    case 'note.delete':
      return 'deleted a note';
    case 'auth.sign_in':
      return 'signed in';
    case 'auth.sign_out':
      return 'signed out';
    case 'auth.sign_in_failed':
      return 'failed to sign in';
    case 'token.create':
      return d.scope ? `created a ${words(d.scope)} API token` : 'created an API token';
    case 'user.create':
      return 'created an account';
    default: {
      const negotiation = summariseNegotiationEntry({ action, detail: d, subjectLabel, partyName });
      if (negotiation !== undefined) return negotiation;
      const monitoring =
        summariseMonitoringEntry({ action, detail: d, subjectLabel, partyName }) ??
        summariseEventReportEntry({ action, detail: d, subjectLabel, partyName });
      if (monitoring !== undefined) return monitoring;
      // An action this view does not know yet: say what it is called, and what it concerns.
      const about = subjectLabel ? `: ${subjectLabel}` : '';
      return `${words(action)}${about}`;
    }
  }
}

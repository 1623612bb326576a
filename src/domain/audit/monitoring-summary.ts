import { type ImplementationScore, SCORE_LABELS } from '../monitoring/monitoring-model.ts';
import type { SummaryInput } from './audit-summary.ts';
import { list, plural, words } from './summary-words.ts';

const PROGRESS: Record<string, string> = {
  progress: 'recorded progress on a commitment',
  completed: 'recorded a commitment as completed',
  breached: 'recorded a breach of a commitment',
  disputed: 'recorded a dispute over a commitment',
  dispute_resolved: 'recorded the end of a dispute over a commitment',
  reopened: 'reopened a commitment',
};

const DEADLINES: Record<string, string> = {
  none: 'without a deadline',
  absolute: 'due by a set date',
  after_entry_into_force: 'due after entry into force',
  after_commitment: 'due after another commitment',
};

/**
 * One line for an agreement, commitment, progress or score entry; undefined for other actions.
 * Like the rest of the audit view it never quotes what a commitment says: only what was done.
 */
export function summariseMonitoringEntry({ action, detail: d, partyName }: SummaryInput): string | undefined {
  const version = d.label ?? 'a version';
  const revision = d.revision === undefined ? '' : ` (revision ${d.revision})`;
  switch (action) {
    case 'agreement.create': {
      const signed = (d.partyIds ?? []).map((p) => partyName(p) ?? p);
      return `adopted ${version} as an agreement${signed.length > 0 ? `, signed or endorsed by ${list(signed)}` : ''}`;
    }
    case 'agreement.update':
      return `changed the agreement on ${version}${revision}`;
    case 'commitment.create': {
      const due = d.kind ? (DEADLINES[d.kind] ?? words(d.kind)) : undefined;
      return `added a commitment${due ? ` (${due})` : ''}`;
    }
    case 'commitment.derive':
      return `derived ${plural(d.added ?? 0, 'commitment')} from ${version}`;
    case 'commitment.update':
      return `changed a commitment${revision}`;
    case 'commitment.delete':
      return 'removed a commitment';
    case 'commitment.progress':
      return d.kind ? (PROGRESS[d.kind] ?? `recorded ${words(d.kind)} on a commitment`) : PROGRESS.progress;
    case 'commitment.score':
      return d.score === undefined
        ? 'scored a commitment'
        : `scored a commitment ${d.score} (${SCORE_LABELS[d.score as ImplementationScore]})`;
    case 'monitoring_report.export': {
      const format = typeof d.format === 'string' ? ` as ${d.format === 'pdf' ? 'PDF' : 'Word'}` : '';
      const via = d.via === 'cli' ? ' from the command line' : '';
      return `exported the implementation report of ${d.label ?? 'an agreement'}${format}${via}`;
    }
    default:
      return undefined;
  }
}

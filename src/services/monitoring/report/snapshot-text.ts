import { COMMITMENT_STATUSES } from '../../../domain/monitoring/monitoring-model.ts';
import type { AggregateRow, MonitoringSnapshot } from '../../../domain/monitoring/monitoring-snapshot.ts';
import {
  deadlineText,
  formatDate,
  formatInstant,
  formatPercent,
  progressText,
  STATUS_LABELS,
  scoreText,
} from './report-text.ts';

const TITLE_WIDTH = 48;
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Columns padded to their widest cell, two spaces apart, with a rule under the header. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "2 completed, 1 overdue": the statuses a group's commitments are in. */
function countsText(row: AggregateRow): string {
  return COMMITMENT_STATUSES.filter((s) => row.counts[s] > 0)
    .map((s) => `${row.counts[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
}

function groupTable(title: string, rows: readonly AggregateRow[]): string {
  return `${title}\n${textTable(
    [title.replace(/^By /, ''), 'commitments', 'scored', 'implemented', 'statuses'],
    rows.map((r) => [
      r.label,
      String(r.commitments),
      String(r.scored),
      formatPercent(r.percent),
      countsText(r),
    ]),
  )}`;
}

/**
 * An agreement's snapshot as `entente monitor report` prints it: the agreement, the totals, one
 * line per commitment (status, deadline, progress, score), then implementation by area, party and
 * phase.
 */
export function printSnapshot(snapshot: MonitoringSnapshot): string {
  const { agreement, totals } = snapshot;
  const zone = agreement.entryIntoForceZone ?? 'UTC';
  const numbers = new Map(snapshot.commitments.map((c, i) => [c.id, `#${i + 1}`]));
  const numberOf = (id: string) => numbers.get(id) ?? 'another commitment';
  const out = [
    `${agreement.title} (${agreement.id}) — as of ${formatInstant(snapshot.asOf, zone)}`,
    `${agreement.versionLabel}, adopted ${formatDate(agreement.adoptedOn)}; entry into force: ${
      agreement.entryIntoForceAt ? formatInstant(agreement.entryIntoForceAt, zone) : 'not yet set'
    }`,
    `Implementation: ${formatPercent(totals.percent)} (${totals.scoreSum} of ${3 * totals.commitments} score points; ${totals.scored} of ${totals.commitments} commitments scored)`,
    `Statuses: ${countsText(totals) || 'no commitments'}`,
    '',
    textTable(
      ['#', 'commitment', 'status', 'deadline', 'progress', 'score'],
      snapshot.commitments.map((c) => [
        numberOf(c.id),
        cut(c.title, TITLE_WIDTH),
        STATUS_LABELS[c.status],
        deadlineText(c, zone, numberOf),
        progressText(c, zone),
        scoreText(c.score),
      ]),
    ),
  ];
  for (const [title, rows] of [
    ['By area', snapshot.byArea],
    ['By party', snapshot.byParty],
    ['By phase', snapshot.byPhase],
  ] as const)
    if (rows.length > 0) out.push('', groupTable(title, rows));
  out.push('', groupTable('Totals', [totals]));
  return out.join('\n');
}

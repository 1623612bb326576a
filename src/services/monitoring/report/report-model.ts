import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../domain/monitoring/monitoring-model.ts';
import type { CommitmentLine, MonitoringSnapshot } from '../../../domain/monitoring/monitoring-snapshot.ts';
import type { ExportContext } from '../../../formats/export/export-context.ts';
import type { ChartScene } from './chart-scene.ts';
import { groupChart, quantityChart, trendChart } from './report-charts.ts';
import {
  deadlineText,
  formatDate,
  formatInstant,
  formatPercent,
  progressText,
  STATUS_LABELS,
  scoreText,
} from './report-text.ts';

/** One row of the commitments table. */
export interface ReportRow {
  /** "#3", the row's number in the agreement's order. */
  number: string;
  title: string;
  /** "Point 7.2 · Ending the war", when linked to the text. */
  source: string | null;
  parties: string;
  status: CommitmentStatus;
  statusLabel: string;
  deadline: string;
  progress: string;
  score: string;
  /** The justification of the score in force as of the report, if any. */
  justification: string | null;
}

export interface ReportChart {
  title: string;
  scene: ChartScene;
}

/** Everything the Word and PDF writers set, already in words: they only lay it out. */
export interface ReportModel {
  title: string;
  agreementTitle: string;
  asOf: string;
  preparedFor: string;
  preparedOn: string;
  /** "Adopted version: Draft 2", "Entry into force: …", one fact a line. */
  facts: { label: string; value: string }[];
  headline: string;
  /** How many commitments are in each status, in the vocabulary's order, zeros included. */
  counts: { status: CommitmentStatus; label: string; count: number }[];
  charts: ReportChart[];
  /** The aggregates as tables: group, commitments, scored, implementation. */
  groups: {
    title: string;
    rows: { label: string; commitments: number; scored: number; percent: string }[];
  }[];
  rows: ReportRow[];
  context: ExportContext;
}

export interface ReportInput {
  snapshot: MonitoringSnapshot;
  /** Justification of the score in force as of the report, by commitment id. */
  justifications: ReadonlyMap<string, string>;
  processTitle: string;
  preparedFor: string;
  exportedAt: Date;
}

/**
 * The implementation report of an agreement as of a date: the agreement's header (version,
 * adoption, signatures, entry into force), the headline implementation %, status counts, the
 * charts, the aggregates, then one row per commitment with its status, deadline, progress and
 * score with its justification.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { snapshot } = input;
  const { agreement } = snapshot;
  const zone = agreement.entryIntoForceZone ?? 'UTC';
  const partyName = new Map(snapshot.parties.map((p) => [p.id, p.name]));
  const numbers = new Map(snapshot.commitments.map((c, i) => [c.id, `#${i + 1}`]));
  const numberOf = (id: string) => numbers.get(id) ?? 'another commitment';
  const lines = snapshot.commitments.map((c) => ({ ...c, number: numberOf(c.id) }));
  const t = snapshot.totals;
  const charts: ReportChart[] = [{ title: 'Implementation over time', scene: trendChart(snapshot.overTime) }];
  if (snapshot.byArea.length > 0)
    charts.push({ title: 'Implementation by area', scene: groupChart(snapshot.byArea) });
  if (snapshot.byParty.length > 0)
    charts.push({
      title: 'Implementation by party',
      scene: groupChart(snapshot.byParty, new Map(snapshot.parties.map((p) => [p.id, p.colour]))),
    });
  if (lines.some((l) => l.targetQuantity !== null && l.targetQuantity > 0))
    charts.push({ title: 'Progress on quantity targets', scene: quantityChart(lines) });
  return {
    title: 'Implementation report',
    agreementTitle: agreement.title,
    asOf: formatInstant(snapshot.asOf, zone),
    preparedFor: input.preparedFor,
    preparedOn: formatInstant(input.exportedAt.toISOString(), zone),
    facts: [
      { label: 'Adopted version', value: agreement.versionLabel },
      { label: 'Adopted on', value: formatDate(agreement.adoptedOn) },
      {
        label: 'Signatures',
        value:
          agreement.signatures.length === 0
            ? 'None recorded'
            : agreement.signatures
                .map((s) => `${s.partyName} (${s.kind}, ${formatDate(s.signedOn)})`)
                .join('; '),
      },
      {
        label: 'Entry into force',
        value: agreement.entryIntoForceAt ? formatInstant(agreement.entryIntoForceAt, zone) : 'Not yet set',
      },
      ...(agreement.phases.length > 0
        ? [{ label: 'Phases', value: agreement.phases.map((p) => p.name).join('; ') }]
        : []),
    ],
    headline: `${formatPercent(t.percent)} implemented — ${t.scoreSum} of ${3 * t.commitments} score points across ${t.commitments} commitments (${t.scored} scored)`,
    counts: COMMITMENT_STATUSES.map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: t.counts[status],
    })),
    charts,
    groups: [
      { title: 'By area', rows: snapshot.byArea },
      { title: 'By party', rows: snapshot.byParty },
      { title: 'By phase', rows: snapshot.byPhase },
      { title: 'By provision tag', rows: snapshot.byTag },
    ]
      .filter((g) => g.rows.length > 0)
      .map((g) => ({
        title: g.title,
        rows: g.rows.map((r) => ({
          label: r.label,
          commitments: r.commitments,
          scored: r.scored,
          percent: formatPercent(r.percent),
        })),
      })),
    rows: lines.map((line) => rowOf(line, zone, numberOf, partyName, input.justifications)),
    context: {
      processTitle: input.processTitle,
      versionLabel: agreement.versionLabel,
      contentHash: null,
      exportedAt: input.exportedAt,
      marking: `Confidential — prepared for ${input.preparedFor}`,
    },
  };
}

function rowOf(
  line: CommitmentLine & { number: string },
  zone: string,
  numberOf: (id: string) => string,
  partyName: ReadonlyMap<string, string>,
  justifications: ReadonlyMap<string, string>,
): ReportRow {
  const source = [line.pointNumber ? `Point ${line.pointNumber}` : null, line.area]
    .filter(Boolean)
    .join(' · ');
  return {
    number: line.number,
    title: line.title,
    source: source || null,
    parties: line.partyIds.map((id) => partyName.get(id) ?? id).join(', '),
    status: line.status,
    statusLabel: STATUS_LABELS[line.status],
    deadline: deadlineText(line, zone, numberOf),
    progress: progressText(line, zone),
    score: scoreText(line.score),
    justification: line.score === null ? null : (justifications.get(line.id) ?? null),
  };
}

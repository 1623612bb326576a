import { DEFAULT_TAXONOMY } from '../plans/taxonomy.ts';
import { invalid } from '../shared/app-error.ts';
import { prepareTimelines, stateAt } from './commitment-timeline.ts';
import { dueSoonIds, overdueIds } from './due-lists.ts';
import { aggregateBy, type Grouping, totalsRow, trendOverTimelines } from './implementation-aggregates.ts';
import type { AgreementClock, CommitmentFacts, CommitmentState } from './monitoring-model.ts';
import type { CommitmentLine, MonitoringSnapshot } from './monitoring-snapshot.ts';
import { trendDates, trendStart } from './trend-dates.ts';

/** One commitment as the store has it: the facts the status rules need, and what is shown with it. */
export interface MonitoringCommitmentInput extends CommitmentFacts {
  position: number;
  title: string;
  pointId: string | null;
  /** The point's number in the adopted version ("7", "7.2" for a sub-item), when linked. */
  pointNumber: string | null;
  /** Title of the point's area. */
  area: string | null;
  tags: string[];
  phaseId: string | null;
  partyIds: string[];
  targetUnit: string | null;
}

/** Everything `buildMonitoringSnapshot` needs, as plain data loaded by the caller. */
export interface MonitoringSnapshotInput {
  agreement: MonitoringSnapshot['agreement'];
  parties: MonitoringSnapshot['parties'];
  commitments: readonly MonitoringCommitmentInput[];
  /** ISO instant the status is computed as of. */
  asOf: string;
  /** Width of the due-soon window after `asOf`, in hours. */
  dueWithinHours: number;
  /** Zone for calendar steps when entry into force has no zone yet (default UTC). */
  zone?: string;
  /** Labels of tag keys (the process's taxonomy); the default taxonomy and then the key otherwise. */
  tagLabels?: Readonly<Record<string, string>>;
}

const NO_KEY = '';

/**
 * The monitoring snapshot of one agreement as of a moment: every commitment's state, totals and
 * aggregates by area, tag, party and phase, implementation over time (weekly from entry into
 * force, or adoption, to `asOf`, at most 60 points), and the overdue and due-soon lists. The facts
 * are prepared once (commitment-timeline.ts) and the series is a sweep over them.
 */
export function buildMonitoringSnapshot(input: MonitoringSnapshotInput): MonitoringSnapshot {
  const at = Date.parse(input.asOf);
  if (Number.isNaN(at)) throw invalid('query.asOf', 'is not an ISO-8601 date and time');
  if (!Number.isFinite(input.dueWithinHours) || input.dueWithinHours < 0)
    throw invalid('query.dueWithinHours', 'must be a number of hours, 0 or more');
  const asOf = new Date(at).toISOString();
  const { agreement } = input;
  const clock: AgreementClock = {
    entryIntoForceAt: agreement.entryIntoForceAt,
    zone: agreement.entryIntoForceZone ?? input.zone ?? 'UTC',
  };
  const commitments = [...input.commitments].sort((a, b) => a.position - b.position);
  const timelines = prepareTimelines(clock, commitments);
  const states = timelines.items.map((t) => stateAt(timelines, t, at));
  const lines = commitments.map((c, i): CommitmentLine => lineOf(c, states[i]!));
  const start = trendStart(agreement.entryIntoForceAt, agreement.adoptedOn, clock.zone);
  const dates = start === null ? [asOf] : trendDates(start, asOf, clock.zone);
  return {
    asOf,
    agreement,
    parties: input.parties,
    commitments: lines,
    totals: totalsRow(states),
    byArea: aggregateBy(
      states,
      exclusive(
        lines,
        (l) => l.area,
        (k) => k,
        'No area',
      ),
    ),
    byTag: aggregateBy(states, byTag(lines, input.tagLabels ?? {})),
    byParty: aggregateBy(states, byParty(lines, input.parties)),
    byPhase: aggregateBy(
      states,
      exclusive(
        lines,
        (l) => l.phaseId,
        (k) => agreement.phases.find((p) => p.id === k)?.name ?? k,
        'No phase',
        [...agreement.phases].sort((a, b) => a.position - b.position).map((p) => p.id),
      ),
    ),
    overTime: trendOverTimelines(timelines, dates),
    overdue: overdueIds(states),
    dueSoon: dueSoonIds(states, asOf, input.dueWithinHours),
    dueSoonWindowHours: input.dueWithinHours,
  };
}

function lineOf(c: MonitoringCommitmentInput, state: CommitmentState): CommitmentLine {
  return {
    id: state.id,
    status: state.status,
    deadlineAt: state.deadlineAt,
    waitingFor: state.waitingFor,
    quantityDone: state.quantityDone,
    score: state.score,
    completedAt: state.completedAt,
    position: c.position,
    title: c.title,
    pointId: c.pointId,
    pointNumber: c.pointNumber,
    area: c.area,
    tags: c.tags,
    phaseId: c.phaseId,
    partyIds: c.partyIds,
    deadline: c.deadline,
    targetQuantity: c.targetQuantity,
    targetUnit: c.targetUnit,
  };
}

/**
 * A grouping where each commitment has at most one key (area, phase). Those without one form a
 * row of their own, so the rows add up to the total — unless none has a key, when there is
 * nothing to group by and no rows.
 */
function exclusive(
  lines: readonly CommitmentLine[],
  keyOf: (line: CommitmentLine) => string | null,
  labelOf: (key: string) => string,
  noneLabel: string,
  order?: readonly string[],
): Grouping {
  const any = lines.some((l) => keyOf(l) !== null);
  return {
    keysOf: (_, i) => {
      if (!any) return [];
      return [keyOf(lines[i]!) ?? NO_KEY];
    },
    labelOf: (key) => (key === NO_KEY ? noneLabel : labelOf(key)),
    order: order ? [...order, NO_KEY] : undefined,
  };
}

function byTag(lines: readonly CommitmentLine[], labels: Readonly<Record<string, string>>): Grouping {
  const taxonomy = new Map(DEFAULT_TAXONOMY.map((t) => [t.key, t.label]));
  return {
    keysOf: (_, i) => lines[i]!.tags,
    labelOf: (key) => labels[key] ?? taxonomy.get(key) ?? key,
    order: DEFAULT_TAXONOMY.map((t) => t.key),
  };
}

function byParty(lines: readonly CommitmentLine[], parties: MonitoringSnapshot['parties']): Grouping {
  const names = new Map(parties.map((p) => [p.id, p.name]));
  return {
    keysOf: (_, i) => lines[i]!.partyIds,
    labelOf: (key) => names.get(key) ?? key,
    order: parties.map((p) => p.id),
  };
}

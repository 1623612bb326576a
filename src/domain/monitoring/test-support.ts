// Test and bench support: a literal reading of the status rules, and generated agreements.
import { DEFAULT_TAXONOMY } from '../plans/taxonomy.ts';
import type { MonitoringCommitmentInput, MonitoringSnapshotInput } from './build-monitoring-snapshot.ts';
import { absoluteDeadlineUtc, addDeadlineOffset } from './deadline.ts';
import type {
  AgreementClock,
  CommitmentFacts,
  CommitmentState,
  CommitmentStatus,
  DeadlineSpec,
  DeadlineUnit,
  ImplementationScore,
  ProgressEntry,
  ProgressKind,
  ScoreEntry,
} from './monitoring-model.ts';

const FLAGS: readonly ProgressKind[] = ['breached', 'disputed', 'dispute_resolved', 'reopened'];
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The status rules read literally, one commitment and one moment at a time: filter the entries up
 * to "as of", sort them, scan. Written independently of commitment-timeline.ts (anchors resolved
 * by asking the anchor its own completion as of the same moment) so that the two check each other;
 * the benchmark's baseline.
 */
export function naiveStatesAsOf(
  clock: AgreementClock,
  facts: readonly CommitmentFacts[],
  asOf: string,
): CommitmentState[] {
  const at = Date.parse(asOf);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const upTo = (f: CommitmentFacts) =>
    f.progress
      .map((p, i) => ({ p, i, t: Date.parse(p.occurredAt) }))
      .filter((e) => e.t <= at)
      .sort((a, b) => a.t - b.t || a.i - b.i);
  const completion = (f: CommitmentFacts): number | null => {
    let sum = 0;
    for (const { p, t } of upTo(f)) {
      sum += p.quantity ?? 0;
      if (
        p.kind === 'completed' ||
        (f.targetQuantity !== null && f.targetQuantity > 0 && sum >= f.targetQuantity)
      )
        return t;
    }
    return null;
  };
  return facts.map((f) => {
    const entries = upTo(f);
    const score = f.scores
      .map((s, i) => ({ s, i, t: Date.parse(s.effectiveAt), r: Date.parse(s.recordedAt) }))
      .filter((e) => e.t <= at)
      .sort((a, b) => a.t - b.t || a.r - b.r || a.i - b.i)
      .at(-1)?.s.score;
    const flag = entries.filter((e) => FLAGS.includes(e.p.kind)).at(-1)?.p.kind;
    const completedAt = completion(f);
    let deadline: number | null = null;
    let waitingFor: CommitmentState['waitingFor'] = null;
    const d = f.deadline;
    if (d.kind === 'absolute') deadline = Date.parse(absoluteDeadlineUtc(d.local, d.zone));
    if (d.kind === 'after_entry_into_force') {
      if (clock.entryIntoForceAt === null) waitingFor = 'entry_into_force';
      else deadline = addDeadlineOffset(Date.parse(clock.entryIntoForceAt), d.amount, d.unit, clock.zone);
    }
    if (d.kind === 'after_commitment') {
      const anchor = byId.get(d.commitmentId);
      const start = anchor ? completion(anchor) : null;
      if (start === null) waitingFor = 'commitment';
      else deadline = addDeadlineOffset(start, d.amount, d.unit, clock.zone);
    }
    let status: CommitmentStatus;
    if (flag === 'breached') status = 'breached';
    else if (flag === 'disputed') status = 'disputed';
    else if (completedAt !== null)
      status = deadline !== null && completedAt > deadline ? 'completed_late' : 'completed';
    else if (deadline !== null && deadline < at) status = 'overdue';
    else if (entries.length > 0 || (score ?? 0) >= 1) status = 'in_progress';
    else status = 'not_started';
    return {
      id: f.id,
      status,
      deadlineAt: deadline === null ? null : iso(deadline),
      waitingFor,
      quantityDone: entries.reduce((sum, e) => sum + (e.p.quantity ?? 0), 0),
      score: score ?? null,
      completedAt: completedAt === null ? null : iso(completedAt),
    };
  });
}

/** A small seeded generator (mulberry32), so generated agreements are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY_MS = 86_400_000;
const UNITS: readonly DeadlineUnit[] = ['hours', 'days', 'weeks', 'months'];
const AREAS = [
  'Cessation of hostilities',
  'Prisoners and detainees',
  'Withdrawal',
  'Humanitarian',
  'Governance',
];

/** Entry into force of generated agreements: noon in Kyiv, 1 March 2027 (a spring-forward follows). */
export const GENERATED_ENTRY_INTO_FORCE = '2027-03-01T10:00:00.000Z';

/**
 * A generated agreement of `commitments` commitments with `entries` progress entries and scores in
 * all: mixed deadlines (none, absolute, after entry into force in every unit, after an earlier
 * commitment), a third with quantity targets, progress spread over the year after entry into
 * force, a few completions, breaches and disputes, several parties and tags per commitment.
 */
export function generatedMonitoringInput(options: {
  seed: number;
  commitments: number;
  entries: number;
  asOf?: string;
}): MonitoringSnapshotInput {
  const random = rng(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const zone = 'Europe/Kyiv';
  const eif = Date.parse(GENERATED_ENTRY_INTO_FORCE);
  const parties = ['VEL', 'KRF', 'BCC', 'CCV'].map((code, i) => ({
    id: `party-${i}`,
    name: `Party ${code}`,
    code,
    colour: '#333333',
  }));
  const phases = ['Phase one', 'Phase two', 'Phase three'].map((name, i) => ({
    id: `phase-${i}`,
    name,
    position: i,
  }));
  const n = options.commitments;
  const commitments: MonitoringCommitmentInput[] = [];
  for (let i = 0; i < n; i++) {
    const roll = random();
    const amount = 1 + Math.floor(random() * 60);
    const deadline: DeadlineSpec =
      roll < 0.1
        ? { kind: 'none' }
        : roll < 0.3
          ? { kind: 'absolute', local: iso(eif + Math.floor(random() * 300) * DAY_MS).slice(0, 16), zone }
          : roll < 0.8 || i === 0
            ? { kind: 'after_entry_into_force', amount, unit: pick(UNITS) }
            : {
                kind: 'after_commitment',
                amount,
                unit: pick(UNITS),
                commitmentId: `c-${Math.floor(random() * i)}`,
              };
    const target = random() < 0.33 ? 10 + Math.floor(random() * 2000) : null;
    commitments.push({
      id: `c-${i}`,
      position: i + 1,
      title: `Commitment ${i + 1}`,
      pointId: `pt-${i % 40}`,
      pointNumber: String((i % 40) + 1),
      area: AREAS[i % AREAS.length]!,
      tags: [pick(DEFAULT_TAXONOMY).key, pick(DEFAULT_TAXONOMY).key],
      phaseId: random() < 0.9 ? pick(phases).id : null,
      partyIds: random() < 0.3 ? [parties[0]!.id, parties[1]!.id] : [pick(parties).id],
      deadline,
      targetQuantity: target,
      targetUnit: target === null ? null : 'detainees',
      progress: [],
      scores: [],
    });
  }
  for (let k = 0; k < options.entries; k++) {
    const c = commitments[Math.floor(random() * n)]!;
    const when = eif + Math.floor(random() * 365 * DAY_MS);
    const roll = random();
    if (roll < 0.08) {
      (c.scores as ScoreEntry[]).push({
        score: Math.floor(random() * 4) as ImplementationScore,
        effectiveAt: iso(when),
        recordedAt: iso(when + DAY_MS),
      });
      continue;
    }
    const kind: ProgressKind = roll < 0.09 ? 'completed' : roll < 0.095 ? pick(FLAGS) : 'progress';
    const quantity = c.targetQuantity === null ? null : Math.ceil((random() * c.targetQuantity) / 40);
    (c.progress as ProgressEntry[]).push({ occurredAt: iso(when), kind, quantity });
  }
  return {
    agreement: {
      id: 'agreement-1',
      title: 'Generated agreement',
      versionId: 'version-1',
      versionLabel: 'Draft 3',
      adoptedOn: '2027-02-20',
      entryIntoForceAt: GENERATED_ENTRY_INTO_FORCE,
      entryIntoForceLocal: '2027-03-01T12:00',
      entryIntoForceZone: zone,
      signatures: parties.slice(0, 2).map((p) => ({
        partyId: p.id,
        partyName: p.name,
        kind: 'signature' as const,
        signedOn: '2027-02-20',
      })),
      phases,
    },
    parties,
    commitments,
    asOf: options.asOf ?? iso(eif + 180 * DAY_MS),
    dueWithinHours: 72,
  };
}

import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import {
  buildMonitoringSnapshot,
  type MonitoringCommitmentInput,
  type MonitoringSnapshotInput,
} from './build-monitoring-snapshot.ts';
import { commitmentStatesAsOf } from './commitment-status.ts';
import { generatedMonitoringInput } from './test-support.ts';

const commitment = (
  over: Partial<MonitoringCommitmentInput> & { id: string; position: number },
): MonitoringCommitmentInput => ({
  title: `Commitment ${over.position}`,
  pointId: null,
  pointNumber: null,
  area: null,
  tags: [],
  phaseId: null,
  partyIds: [],
  deadline: { kind: 'after_entry_into_force', amount: 72, unit: 'hours' },
  targetQuantity: null,
  targetUnit: null,
  progress: [],
  scores: [],
  ...over,
});

const input = (over: Partial<MonitoringSnapshotInput> = {}): MonitoringSnapshotInput => ({
  agreement: {
    id: 'ag1',
    title: 'Framework',
    versionId: 'v3',
    versionLabel: 'Draft 3',
    adoptedOn: '2027-02-20',
    entryIntoForceAt: '2027-03-01T10:00:00.000Z',
    entryIntoForceLocal: '2027-03-01T12:00',
    entryIntoForceZone: 'Europe/Kyiv',
    signatures: [],
    phases: [
      { id: 'ph2', name: 'Phase two', position: 2 },
      { id: 'ph1', name: 'Phase one', position: 1 },
    ],
  },
  parties: [
    { id: 'vel', name: 'Republic of Veloria', code: 'VEL', colour: '#1d4ed8' },
    { id: 'krf', name: 'Karst Federation', code: 'KRF', colour: '#b91c1c' },
  ],
  commitments: [
    commitment({
      id: 'hostages',
      position: 2,
      area: 'Prisoners',
      tags: ['prisoners'],
      phaseId: 'ph1',
      partyIds: ['krf'],
      targetQuantity: 20,
      targetUnit: 'living hostages',
      progress: [{ occurredAt: '2027-03-02T09:00:00.000Z', kind: 'progress', quantity: 20 }],
      scores: [{ score: 3, effectiveAt: '2027-03-02T12:00:00.000Z', recordedAt: '2027-03-02T12:00:00.000Z' }],
    }),
    commitment({
      id: 'ceasefire',
      position: 1,
      area: 'Hostilities',
      tags: ['ceasefire', 'military'],
      phaseId: 'ph1',
      partyIds: ['vel', 'krf'],
      scores: [{ score: 1, effectiveAt: '2027-03-03T00:00:00.000Z', recordedAt: '2027-03-03T00:00:00.000Z' }],
    }),
    commitment({
      id: 'withdrawal',
      position: 3,
      tags: ['military'],
      phaseId: 'ph2',
      partyIds: ['vel'],
      deadline: { kind: 'after_commitment', amount: 30, unit: 'days', commitmentId: 'hostages' },
    }),
  ],
  asOf: '2027-03-20T00:00:00Z',
  dueWithinHours: 72,
  ...over,
});

describe('the monitoring snapshot', () => {
  it('shows every commitment in position order with its state as of the date', () => {
    const snapshot = buildMonitoringSnapshot(input());
    expect(snapshot.asOf).toBe('2027-03-20T00:00:00.000Z');
    expect(snapshot.commitments.map((c) => [c.id, c.status, c.deadlineAt, c.quantityDone, c.score])).toEqual([
      ['ceasefire', 'overdue', '2027-03-04T10:00:00.000Z', 0, 1],
      ['hostages', 'completed', '2027-03-04T10:00:00.000Z', 20, 3],
      ['withdrawal', 'not_started', '2027-04-01T08:00:00.000Z', 0, null],
    ]);
    expect(snapshot.commitments[1]).toMatchObject({
      targetUnit: 'living hostages',
      area: 'Prisoners',
      position: 2,
    });
  });

  it('aggregates totals and groups, a commitment counting in each of its parties and tags', () => {
    const s = buildMonitoringSnapshot(input());
    expect(s.totals).toMatchObject({ commitments: 3, scored: 2, scoreSum: 4 });
    expect(s.totals.percent).toBeCloseTo((4 / 9) * 100, 10);
    const rows = (list: typeof s.byArea) => list.map((r) => [r.key, r.label, r.commitments, r.scoreSum]);
    expect(rows(s.byArea)).toEqual([
      ['Hostilities', 'Hostilities', 1, 1],
      ['Prisoners', 'Prisoners', 1, 3],
      ['', 'No area', 1, 0],
    ]);
    expect(rows(s.byParty)).toEqual([
      ['vel', 'Republic of Veloria', 2, 1],
      ['krf', 'Karst Federation', 2, 4],
    ]);
    expect(rows(s.byPhase)).toEqual([
      ['ph1', 'Phase one', 2, 4],
      ['ph2', 'Phase two', 1, 0],
    ]);
    expect(rows(s.byTag)).toEqual([
      ['ceasefire', 'Ceasefire', 1, 1],
      ['prisoners', 'Prisoners and detainees', 1, 3],
      ['military', 'Armed forces and DDR', 2, 1],
    ]);
    expect(s.byPhase[0]!.percent).toBeCloseTo((4 / 6) * 100, 10);
  });

  it('lists overdue and due-soon commitments, and the series up to the date', () => {
    const s = buildMonitoringSnapshot(input({ asOf: '2027-03-30T10:00:00.000Z' }));
    expect(s.overdue).toEqual(['ceasefire']);
    expect(s.dueSoon).toEqual(['withdrawal']);
    expect(s.dueSoonWindowHours).toBe(72);
    expect(s.overTime.map((p) => p.at)).toEqual([
      '2027-03-01T10:00:00.000Z',
      '2027-03-08T10:00:00.000Z',
      '2027-03-15T10:00:00.000Z',
      '2027-03-22T10:00:00.000Z',
      '2027-03-29T09:00:00.000Z',
      '2027-03-30T10:00:00.000Z',
    ]);
    expect(s.overTime.map((p) => Math.round(p.percent))).toEqual([0, 44, 44, 44, 44, 44]);
    expect(s.overTime.at(-1)!.counts).toEqual(s.totals.counts);
  });

  it('counts from adoption while entry into force is not set, and has no phase rows without phases', () => {
    const base = input();
    const s = buildMonitoringSnapshot({
      ...base,
      agreement: {
        ...base.agreement,
        entryIntoForceAt: null,
        entryIntoForceLocal: null,
        entryIntoForceZone: null,
      },
      commitments: base.commitments.map((c) => ({ ...c, phaseId: null })),
      zone: 'Europe/Kyiv',
    });
    expect(s.commitments[0]).toMatchObject({
      status: 'in_progress',
      deadlineAt: null,
      waitingFor: 'entry_into_force',
    });
    expect(s.overTime[0]!.at).toBe('2027-02-19T22:00:00.000Z');
    expect(s.byPhase).toEqual([]);
  });

  it('refuses a bad "as of" or window, naming the query field', () => {
    const fieldOf = (over: Partial<MonitoringSnapshotInput>) => {
      try {
        buildMonitoringSnapshot(input(over));
      } catch (error) {
        if (error instanceof AppError) return error.problems[0]?.field;
      }
      return undefined;
    };
    expect(fieldOf({ asOf: 'now' })).toBe('query.asOf');
    expect(fieldOf({ dueWithinHours: -1 })).toBe('query.dueWithinHours');
  });

  it('agrees with the status rules on a generated agreement, at most 60 points over time', () => {
    const generated = generatedMonitoringInput({
      seed: 11,
      commitments: 200,
      entries: 8000,
      asOf: '2028-06-01T00:00:00Z',
    });
    const s = buildMonitoringSnapshot(generated);
    const clock = { entryIntoForceAt: generated.agreement.entryIntoForceAt, zone: 'Europe/Kyiv' };
    const states = commitmentStatesAsOf(clock, generated.commitments, s.asOf);
    expect(
      s.commitments.map(({ id, status, deadlineAt, quantityDone, score }) => ({
        id,
        status,
        deadlineAt,
        quantityDone,
        score,
      })),
    ).toEqual(
      states.map(({ id, status, deadlineAt, quantityDone, score }) => ({
        id,
        status,
        deadlineAt,
        quantityDone,
        score,
      })),
    );
    expect(s.overTime.length).toBeLessThanOrEqual(60);
    expect(s.overTime.length).toBeGreaterThan(30);
    expect(Object.values(s.totals.counts).reduce((a, b) => a + b, 0)).toBe(200);
    expect(s.byArea.reduce((a, r) => a + r.commitments, 0)).toBe(200);
  });
});

import type { KyselyPlugin } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { AggregateRow, MonitoringSnapshot } from '../../src/domain/monitoring/monitoring-snapshot.ts';
import type { PlanContent } from '../../src/domain/plans/plan.ts';
import { newId } from '../../src/domain/shared/ids.ts';
import { loadMonitoringSnapshot } from '../../src/services/monitoring/status/load-monitoring-snapshot.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { adoptThroughApi, commitThroughApi } from '../support/monitoring-factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

const KARST = 'lead@karst.example';
const MONITOR = 'monitor@ccv.example';

/** A group's row, rounded to two decimals so that the hand-worked thirds compare. */
const row = (rows: AggregateRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key} in ${rows.map((x) => x.key).join(', ')}`);
  return { commitments: r.commitments, scoreSum: r.scoreSum, percent: Math.round(r.percent * 100) / 100 };
};

/**
 * Four commitments of an agreement entering into force at noon in Zurich on 20 March 2025, with
 * progress and scores recorded through the API, read as of a series of dates. Every expected
 * number below is worked out by hand in the comments.
 */
describeEachDatabase('monitoring status as of any date, aggregates and due lists', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let karst: Client;
  let monitor: Client;
  let party: (code: string) => string;
  let text: PlanContent;
  let agreementId: string;
  let phases: { id: string; name: string }[];
  const ids = { a: '', b: '', c: '', d: '' };
  const statusUrl = (query: string) =>
    `/api/v1/processes/${ctx().demo.processId}/agreements/${agreementId}/status?${query}`;
  const status = async (asOf: string, extra = '', client = mediator) => {
    const res = await client.get(statusUrl(`asOf=${encodeURIComponent(asOf)}${extra}`));
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MonitoringSnapshot;
  };
  const lineOf = (s: MonitoringSnapshot, id: string) => s.commitments.find((c) => c.id === id)!;
  const statuses = (s: MonitoringSnapshot) => [ids.a, ids.b, ids.c, ids.d].map((id) => lineOf(s, id).status);

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    karst = await ctx().signIn(KARST);
    monitor = await ctx().signIn(MONITOR);
    const overview = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    party = (code) => overview.parties.find((p: { code: string }) => p.code === code).id;
    const [, two] = await demoVersions(mediator, ctx().demo.planId);
    text = (await mediator.get(`/api/v1/plans/${ctx().demo.planId}/versions/${two!.id}`)).json().content;
    const agreement = await adoptThroughApi(mediator, ctx().demo.processId, {
      versionId: two!.id,
      // 11:00 UTC: Zurich is on winter time (UTC+1) until 30 March 2025.
      entryIntoForce: { local: '2025-03-20T12:00', zone: 'Europe/Zurich' },
      phases: [{ name: 'Phase one' }, { name: 'Phase two' }],
    });
    agreementId = agreement.id;
    phases = agreement.phases;
    const [p1, p2, p3] = text.points;
    const detainees = text.points.find((p) => p.tags.includes('prisoners'))!;
    const commit = (body: Record<string, unknown>) =>
      commitThroughApi(mediator, ctx().demo.processId, agreementId, body);
    ids.a = (
      await commit({
        title: 'Ceasefire takes effect',
        pointId: p1!.id,
        phaseId: phases[0]!.id,
        partyIds: [party('VEL'), party('KRF')],
        // Due 2025-03-23T11:00Z: 72 elapsed hours.
        deadline: { kind: 'after_entry_into_force', amount: 72, unit: 'hours' },
      })
    ).id;
    ids.b = (
      await commit({
        title: 'Detainees released',
        pointId: detainees.id,
        phaseId: phases[1]!.id,
        partyIds: [party('VEL'), party('KRF')],
        // Due 2025-04-19T10:00Z: noon in Zurich 30 days on, on summer time by then.
        deadline: { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
        targetQuantity: 20,
        targetUnit: 'persons',
      })
    ).id;
    ids.c = (
      await commit({
        title: 'Heavy weapons withdrawn',
        pointId: p3!.id,
        phaseId: phases[0]!.id,
        partyIds: [party('KRF')],
        // Due 14 calendar days after A is completed.
        deadline: { kind: 'after_commitment', amount: 14, unit: 'days', commitmentId: ids.a },
      })
    ).id;
    ids.d = (
      await commit({
        title: 'No air strikes',
        pointId: p2!.id,
        subItem: 1,
        partyIds: [party('KRF')],
        // Due 2025-05-31T22:00Z: midnight in Zurich on summer time.
        deadline: { kind: 'absolute', local: '2025-06-01T00:00', zone: 'Europe/Zurich' },
      })
    ).id;
    const record = async (id: string, path: 'progress' | 'scores', body: Record<string, unknown>) => {
      const res = await monitor.post(
        `/api/v1/processes/${ctx().demo.processId}/commitments/${id}/${path}`,
        body,
      );
      expect(res.statusCode, res.body).toBe(201);
    };
    await record(ids.a, 'progress', { occurredAt: '2025-03-22T08:00:00Z', kind: 'completed' });
    await record(ids.b, 'progress', { occurredAt: '2025-04-01T10:00:00Z', kind: 'progress', quantity: 8 });
    await record(ids.b, 'progress', { occurredAt: '2025-04-25T10:00:00Z', kind: 'progress', quantity: 12 });
    await record(ids.c, 'progress', { occurredAt: '2025-04-02T10:00:00Z', kind: 'disputed' });
    await record(ids.c, 'progress', { occurredAt: '2025-04-04T10:00:00Z', kind: 'dispute_resolved' });
    await record(ids.d, 'progress', { occurredAt: '2025-05-10T10:00:00Z', kind: 'breached' });
    await record(ids.d, 'progress', { occurredAt: '2025-05-20T10:00:00Z', kind: 'reopened' });
    const score = (id: string, value: number, effectiveAt: string) =>
      record(id, 'scores', { score: value, justification: `Scored ${value}`, effectiveAt });
    await score(ids.a, 3, '2025-03-23T00:00:00Z');
    await score(ids.b, 1, '2025-04-02T00:00:00Z');
    await score(ids.b, 3, '2025-04-26T00:00:00Z');
    await score(ids.c, 0, '2025-04-06T00:00:00Z');
    await score(ids.d, 2, '2025-05-21T00:00:00Z');
  });

  it('computes each status from what had happened by the date asked', async () => {
    // Before anything happened: C waits for A, nothing else has started.
    const start = await status('2025-03-21T00:00:00Z');
    expect(statuses(start)).toEqual(['not_started', 'not_started', 'not_started', 'not_started']);
    expect(lineOf(start, ids.c)).toMatchObject({ deadlineAt: null, waitingFor: 'commitment' });
    expect(start.totals.percent).toBe(0);
    // A completed on 22 March; C's clock runs from then: 14 days later at the same wall time
    // (09:00 CET on the 22nd → 09:00 CEST on 5 April = 07:00 UTC).
    const afterA = await status('2025-03-24T00:00:00Z');
    expect(statuses(afterA)).toEqual(['completed', 'not_started', 'not_started', 'not_started']);
    expect(lineOf(afterA, ids.a)).toMatchObject({ completedAt: '2025-03-22T08:00:00.000Z', score: 3 });
    expect(lineOf(afterA, ids.c)).toMatchObject({ deadlineAt: '2025-04-05T07:00:00.000Z', waitingFor: null });
    // B partly delivered (8 of 20), C disputed.
    const early = await status('2025-04-03T00:00:00Z');
    expect(statuses(early)).toEqual(['completed', 'in_progress', 'disputed', 'not_started']);
    expect(lineOf(early, ids.b)).toMatchObject({ quantityDone: 8, score: 1 });
    // The dispute over C resolved, its deadline not yet passed: in progress.
    expect(statuses(await status('2025-04-05T00:00:00Z'))).toEqual([
      'completed',
      'in_progress',
      'in_progress',
      'not_started',
    ]);
    // Both deadlines passed with B short of its target.
    const late = await status('2025-04-20T00:00:00Z');
    expect(statuses(late)).toEqual(['completed', 'overdue', 'overdue', 'not_started']);
    expect(late.overdue).toEqual([ids.c, ids.b]);
    // B reaches 20 after its deadline: completed late.
    const completedLate = await status('2025-04-26T12:00:00Z');
    expect(lineOf(completedLate, ids.b)).toMatchObject({
      status: 'completed_late',
      quantityDone: 20,
      completedAt: '2025-04-25T10:00:00.000Z',
      score: 3,
    });
    // D breached, then reopened.
    expect(lineOf(await status('2025-05-11T00:00:00Z'), ids.d).status).toBe('breached');
    expect(lineOf(await status('2025-05-21T12:00:00Z'), ids.d)).toMatchObject({
      status: 'in_progress',
      score: 2,
    });
    expect(statuses(await status('2025-06-15'))).toEqual([
      'completed',
      'completed_late',
      'overdue',
      'overdue',
    ]);
  });

  it('aggregates implementation by area, tag, party and phase, checked by hand', async () => {
    const [p1, p2, p3] = text.points;
    const detainees = text.points.find((p) => p.tags.includes('prisoners'))!;
    // The worked example relies on the demo text: A, C and D in one area, tagged ceasefire; B elsewhere.
    expect(new Set([p1!.areaId, p2!.areaId, p3!.areaId]).size).toBe(1);
    expect(detainees.areaId).not.toBe(p1!.areaId);
    for (const p of [p1!, p2!, p3!]) expect(p.tags).toContain('ceasefire');
    expect(detainees.tags).not.toContain('ceasefire');
    const area = (p: { areaId: string | null }) => text.areas.find((a) => a.id === p.areaId)!.title;

    const s = await status('2025-06-15T00:00:00Z');
    // Scores in force: A 3, B 3, C 0, D 2 → 8 ÷ (3 × 4) = 66.67 %.
    expect(s.totals).toMatchObject({ commitments: 4, scored: 4, scoreSum: 8 });
    expect(Math.round(s.totals.percent * 100) / 100).toBe(66.67);
    expect(s.totals.counts).toMatchObject({ completed: 1, completed_late: 1, overdue: 2, not_started: 0 });
    // Phase one: A + C = 3 ÷ 6; phase two: B = 3 ÷ 3; no phase: D = 2 ÷ 3.
    expect(row(s.byPhase, phases[0]!.id)).toEqual({ commitments: 2, scoreSum: 3, percent: 50 });
    expect(row(s.byPhase, phases[1]!.id)).toEqual({ commitments: 1, scoreSum: 3, percent: 100 });
    expect(row(s.byPhase, '')).toEqual({ commitments: 1, scoreSum: 2, percent: 66.67 });
    expect(s.byPhase.map((r) => r.label)).toEqual(['Phase one', 'Phase two', 'No phase']);
    // Veloria owes A and B: 6 ÷ 6; Karst owes all four: 8 ÷ 12.
    expect(row(s.byParty, party('VEL'))).toEqual({ commitments: 2, scoreSum: 6, percent: 100 });
    expect(row(s.byParty, party('KRF'))).toEqual({ commitments: 4, scoreSum: 8, percent: 66.67 });
    expect(s.byParty.map((r) => r.key).sort()).toEqual([party('VEL'), party('KRF')].sort());
    // A, C, D in the first area: 5 ÷ 9; B in its own: 3 ÷ 3.
    expect(row(s.byArea, area(p1!))).toEqual({ commitments: 3, scoreSum: 5, percent: 55.56 });
    expect(row(s.byArea, area(detainees))).toEqual({ commitments: 1, scoreSum: 3, percent: 100 });
    expect(row(s.byTag, 'ceasefire')).toEqual({ commitments: 3, scoreSum: 5, percent: 55.56 });
    expect(row(s.byTag, 'prisoners')).toEqual({ commitments: 1, scoreSum: 3, percent: 100 });
    // Earlier, only A's 3 and B's 1 were in force: 4 ÷ 12.
    const early = await status('2025-04-03T00:00:00Z');
    expect(Math.round(early.totals.percent * 100) / 100).toBe(33.33);
    expect(early.totals.scored).toBe(2);
  });

  it('charts implementation weekly from entry into force, in the agreement’s calendar', async () => {
    const s = await status('2025-06-15T00:00:00Z');
    const at = s.overTime.map((p) => p.at);
    expect(at[0]).toBe('2025-03-20T11:00:00.000Z');
    expect(at[1]).toBe('2025-03-27T11:00:00.000Z');
    // Noon in Zurich stays noon across the clock change: 10:00 UTC from April.
    expect(at[2]).toBe('2025-04-03T10:00:00.000Z');
    expect(at.at(-1)).toBe('2025-06-15T00:00:00.000Z');
    expect(s.overTime[0]!.percent).toBe(0);
    // On 3 April (noon): A 3 and B 1 in force → 4 ÷ 12.
    expect(Math.round(s.overTime[2]!.percent * 100) / 100).toBe(33.33);
    expect(s.overTime.at(-1)!.percent).toBe(s.totals.percent);
  });

  it('lists what falls due soon, soonest first, within the window asked for', async () => {
    // C is due at 07:00 UTC on 5 April, B on 19 April.
    const soon = await status('2025-04-04T12:00:00Z', '&dueWithinHours=48');
    expect(soon).toMatchObject({ dueSoon: [ids.c], dueSoonWindowHours: 48, overdue: [] });
    expect((await status('2025-04-04T12:00:00Z', '&dueWithinHours=400')).dueSoon).toEqual([ids.c, ids.b]);
    // The default window is 72 hours.
    expect((await status('2025-04-04T12:00:00Z')).dueSoonWindowHours).toBe(72);
  });

  it('reads the same for every party holding the version; bad questions name their field', async () => {
    const asOf = '2025-05-01T00:00:00Z';
    expect(await status(asOf, '', karst)).toEqual(await status(asOf));
    const bad = await mediator.get(statusUrl('asOf=last%20week'));
    expectProblem(bad, 400, 'validation.failed');
    expect(problemFields(bad)).toEqual(['query.asOf']);
    expect(problemFields(await mediator.get(statusUrl('dueWithinHours=0')))).toEqual([
      'query.dueWithinHours',
    ]);
    expect(problemFields(await mediator.get(statusUrl('dueWithinHours=soon')))).toEqual([
      'query.dueWithinHours',
    ]);
    expect(problemFields(await mediator.get(statusUrl('when=now')))).toEqual(['query.when']);
  });

  it('loads 1,000 commitments and 100,000 progress entries in a fixed number of queries', async () => {
    const db = ctx().database.db;
    const [, , three] = await demoVersions(mediator, ctx().demo.planId);
    const big = await adoptThroughApi(mediator, ctx().demo.processId, {
      versionId: three!.id,
      entryIntoForce: { local: '2025-01-01T00:00', zone: 'UTC' },
    });
    const userId = (
      await db.selectFrom('users').select('id').where('email', '=', MONITOR).executeTakeFirstOrThrow()
    ).id;
    const now = new Date().toISOString();
    const commitments = Array.from({ length: 1000 }, (_, i) => ({
      id: `cmt_big_${dialect}_${i}`,
      process_id: ctx().demo.processId,
      agreement_id: big.id,
      point_id: null,
      sub_item: null,
      position: i + 1,
      title: `Commitment ${i + 1}`,
      description: '',
      phase_id: null,
      deadline_kind: 'after_entry_into_force',
      deadline_local: null,
      deadline_zone: null,
      deadline_at: null,
      offset_amount: 30 + (i % 60),
      offset_unit: 'days',
      anchor_commitment_id: null,
      target_quantity: 100,
      target_unit: 'units',
      verification_method: '',
      created_by: userId,
      created_at: now,
      updated_at: now,
      revision: 1,
    }));
    for (let i = 0; i < commitments.length; i += 200)
      await db
        .insertInto('commitments')
        .values(commitments.slice(i, i + 200))
        .execute();
    // 100 entries of one unit each per commitment, one a day from 1 January.
    const day = Date.parse('2025-01-01T12:00:00Z');
    for (let c = 0; c < 1000; c += 5) {
      const rows = [];
      for (let k = c; k < c + 5; k++)
        for (let e = 0; e < 100; e++)
          rows.push({
            id: newId('cpg'),
            commitment_id: `cmt_big_${dialect}_${k}`,
            occurred_at: new Date(day + e * 86_400_000).toISOString(),
            kind: 'progress',
            quantity: 1,
            note: '',
            event_report_id: null,
            recorded_by: userId,
            recorded_at: now,
          });
      await db.insertInto('commitment_progress').values(rows).execute();
    }
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const started = performance.now();
    const snapshot = await loadMonitoringSnapshot(db.withPlugin(counting), big.id, '2025-03-01T00:00:00Z');
    const elapsed = performance.now() - started;
    expect(queries).toBeLessThanOrEqual(10);
    expect(snapshot.commitments).toHaveLength(1000);
    // By 1 March (59 entries, 59 units each), those due within 59 days of 1 January are overdue.
    expect(snapshot.commitments[0]).toMatchObject({ quantityDone: 59, status: 'overdue' });
    expect(snapshot.totals.counts.overdue + snapshot.totals.counts.in_progress).toBe(1000);
    // Generous: the budget (200 ms) is for the benchmark machine; this guards against a rescan per commitment.
    expect(elapsed).toBeLessThan(5000);
  }, 120_000);
});

import { expect, it } from 'vitest';
import { COMMITMENT_STATUSES } from '../../src/domain/monitoring/monitoring-model.ts';
import { loadMonitoringSnapshot } from '../../src/services/monitoring/status/load-monitoring-snapshot.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { useTestApp } from '../support/test-app.ts';

describeEachDatabase('the demo truce: an adopted agreement with mixed outcomes', (dialect) => {
  const ctx = useTestApp(dialect);

  const truce = async () => {
    const row = await ctx()
      .database.db.selectFrom('agreements')
      .selectAll()
      .where('process_id', '=', ctx().demo.processId)
      .executeTakeFirstOrThrow();
    return row;
  };

  it('shows every status a monitor meets, as of now', async () => {
    const agreement = await truce();
    const snapshot = await loadMonitoringSnapshot(ctx().database.db, agreement.id, new Date().toISOString(), {
      dueWithinHours: 8 * 24,
    });
    const byTitle = new Map(snapshot.commitments.map((c) => [c.title, c]));
    const status = (title: string) => byTitle.get(title)?.status;
    expect(status('Release the 1,968 detainees of Annex B')).toBe('completed');
    expect(status('Release all 20 living hostages')).toBe('completed_late');
    expect(status('Return the remains of all 28 deceased hostages')).toBe('overdue');
    expect(status('Exchange all prisoners of war')).toBe('disputed');
    expect(status('Withdraw heavy weapons 30 km from the line')).toBe('breached');
    expect(status('Let 4,000 aid trucks through the Vesk crossing')).toBe('in_progress');
    expect(status('Hand over minefield maps of the buffer zone')).toBe('not_started');
    const seen = new Set(snapshot.commitments.map((c) => c.status));
    // Every status but one can be seen in the demo on any day it is loaded.
    expect(COMMITMENT_STATUSES.filter((s) => !seen.has(s))).toHaveLength(0);
    expect(byTitle.get('Release all 20 living hostages')?.quantityDone).toBe(20);
    expect(snapshot.overdue).toEqual([byTitle.get('Return the remains of all 28 deceased hostages')?.id]);
    expect(snapshot.dueSoon).toContain(byTitle.get('Hand over minefield maps of the buffer zone')?.id);
    expect(snapshot.totals.percent).toBeGreaterThan(40);
    expect(snapshot.totals.percent).toBeLessThan(90);
  });

  it('tells a different story as of the third day after entry into force', async () => {
    const agreement = await truce();
    const third = new Date(Date.parse(agreement.entry_into_force_at ?? '') + 2.5 * 86_400_000).toISOString();
    const snapshot = await loadMonitoringSnapshot(ctx().database.db, agreement.id, third);
    const hostages = snapshot.commitments.find((c) => c.title === 'Release all 20 living hostages');
    expect(hostages).toMatchObject({ status: 'in_progress', quantityDone: 17 });
    const minefields = snapshot.commitments.find((c) => c.title.startsWith('Hand over minefield'));
    expect(minefields?.status).toBe('not_started');
  });

  it('holds a few hundred event reports and the zones of Annex A, their areas computed', async () => {
    const db = ctx().database.db;
    const agreement = await truce();
    const events = await db
      .selectFrom('event_reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('process_id', '=', ctx().demo.processId)
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBeGreaterThan(200);
    const zones = await db.selectFrom('zones').selectAll().where('agreement_id', '=', agreement.id).execute();
    expect(zones.map((z) => z.kind).sort()).toEqual(['area_to_vacate', 'buffer_zone', 'line_of_contact']);
    const buffer = zones.find((z) => z.kind === 'buffer_zone');
    // About 72 km of line, 10 km wide.
    expect(buffer?.area_km2).toBeGreaterThan(500);
    expect(buffer?.area_km2).toBeLessThan(1000);
    expect(zones.find((z) => z.kind === 'line_of_contact')?.length_km).toBeGreaterThan(60);
  });
});

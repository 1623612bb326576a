import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { COMMITMENT_STATUSES } from '../../domain/monitoring/monitoring-model.ts';
import { AggregateBars } from './aggregate-bars.tsx';
import type { CommitmentStatus, MonitoringSnapshot } from './monitoring-types.ts';
import { QuantityBar } from './quantity-bar.tsx';
import { TrendChart } from './trend-chart.tsx';

const counts = (c: Partial<Record<CommitmentStatus, number>>) =>
  Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, c[s] ?? 0])) as Record<CommitmentStatus, number>;

const row = (key: string, percent: number, c: Partial<Record<CommitmentStatus, number>>) => {
  const n = Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
  return {
    key,
    label: key,
    commitments: n,
    scored: n,
    scoreSum: (percent / 100) * 3 * n,
    percent,
    counts: counts(c),
  };
};

describe('monitoring charts', () => {
  it('draws the trend as a line and stacked status bands, with the numbers as a table', () => {
    const trend: MonitoringSnapshot['overTime'] = [
      { at: '2027-03-01T11:00:00.000Z', percent: 0, counts: counts({ not_started: 3 }) },
      { at: '2027-03-08T11:00:00.000Z', percent: 33.3, counts: counts({ in_progress: 2, overdue: 1 }) },
      { at: '2027-03-15T11:00:00.000Z', percent: 66.7, counts: counts({ completed: 2, breached: 1 }) },
    ];
    const html = renderToStaticMarkup(<TrendChart trend={trend} />);
    expect(html).toContain('class="trend-line"');
    expect(html).toContain('band band-breached');
    expect(html).toContain('band band-completed');
    // Statuses that never occur draw no band.
    expect(html).not.toContain('band band-disputed"');
    expect(html).toContain('role="slider"');
    expect(html).toContain('67%');
    expect(html).toContain('Show the numbers as a table');
  });

  it('says when there is no series yet', () => {
    expect(renderToStaticMarkup(<TrendChart trend={[]} />)).toContain('entry into force');
  });

  it('writes each group’s percentage and its trouble beside its bar', () => {
    const html = renderToStaticMarkup(
      <AggregateBars
        rows={[row('Ceasefire', 50, { in_progress: 1, overdue: 1 }), row('Prisoners', 0, { breached: 2 })]}
        empty="none"
      />,
    );
    expect(html).toContain('50%');
    expect(html).toContain('1 overdue');
    expect(html).toContain('2 breached');
    expect(html).toContain('aria-label="Ceasefire: 50% implemented across 2 commitments');
    expect(renderToStaticMarkup(<AggregateBars rows={[]} empty="Nothing to group." />)).toContain(
      'Nothing to group.',
    );
  });

  it('shows progress on a target in words and caps the bar at full', () => {
    const html = renderToStaticMarkup(
      <QuantityBar done={24} target={20} unit="living hostages" label="Release" />,
    );
    expect(html).toContain('24 of 20 living hostages');
    expect(html).toContain('more than the target');
    expect(html).toContain('width:100%');
    expect(html).toContain('aria-valuenow="20"');
  });
});

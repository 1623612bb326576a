import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregateRow, CommitmentLine } from '../../../domain/monitoring/monitoring-snapshot.ts';
import { sceneToPng } from './chart-png.ts';
import type { ChartScene, Shape } from './chart-scene.ts';
import { sceneToSvg } from './chart-svg.ts';
import { groupChart, quantityChart, trendChart } from './report-charts.ts';

const counts = {
  not_started: 0,
  in_progress: 0,
  completed: 0,
  completed_late: 0,
  overdue: 0,
  breached: 0,
  disputed: 0,
};
const row = (key: string, percent: number, label = key): AggregateRow => ({
  key,
  label,
  commitments: 2,
  scored: 1,
  scoreSum: 3,
  percent,
  counts,
});
const of = <K extends Shape['kind']>(scene: ChartScene, kind: K) =>
  scene.shapes.filter((s): s is Extract<Shape, { kind: K }> => s.kind === kind);

/** Every point of every shape lies in the scene's box. */
function expectInside(scene: ChartScene) {
  const inside = (x: number, y: number) => x >= 0 && x <= scene.width && y >= 0 && y <= scene.height;
  for (const s of scene.shapes) {
    if (s.kind === 'rect')
      expect(inside(s.x, s.y) && inside(s.x + s.width, s.y + s.height), JSON.stringify(s)).toBe(true);
    if (s.kind === 'line') expect(inside(s.x1, s.y1) && inside(s.x2, s.y2)).toBe(true);
    if (s.kind === 'polyline') for (const [x, y] of s.points) expect(inside(x, y)).toBe(true);
    if (s.kind === 'text' || s.kind === 'circle')
      expect(Number.isFinite(s.kind === 'text' ? s.x : s.cx)).toBe(true);
  }
}

describe('report charts', () => {
  it('draws implementation over time inside its box, higher for a higher percentage', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 60 }),
        (percents) => {
          const start = Date.parse('2027-03-01T11:00:00Z');
          const points = percents.map((percent, i) => ({
            at: new Date(start + i * 7 * 86_400_000).toISOString(),
            percent,
            counts,
          }));
          const scene = trendChart(points);
          expectInside(scene);
          const [line] = of(scene, 'polyline');
          expect(line!.points).toHaveLength(percents.length);
          for (let i = 1; i < percents.length; i++) {
            // SVG y grows downwards: more implemented is higher up.
            const dy = line!.points[i]![1] - line!.points[i - 1]![1];
            if (percents[i]! > percents[i - 1]!) expect(dy).toBeLessThanOrEqual(0);
            expect(line!.points[i]![0]).toBeGreaterThan(line!.points[i - 1]![0]);
          }
        },
      ),
    );
    const single = trendChart([{ at: '2027-03-01T11:00:00.000Z', percent: 40, counts }]);
    expect(of(single, 'polyline')).toHaveLength(0);
    expect(of(single, 'circle')).toHaveLength(1);
    expect(of(single, 'text').map((t) => t.text)).toContain('40 %');
  });

  it('draws bars in proportion to implementation, in the party colour, with shortened labels', () => {
    const scene = groupChart(
      [row('a', 25, 'A very long name of an area that goes on and on'), row('b', 100), row('c', 0)],
      new Map([['b', '#b91c1c']]),
    );
    expectInside(scene);
    const bars = of(scene, 'rect').filter((r) => r.fill !== '#e8ebf0');
    const full = bars[1]!.width;
    expect(bars[0]!.width).toBeCloseTo(full / 4, 5);
    expect(bars[2]!.width).toBe(0);
    expect(bars[1]!.fill).toBe('#b91c1c');
    const labels = of(scene, 'text').map((t) => t.text);
    expect(labels).toContain('A very long name of an area t…');
    expect(labels).toContain('25 %');
  });

  it('fills a quantity bar up to its target, never past it', () => {
    const line = (done: number, target: number | null) =>
      ({
        number: '#1',
        title: 'Release detainees',
        quantityDone: done,
        targetQuantity: target,
        targetUnit: 'detainees',
      }) as CommitmentLine & {
        number: string;
      };
    const scene = quantityChart([line(2000, 1968), line(984, 1968), line(5, null)]);
    expectInside(scene);
    const [track, over, , half] = of(scene, 'rect');
    expect(over!.width).toBe(track!.width);
    expect(half!.width).toBeCloseTo(track!.width / 2, 5);
    expect(of(scene, 'text').map((t) => t.text)).toContain('2,000 / 1,968 detainees');
  });

  it('writes valid SVG with its text escaped, and rasterises it', () => {
    const scene = groupChart([row('x', 50, 'Arms & <ammunition>')]);
    const svg = sceneToSvg(scene);
    expect(svg).toContain('Arms &amp; &lt;ammunition&gt; (2)');
    expect(svg).not.toContain('<ammunition>');
    const png = sceneToPng(scene, 320);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The PNG's width, from its IHDR chunk.
    expect(png.readUInt32BE(16)).toBe(320);
  });
});

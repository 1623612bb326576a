import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { changesOf } from './analysis-apply.tsx';
import { conceptsOf } from './analysis-format.ts';
import { PackageExplanation } from './analysis-ledger.tsx';
import { PackageTable } from './analysis-package-table.tsx';
import { FrontierParallel } from './analysis-parallel.tsx';
import { FrontierScatter } from './analysis-scatter.tsx';
import type { AnalysisPoint, AnalysisRun, RunPackage } from './api-types.ts';

const VEL = { id: 'vel', name: 'Veloria', code: 'VEL', colour: '#1f77b4', shared: true };
const KRF = { id: 'krf', name: 'Karst Federation', code: 'KRF', colour: '#d62728', shared: true };
const BCC = { id: 'bcc', name: 'Border Commission', code: 'BCC', colour: '#2ca02c', shared: false };

const pkg = (w: string, dam: string, u: Record<string, number | null>): RunPackage => ({
  choice: { withdrawal: w, dam },
  utility: u,
});

function runOf(parties: (typeof VEL)[]): AnalysisRun {
  const sealed = (u: Record<string, number>) =>
    Object.fromEntries(parties.map((p) => [p.id, p.shared ? (u[p.id] ?? 0) : null]));
  const frontier = [
    pkg('w5', 'vel', sealed({ vel: 80, krf: 40, bcc: 50 })),
    pkg('w10', 'krf', sealed({ vel: 62, krf: 61, bcc: 55 })),
    pkg('w20', 'krf', sealed({ vel: 35, krf: 85, bcc: 60 })),
  ];
  const solution = (p: RunPackage) => ({ ...p, properties: ['pareto-efficient'], exact: true, bound: null });
  const middle = frontier[1] as RunPackage;
  return {
    exact: true,
    missing: [],
    parties,
    points: [
      {
        pointId: 'withdrawal',
        number: '3',
        good: false,
        options: [
          { id: 'w5', label: '5 km' },
          { id: 'w10', label: '10 km' },
          { id: 'w20', label: '20 km' },
        ],
      },
      { pointId: 'dam', number: '9', good: true, options: [] },
    ],
    frontier,
    frontierSize: 3,
    frontierTruncated: false,
    solutions: {
      nash: solution(middle),
      kalaiSmorodinsky: solution(middle),
      leximin: solution(middle),
      utilitarian: solution(frontier[0] as RunPackage),
    },
    adjustedWinner: null,
    explanations: {
      nash: {
        ledger: [
          {
            pointId: 'withdrawal',
            optionId: 'w10',
            entries: [
              { partyId: 'vel', idealOptionId: 'w5', concession: 6.5, value: 20 },
              { partyId: 'krf', idealOptionId: 'w20', concession: 9, value: 21 },
            ],
          },
        ],
        trades: ['VEL concedes on 3, KRF concedes on 9'],
        stability: { share: 0.87, samples: 200 },
      },
    },
  };
}

const noop = () => {};

describe('frontier charts', () => {
  it('plots two parties with labelled axes, reservation lines and focusable marks', () => {
    const run = runOf([VEL, KRF]);
    const html = renderToStaticMarkup(
      <FrontierScatter
        run={run}
        xParty={VEL}
        yParty={KRF}
        reservations={{ vel: 30, krf: 25 }}
        selected="nash"
        onSelect={noop}
        sealedParties={[]}
      />,
    );
    expect(html).toContain('Veloria (VEL) — utility →');
    expect(html).toContain('Karst Federation (KRF) — utility →');
    expect(html).toContain('VEL reservation 30');
    // Nash, K–S and leximin coincide: one mark names all three; utilitarian has its own.
    expect(html).toContain('Nash · K–S · Leximin');
    expect(html).toContain('>Utilitarian<');
    expect(html.match(/tabindex="0"/g)?.length).toBe(3);
    expect(html).toContain('aria-pressed="true"');
  });

  it('draws a sealed party as a greyed axis without numbers', () => {
    const run = runOf([VEL, KRF, BCC]);
    const html = renderToStaticMarkup(
      <FrontierParallel run={run} reservations={{}} selected={null} onSelect={noop} />,
    );
    expect(html).toContain('parallel-axis sealed');
    expect(html).toContain('>sealed<');
    expect(html).toContain('BCC sealed');
    expect(html).not.toMatch(/BCC (50|55|60)/);
  });
});

describe('package table and ledger', () => {
  it('shows options by label, goods by receiving party, and "sealed" for a sealed utility', () => {
    const html = renderToStaticMarkup(
      <PackageTable run={runOf([VEL, KRF, BCC])} selected="nash" onSelect={noop} />,
    );
    expect(html).toContain('<td>10 km</td>');
    expect(html).toContain('<td>to KRF</td>');
    expect(html).toContain('sealed-cell">sealed</td>');
    expect(html).toContain('62.0');
  });

  it('names who gives and the stability share', () => {
    const html = renderToStaticMarkup(<PackageExplanation run={runOf([VEL, KRF, BCC])} concept="nash" />);
    expect(html).toContain('<strong>87%</strong>');
    expect(html).toContain('gives 6.5 ');
    expect(html).toContain('VEL concedes on 3, KRF concedes on 9');
    expect(html).toContain('Not shown: Border Commission');
  });

  it('matches solutions to frontier packages whatever the key order', () => {
    const run = runOf([VEL, KRF]);
    const reordered = { choice: { dam: 'krf', withdrawal: 'w10' }, utility: {} };
    expect(conceptsOf(run, reordered)).toEqual(['nash', 'kalaiSmorodinsky', 'leximin']);
  });
});

describe('applying a package', () => {
  const points: AnalysisPoint[] = [
    {
      pointId: 'withdrawal',
      number: '3',
      area: null,
      excerpt: '',
      good: false,
      options: [
        { id: 'w5', label: '5 km', text: 'Forces withdraw 5 km.' },
        { id: 'w10', label: '10 km', text: 'Forces withdraw 10 km.' },
      ],
    },
    { pointId: 'dam', number: '9', area: null, excerpt: '', good: true, options: [] },
  ];
  const draft = (text: string): PlanContent => ({
    title: 'Plan',
    preamble: '',
    areas: [],
    notes: [],
    points: [
      {
        id: 'withdrawal',
        number: '3',
        areaId: null,
        text,
        items: [],
        tags: [],
        status: 'contested',
        derivedFrom: [],
        changedAt: 0,
      },
      {
        id: 'dam',
        number: '9',
        areaId: null,
        text: 'The dam.',
        items: [],
        tags: [],
        status: 'open',
        derivedFrom: [],
        changedAt: 0,
      },
    ],
  });
  const solution = {
    choice: { withdrawal: 'w10', dam: 'krf' },
    utility: {},
    properties: [],
    exact: true,
    bound: null,
  };

  it('lists the contested points whose text changes, never a good', () => {
    expect(changesOf(solution, points, draft('Forces withdraw 5 km.'))).toEqual([
      { pointId: 'withdrawal', number: '3', label: '10 km' },
    ]);
    expect(changesOf(solution, points, draft('Forces withdraw 10 km.'))).toEqual([]);
  });
});

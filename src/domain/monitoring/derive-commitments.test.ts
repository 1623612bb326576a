import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanContent, Point } from '../plans/plan.ts';
import { guessDeadline, numberValue } from './deadline-wording.ts';
import { deriveCommitments } from './derive-commitments.ts';
import { nameForms, partiesMentioned } from './party-mentions.ts';
import { guessQuantities } from './quantity-wording.ts';

const parties = [
  { id: 'vel', name: 'Republic of Veloria', code: 'VEL' },
  { id: 'krf', name: 'Karst Federation', code: 'KRF' },
  { id: 'isr', name: 'Israel', code: 'IL' },
  { id: 'ham', name: 'Hamas', code: 'HMS' },
];
const zone = 'Europe/Kyiv';
let counter = 0;
const point = (text: string, items: string[] = []): Point => ({
  id: `pt-${++counter}`,
  number: String(counter),
  areaId: null,
  text,
  items: items.map((t, i) => ({ label: String.fromCharCode(97 + i), text: t })),
  tags: [],
  status: 'agreed',
  derivedFrom: [],
  changedAt: 0,
});
const plan = (...points: Point[]): PlanContent => ({
  title: 'Plan',
  preamble: '',
  areas: [],
  points,
  notes: [],
});
const derive = (p: Point, granularity: 'points' | 'sub_items' = 'points') =>
  deriveCommitments(plan(p), { granularity, parties, zone });

describe('deadlines in treaty wording', () => {
  it.each([
    ['within 72 hours', { kind: 'after_entry_into_force', amount: 72, unit: 'hours' }],
    ['within 30 days of entry into force', { kind: 'after_entry_into_force', amount: 30, unit: 'days' }],
    [
      'within thirty (30) days after this Agreement enters into force',
      { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
    ],
    ['within two weeks', { kind: 'after_entry_into_force', amount: 2, unit: 'weeks' }],
    ['within one year of entry into force', { kind: 'after_entry_into_force', amount: 12, unit: 'months' }],
    ['no later than 15 March 2027', { kind: 'absolute', local: '2027-03-15T23:59', zone }],
    ['by 1st of April, 2027', { kind: 'absolute', local: '2027-04-01T23:59', zone }],
    ['on or before March 31, 2027', { kind: 'absolute', local: '2027-03-31T23:59', zone }],
    ['before 2027-06-01', { kind: 'absolute', local: '2027-06-01T00:00', zone }],
  ])('reads "%s"', (text, deadline) => {
    expect(guessDeadline(`Forces shall withdraw ${text}.`, zone)?.deadline).toEqual(deadline);
  });

  it('leaves durations, impossible dates and clocks started by other commitments unset', () => {
    expect(guessDeadline('The ceasefire holds for 60 days.', zone)).toBeNull();
    expect(guessDeadline('no later than 31 April 2027', zone)).toBeNull();
    expect(guessDeadline('Forces withdraw 30 days after phase one is verified.', zone)).toMatchObject({
      deadline: { kind: 'none' },
      sequencing: '30 days after phase one is verified',
    });
  });

  it('reads number words one to ninety-nine', () => {
    const units = 'one two three four five six seven eight nine'.split(' ');
    const teens = 'ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
      ' ',
    );
    const tens = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
    const words = (n: number): string =>
      n < 10
        ? units[n - 1]!
        : n < 20
          ? teens[n - 10]!
          : tens[Math.floor(n / 10) - 2]! + (n % 10 ? `-${units[(n % 10) - 1]}` : '');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        expect(numberValue(words(n))).toBe(n);
        expect(guessDeadline(`within ${words(n)} days`, zone)?.deadline).toEqual({
          kind: 'after_entry_into_force',
          amount: n,
          unit: 'days',
        });
      }),
    );
    expect(numberValue('1,968')).toBe(1968);
    expect(numberValue('dozens')).toBeNull();
  });
});

describe('quantity targets and parties in treaty wording', () => {
  it.each([
    ['All 20 living hostages will be released.', 20, 'living hostages'],
    ['Hamas will return all 28 remains of deceased hostages.', 28, 'remains'],
    ['Israel will release 1,968 detainees within 72 hours.', 1968, 'detainees'],
    ['Israel will release 250 life-sentence prisoners plus 1,700 Gazans.', 250, 'life-sentence prisoners'],
  ])('reads the target of "%s"', (text, quantity, unit) => {
    expect(guessQuantities(text)[0]).toMatchObject({ quantity, unit });
  });

  it('does not take distances, years, references or deadlines for targets', () => {
    const text =
      'Under point 7 and Resolution 2334, heavy weapons above 100 mm withdraw 15 kilometres within 14 days, as agreed in 2024, by 50 % of units.';
    expect(guessQuantities(text, [[text.indexOf('within'), text.indexOf(', as')]])).toEqual([]);
  });

  it('finds parties by name, short name, demonym or code, and all of them for "the parties"', () => {
    expect(nameForms(parties[0]!)).toContain('Velorian');
    expect(partiesMentioned('Velorian forces and the KRF shall withdraw.', parties)).toEqual(['vel', 'krf']);
    expect(partiesMentioned('Israeli forces will withdraw to the agreed line.', parties)).toEqual(['isr']);
    expect(partiesMentioned('Both parties shall refrain from attacks.', parties)).toEqual([
      'vel',
      'krf',
      'isr',
      'ham',
    ]);
    expect(partiesMentioned('Humanitarian aid will enter the Strip.', parties)).toEqual([]);
    expect(partiesMentioned('il faut', parties)).toEqual([]);
  });
});

describe('deriving commitments from an adopted text', () => {
  it('drafts one commitment per point with deadline, target and parties guessed', () => {
    const [draft] = derive(
      point(
        'Within 72 hours of Israel publicly accepting this agreement, Hamas will return all 20 living hostages. The release will be verified by the International Committee of the Red Cross.',
      ),
    );
    expect(draft).toMatchObject({
      subItem: null,
      title: 'Within 72 hours of Israel publicly accepting this agreement, Hamas will return…',
      deadline: { kind: 'after_entry_into_force', amount: 72, unit: 'hours' },
      targetQuantity: 20,
      targetUnit: 'living hostages',
      partyIds: ['isr', 'ham'],
      verificationMethod: 'The release will be verified by the International Committee of the Red Cross.',
      sequencing: null,
    });
    expect(draft!.description).toContain(
      'Counted from entry into force; the text says "of Israel publicly accepting this agreement".',
    );
  });

  it('notes sequencing it cannot link, and further figures', () => {
    const [draft] = derive(
      point(
        'Once all hostages are released, Israel will release 250 life-sentence prisoners plus 1,700 Gazans who were detained after October 7th 2023.',
      ),
    );
    expect(draft).toMatchObject({
      deadline: { kind: 'none' },
      targetQuantity: 250,
      sequencing: 'Once all hostages are released',
    });
    expect(draft!.description).toContain('Sequencing in the text: "Once all hostages are released".');
    expect(draft!.description).toContain('Other figures in the text: 1,700 Gazans.');
    const [later] = derive(
      point('Israeli forces withdraw from the city 30 days after phase one is verified.'),
    );
    expect(later).toMatchObject({
      deadline: { kind: 'none' },
      sequencing: '30 days after phase one is verified',
    });
  });

  it('drafts one commitment per sub-item, inheriting the deadline and parties of the lead', () => {
    const p = point('Within 30 days of entry into force, the Karst Federation shall:', [
      'release 1,968 detainees;',
      'return the remains of all 28 deceased soldiers no later than 15 March 2027;',
    ]);
    const drafts = derive(p, 'sub_items');
    expect(
      drafts.map((d) => [d.subItem, d.title, d.deadline, d.targetQuantity, d.targetUnit, d.partyIds]),
    ).toEqual([
      [
        0,
        'release 1,968 detainees',
        { kind: 'after_entry_into_force', amount: 30, unit: 'days' },
        1968,
        'detainees',
        ['krf'],
      ],
      [
        1,
        'return the remains of all 28 deceased soldiers no later than 15 March 2027',
        { kind: 'absolute', local: '2027-03-15T23:59', zone },
        28,
        'deceased soldiers',
        ['krf'],
      ],
    ]);
    expect(drafts[0]!.description).toBe(`${p.text}\n\na) release 1,968 detainees;`);
    // By points, the same point is one commitment.
    expect(derive(p, 'points')).toHaveLength(1);
  });

  it('strips Markdown emphasis from titles and keeps points without sub-items whole', () => {
    const drafts = deriveCommitments(
      plan(
        point('The parties shall **immediately** cease all hostilities.'),
        point('A monitoring mission is established.', []),
      ),
      { granularity: 'sub_items', parties, zone },
    );
    expect(drafts.map((d) => d.title)).toEqual([
      'The parties shall immediately cease all hostilities',
      'A monitoring mission is established',
    ]);
    expect(drafts[0]!.partyIds).toEqual(['vel', 'krf', 'isr', 'ham']);
    expect(drafts[1]!.verificationMethod).toBe('A monitoring mission is established.');
  });
});

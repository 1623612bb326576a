import type {
  DeadlineUnit,
  ImplementationScore,
  ProgressKind,
} from '../domain/monitoring/monitoring-model.ts';

/**
 * How the demo truce is being implemented, 38 days after it entered into force: commitments with
 * every outcome a monitor meets (on time, late, overdue, disputed, breached, under way, not begun).
 * Times are days after entry into force; every figure is invented.
 */

export const DEMO_TRUCE_TIMING = {
  signedDaysAgo: 40,
  entryIntoForceDaysAgo: 38,
  /** Local time of entry into force at the agreement's zone. */
  entryIntoForceTime: '12:00',
  zone: 'Europe/Zurich',
};

export const DEMO_PHASES = [
  { name: 'Phase one: truce and first releases', description: 'The first 30 days after entry into force.' },
  {
    name: 'Phase two: separation and access',
    description: 'Begins once the withdrawal to the buffer zone is verified.',
  },
];

export interface DemoProgress {
  day: number;
  kind: ProgressKind;
  quantity?: number;
  note: string;
  /** The demo event report (by key) the progress was verified from. */
  eventKey?: string;
}

export interface DemoScore {
  day: number;
  score: ImplementationScore;
  justification: string;
  evidence: { label: string; url?: string }[];
}

export interface DemoCommitment {
  pointKey: string;
  title: string;
  partyKeys: string[];
  deadline: { amount: number; unit: DeadlineUnit; afterKey?: string };
  target?: { quantity: number; unit: string };
  verification: string;
  phase: 0 | 1;
  progress: DemoProgress[];
  scores: DemoScore[];
}

export const DEMO_COMMITMENTS: DemoCommitment[] = [
  {
    pointKey: 'truce-effect',
    title: 'Cease offensive operations along the line of contact',
    partyKeys: ['veloria', 'karst'],
    deadline: { amount: 0, unit: 'hours' },
    verification: 'CCV patrols and the incident log of the Joint Military Commission',
    phase: 0,
    progress: [
      { day: 0, kind: 'completed', note: 'Both commands confirmed the order to cease fire at 12:00.' },
    ],
    scores: [
      {
        day: 7,
        score: 2,
        justification:
          'The truce holds along most of the line, but CCV verified 14 violations in the first week, most near Tarnow ridge.',
        evidence: [{ label: 'CCV weekly incident summary, week 1' }],
      },
    ],
  },
  {
    pointKey: 'hostages',
    title: 'Release all 20 living hostages',
    partyKeys: ['karst'],
    deadline: { amount: 72, unit: 'hours' },
    target: { quantity: 20, unit: 'living hostages' },
    verification: 'Handover to the CCV at the Vesk crossing, identity checked against the agreed list',
    phase: 0,
    progress: [
      { day: 1.1, kind: 'progress', quantity: 7, note: 'First group handed over.', eventKey: 'release-1' },
      { day: 2.2, kind: 'progress', quantity: 10, note: 'Second group handed over.', eventKey: 'release-2' },
      {
        day: 5.4,
        kind: 'progress',
        quantity: 3,
        note: 'Last three, after two days of delay.',
        eventKey: 'release-3',
      },
    ],
    scores: [
      {
        day: 6,
        score: 3,
        justification: 'All 20 released and identified; the last three came two days after the deadline.',
        evidence: [{ label: 'CCV handover protocols 1–3' }],
      },
    ],
  },
  {
    pointKey: 'remains',
    title: 'Return the remains of all 28 deceased hostages',
    partyKeys: ['karst'],
    deadline: { amount: 30, unit: 'days' },
    target: { quantity: 28, unit: 'remains' },
    verification: 'Forensic identification by the CCV with the families’ consent',
    phase: 0,
    progress: [
      {
        day: 6,
        kind: 'progress',
        quantity: 4,
        note: 'Four sets of remains returned.',
        eventKey: 'remains-1',
      },
      { day: 13, kind: 'progress', quantity: 9, note: 'Nine returned.', eventKey: 'remains-2' },
      {
        day: 24,
        kind: 'progress',
        quantity: 6,
        note: 'Six returned; Karst says the rest cannot be located.',
        eventKey: 'remains-3',
      },
    ],
    scores: [
      {
        day: 31,
        score: 2,
        justification: '19 of 28 returned by the deadline; search for the other nine has stalled.',
        evidence: [{ label: 'CCV forensic report, day 30' }],
      },
    ],
  },
  {
    pointKey: 'detainees',
    title: 'Release the 1,968 detainees of Annex B',
    partyKeys: ['veloria'],
    deadline: { amount: 21, unit: 'days' },
    target: { quantity: 1968, unit: 'detainees' },
    verification: 'Release lists checked by the CCV against Annex B',
    phase: 0,
    progress: [
      { day: 3, kind: 'progress', quantity: 420, note: 'First stage.', eventKey: 'detainees-1' },
      { day: 9, kind: 'progress', quantity: 600, note: 'Second stage.', eventKey: 'detainees-2' },
      { day: 15, kind: 'progress', quantity: 520, note: 'Third stage.', eventKey: 'detainees-3' },
      { day: 20, kind: 'progress', quantity: 428, note: 'Final stage.', eventKey: 'detainees-4' },
    ],
    scores: [
      {
        day: 21,
        score: 3,
        justification: 'All 1,968 released on time, every stage above 250.',
        evidence: [{ label: 'Annex B release lists, signed by the CCV' }],
      },
    ],
  },
  {
    pointKey: 'exchange',
    title: 'Exchange all prisoners of war',
    partyKeys: ['veloria', 'karst'],
    deadline: { amount: 14, unit: 'days', afterKey: 'hostages' },
    verification: 'Exchange at the Vesk crossing, lists reconciled by the Joint Military Commission',
    phase: 0,
    progress: [
      { day: 16, kind: 'progress', note: 'First exchange: 212 for 198.', eventKey: 'exchange-1' },
      { day: 19, kind: 'disputed', note: 'Veloria says 37 of its soldiers are still held; Karst denies it.' },
    ],
    scores: [
      {
        day: 20,
        score: 1,
        justification: 'One exchange took place; the lists are disputed and no second exchange is scheduled.',
        evidence: [{ label: 'JMC minutes, meeting 3' }],
      },
    ],
  },
  {
    pointKey: 'withdrawal',
    title: 'Withdraw 5 km from the line of contact',
    partyKeys: ['veloria', 'karst'],
    deadline: { amount: 7, unit: 'days' },
    verification: 'CCV patrols of the buffer zone and aerial imagery',
    phase: 0,
    progress: [
      { day: 3, kind: 'progress', note: 'Veloria completed its pull-back.' },
      {
        day: 6,
        kind: 'completed',
        note: 'Karst completed its pull-back; CCV verified the zone empty.',
        eventKey: 'withdrawal-verified',
      },
    ],
    scores: [
      {
        day: 7,
        score: 3,
        justification: 'Both withdrawals verified within the deadline.',
        evidence: [{ label: 'CCV patrol reports, days 3–6' }],
      },
    ],
  },
  {
    pointKey: 'truce-weapons',
    title: 'Withdraw heavy weapons 30 km from the line',
    partyKeys: ['veloria', 'karst'],
    deadline: { amount: 14, unit: 'days' },
    verification: 'Inspection of declared storage sites by the CCV',
    phase: 0,
    progress: [
      { day: 10, kind: 'progress', note: 'Both sides declared their storage sites.' },
      {
        day: 25,
        kind: 'breached',
        note: 'CCV verified 122 mm artillery fire from inside the 30 km band.',
        eventKey: 'heavy-shelling',
      },
    ],
    scores: [
      {
        day: 26,
        score: 1,
        justification:
          'Declared sites inspected, but verified artillery fire from within the band on day 25.',
        evidence: [{ label: 'CCV investigation report on the shelling near Tarnow ridge' }],
      },
    ],
  },
  {
    pointKey: 'sarn',
    title: 'Vacate the Sarn heights',
    partyKeys: ['karst'],
    deadline: { amount: 45, unit: 'days', afterKey: 'withdrawal' },
    verification: 'CCV presence on the heights after the handover',
    phase: 1,
    progress: [{ day: 30, kind: 'progress', note: 'Karst units began leaving the eastern slopes.' }],
    scores: [
      {
        day: 31,
        score: 1,
        justification: 'Movement began; the main positions are still held.',
        evidence: [],
      },
    ],
  },
  {
    pointKey: 'aid-trucks',
    title: 'Let 4,000 aid trucks through the Vesk crossing',
    partyKeys: ['veloria', 'karst'],
    deadline: { amount: 60, unit: 'days' },
    target: { quantity: 4000, unit: 'aid trucks' },
    verification: 'Crossing log kept by the CCV at Vesk',
    phase: 1,
    progress: [],
    scores: [
      { day: 14, score: 1, justification: 'Convoys started, but well below the pace needed.', evidence: [] },
      {
        day: 35,
        score: 2,
        justification: 'Pace picked up after the JMC agreed on night crossings.',
        evidence: [{ label: 'Vesk crossing log' }],
      },
    ],
  },
  {
    pointKey: 'utilities',
    title: 'Restore water and electricity to Orlen city',
    partyKeys: ['veloria'],
    deadline: { amount: 10, unit: 'days' },
    verification: 'Utility company records and CCV visits',
    phase: 0,
    progress: [
      { day: 6, kind: 'progress', note: 'Water restored to the northern districts.' },
      { day: 13, kind: 'completed', note: 'Electricity back across the city.' },
    ],
    scores: [{ day: 14, score: 3, justification: 'Both restored, three days late.', evidence: [] }],
  },
  {
    pointKey: 'monitors',
    title: 'Deploy 120 CCV monitors',
    partyKeys: ['ccv'],
    deadline: { amount: 14, unit: 'days' },
    target: { quantity: 120, unit: 'monitors' },
    verification: 'CCV deployment roster',
    phase: 0,
    progress: [
      { day: 4, kind: 'progress', quantity: 45, note: 'Advance teams.' },
      { day: 12, kind: 'progress', quantity: 75, note: 'Full deployment.' },
    ],
    scores: [
      {
        day: 12,
        score: 3,
        justification: 'All 120 deployed by day 12.',
        evidence: [{ label: 'Deployment roster' }],
      },
    ],
  },
  {
    pointKey: 'minefields',
    title: 'Hand over minefield maps of the buffer zone',
    partyKeys: ['veloria', 'karst'],
    deadline: { amount: 45, unit: 'days' },
    verification: 'Maps received and checked by the Joint Military Commission',
    phase: 1,
    progress: [],
    scores: [],
  },
];

/** Aid convoys through Vesk: (day, trucks) — the aid commitment's progress, verified from the log. */
export const DEMO_AID_CONVOYS: ReadonlyArray<readonly [number, number]> = Array.from(
  { length: 36 },
  (_, i) => {
    const day = i + 1.5;
    // Slow at first, faster once night crossings were agreed on day 20.
    const trucks = day < 20 ? 55 + ((i * 7) % 20) : 130 + ((i * 11) % 30);
    return [day, trucks] as const;
  },
);

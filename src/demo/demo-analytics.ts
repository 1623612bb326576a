/**
 * The demo's analysis (issue 5): five contested points of the Framework, each with the
 * formulations on the table, and the sealed preferences of Veloria and Karst (both shared with
 * the Special Envoy) and of the Basin Cooperation Council (kept to itself). Veloria cares most
 * about the withdrawal line, Karst about sanctions relief, the guarantors about the monitoring
 * mission: room for a trade. Points are named by their number in Draft 2, which every party holds.
 */

export interface DemoOption {
  key: string;
  label: string;
  text: string;
}

export interface DemoAnalysisPoint {
  /** The point's number in Draft 2. */
  pointNumber: string;
  /** A good is awarded whole to one party and has no options. */
  good: boolean;
  options: DemoOption[];
}

export const demoAnalysisPoints: DemoAnalysisPoint[] = [
  {
    pointNumber: '1',
    good: false,
    options: [
      {
        key: '48h',
        label: '48 hours',
        text: 'A comprehensive cessation of hostilities shall take effect along the entire line of contact 48 hours after the signature of this Framework.',
      },
      {
        key: '96h',
        label: '96 hours',
        text: 'A comprehensive cessation of hostilities shall take effect along the entire line of contact 96 hours after the signature of this Framework, to allow orders to reach every unit.',
      },
      {
        key: 'phased',
        label: 'Phased over 7 days',
        text: 'The cessation of hostilities shall take effect sector by sector, in the order set out in Annex A, and along the entire line of contact no later than seven days after the signature of this Framework.',
      },
    ],
  },
  {
    pointNumber: '3',
    good: false,
    options: [
      {
        key: '10km',
        label: '10 km',
        text: 'Each party shall withdraw heavy weapons of a calibre above 100 mm to a distance of no less than 10 kilometres from the line of contact within 21 days.',
      },
      {
        key: '20km',
        label: '20 km',
        text: 'Each party shall withdraw heavy weapons of a calibre above 100 mm to a distance of no less than 20 kilometres from the line of contact within 21 days, verified by the monitoring mission.',
      },
      {
        key: '30km',
        label: '30 km',
        text: 'Each party shall withdraw heavy weapons of a calibre above 100 mm and multiple rocket launchers to a distance of no less than 30 kilometres from the line of contact within 30 days.',
      },
    ],
  },
  {
    pointNumber: '6',
    good: false,
    options: [
      {
        key: 'dmz',
        label: 'Unarmed, zone only',
        text: 'The Consortium for Ceasefire Verification shall deploy an unarmed monitoring mission with access to the demilitarised zone, announced to the parties 24 hours in advance.',
      },
      {
        key: 'unrestricted',
        label: 'Unarmed, unrestricted',
        text: 'The Consortium for Ceasefire Verification shall deploy an unarmed monitoring mission with unrestricted and unannounced access to the demilitarised zone and to the border provinces listed in Annex B, including by air.',
      },
      {
        key: 'armed',
        label: 'Armed protection force',
        text: 'A protection force under a mandate of the Basin Cooperation Council shall accompany the monitoring mission, with the right to use force in self-defence and in defence of the mandate.',
      },
    ],
  },
  {
    pointNumber: '18',
    good: false,
    options: [
      {
        key: 'stages',
        label: 'In verified stages',
        text: 'The member states of the Basin Cooperation Council shall suspend the sanctions against the Karst Federation in three stages, each following the monitoring mission’s report that the preceding withdrawal has been completed.',
      },
      {
        key: 'half',
        label: 'Half on signature',
        text: 'The member states of the Basin Cooperation Council shall suspend half of the sanctions against the Karst Federation upon signature and the remainder once the monitoring mission verifies the withdrawal of heavy weapons.',
      },
      {
        key: 'full',
        label: 'All on entry into force',
        text: 'The member states of the Basin Cooperation Council shall lift all sanctions against the Karst Federation upon the entry into force of this Framework.',
      },
    ],
  },
  // Operation of the Vell dam and interconnector: awarded to one party (the guarantors would run it jointly).
  { pointNumber: '7', good: true, options: [] },
];

/** "Half on signature" relief only with a mission that can verify anywhere, unannounced. */
export const demoConstraint = {
  kind: 'requires' as const,
  option: { pointNumber: '18', optionKey: 'half' },
  other: { pointNumber: '6', optionKey: 'unrestricted' },
};

export interface DemoPreferences {
  partyKey: 'veloria' | 'karst' | 'bcc';
  authorEmail: string;
  daysAgo: number;
  shared: boolean;
  /** By Draft 2 point number. */
  weights: Record<string, number>;
  /** By point number, then option key. */
  scores: Record<string, Record<string, number>>;
  /** [point number, option key or, for a good, party key]. */
  redLines: [string, string][];
  reservation: number;
}

export const demoPreferences: DemoPreferences[] = [
  {
    partyKey: 'veloria',
    authorEmail: 'lead@veloria.example',
    daysAgo: 5,
    shared: true,
    weights: { '1': 15, '3': 30, '6': 20, '18': 15, '7': 20 },
    scores: {
      '1': { '48h': 100, '96h': 60, phased: 20 },
      '3': { '10km': 10, '20km': 60, '30km': 100 },
      '6': { dmz: 20, unrestricted: 80, armed: 100 },
      '18': { stages: 100, half: 50, full: 0 },
    },
    redLines: [['18', 'full']],
    reservation: 40,
  },
  {
    partyKey: 'karst',
    authorEmail: 'military@karst.example',
    daysAgo: 4,
    shared: true,
    weights: { '1': 10, '3': 25, '6': 15, '18': 35, '7': 15 },
    scores: {
      '1': { '48h': 30, '96h': 80, phased: 100 },
      '3': { '10km': 100, '20km': 60, '30km': 0 },
      '6': { dmz: 100, unrestricted: 60, armed: 0 },
      '18': { stages: 10, half: 70, full: 100 },
    },
    redLines: [
      ['3', '30km'],
      ['6', 'armed'],
    ],
    reservation: 35,
  },
  {
    partyKey: 'bcc',
    authorEmail: 'observer@bcc.example',
    daysAgo: 3,
    shared: false,
    weights: { '1': 20, '3': 15, '6': 35, '18': 20, '7': 10 },
    scores: {
      '1': { '48h': 90, '96h': 70, phased: 40 },
      '3': { '10km': 40, '20km': 100, '30km': 70 },
      '6': { dmz: 30, unrestricted: 100, armed: 50 },
      '18': { stages: 80, half: 100, full: 30 },
    },
    redLines: [],
    reservation: 30,
  },
];

import type {
  EventStatus,
  InfoCredibility,
  SourceReliability,
  TimePrecision,
} from '../domain/monitoring/monitoring-model.ts';
import { seededRandom } from '../domain/shared/seeded-random.ts';
import { DEMO_AID_CONVOYS } from './demo-monitoring.ts';

/**
 * The demo's event reports: a few hundred things that happened on the ground since the truce
 * entered into force, generated from a fixed seed so every demo database holds the same ones.
 * The invented places are set on an arbitrary, thinly inhabited stretch of the Natural Earth base
 * map so that the map has coastlines to show; they do not describe any real place.
 */

export interface DemoPlace {
  name: string;
  lat: number;
  lon: number;
}

export const DEMO_PLACES = {
  orlen: { name: 'Orlen city', lat: -49.35, lon: 70.2 },
  vesk: { name: 'Vesk crossing', lat: -49.3, lon: 69.56 },
  tarnow: { name: 'Tarnow ridge', lat: -49.46, lon: 69.44 },
  sarn: { name: 'Sarn heights', lat: -49.2, lon: 69.22 },
  dravec: { name: 'Dravec', lat: -49.56, lon: 69.74 },
  lindor: { name: 'Lindor bay', lat: -49.12, lon: 69.9 },
  kessel: { name: 'Kessel', lat: -49.62, lon: 69.3 },
  morava: { name: 'Morava pass', lat: -49.25, lon: 69.62 },
} as const satisfies Record<string, DemoPlace>;

export interface DemoEvent {
  /** Set on the reports that commitments' progress cites. */
  key?: string;
  /** Days after entry into force. */
  day: number;
  precision: TimePrecision;
  place: string;
  lat: number;
  lon: number;
  geoPrecision: 1 | 2 | 3;
  type: string;
  subType: string;
  actor1: string;
  actor2: string;
  fatalities: number | null;
  description: string;
  source: string;
  reliability: SourceReliability;
  credibility: InfoCredibility;
  status: EventStatus;
  /** The party the mission attributed it to (verified or unverified reports). */
  attributedTo?: 'veloria' | 'karst';
  /** Filed by a delegate of this party (an allegation), not by the mission. */
  filedBy?: 'veloria' | 'karst';
}

const FORCES = { veloria: 'Military Forces of Veloria', karst: 'Karst Federation Armed Forces' };
const CIVILIANS = 'Civilians (Orlen valley)';

/** The reports commitments cite, one per verified step (see DEMO_COMMITMENTS). */
function keyedEvents(): DemoEvent[] {
  const at = (
    key: string,
    day: number,
    place: DemoPlace,
    type: string,
    subType: string,
    description: string,
  ) =>
    ({
      key,
      day,
      precision: 'hour',
      place: place.name,
      lat: place.lat,
      lon: place.lon,
      geoPrecision: 1,
      type,
      subType,
      actor1: 'Consortium for Ceasefire Verification',
      actor2: '',
      fatalities: null,
      description,
      source: 'CCV field team',
      reliability: 'A',
      credibility: 1,
      status: 'verified',
    }) satisfies DemoEvent;
  const { vesk, tarnow } = DEMO_PLACES;
  return [
    at(
      'release-1',
      1.1,
      vesk,
      'Release',
      'Hostages released',
      'Seven living hostages handed over at the Vesk crossing.',
    ),
    at('release-2', 2.2, vesk, 'Release', 'Hostages released', 'Ten living hostages handed over.'),
    at('release-3', 5.4, vesk, 'Release', 'Hostages released', 'The last three living hostages handed over.'),
    at(
      'remains-1',
      6,
      vesk,
      'Return of remains',
      'Remains returned',
      'Remains of four deceased hostages returned.',
    ),
    at(
      'remains-2',
      13,
      vesk,
      'Return of remains',
      'Remains returned',
      'Remains of nine deceased hostages returned.',
    ),
    at(
      'remains-3',
      24,
      vesk,
      'Return of remains',
      'Remains returned',
      'Remains of six deceased hostages returned.',
    ),
    at(
      'detainees-1',
      3,
      DEMO_PLACES.orlen,
      'Release',
      'Detainees released',
      'First stage: 420 detainees released.',
    ),
    at(
      'detainees-2',
      9,
      DEMO_PLACES.orlen,
      'Release',
      'Detainees released',
      'Second stage: 600 detainees released.',
    ),
    at(
      'detainees-3',
      15,
      DEMO_PLACES.orlen,
      'Release',
      'Detainees released',
      'Third stage: 520 detainees released.',
    ),
    at(
      'detainees-4',
      20,
      DEMO_PLACES.orlen,
      'Release',
      'Detainees released',
      'Final stage: 428 detainees released.',
    ),
    at(
      'exchange-1',
      16,
      vesk,
      'Exchange',
      'Prisoners of war exchanged',
      'Exchange of 212 for 198 prisoners of war.',
    ),
    at(
      'withdrawal-verified',
      6,
      DEMO_PLACES.morava,
      'Withdrawal',
      'Withdrawal verified',
      'Buffer zone patrolled end to end: no forces inside.',
    ),
    {
      ...at(
        'heavy-shelling',
        25,
        tarnow,
        'Ceasefire violation',
        'Shelling/artillery/missile attack',
        '122 mm artillery fire on positions below Tarnow ridge, from inside the 30 km band.',
      ),
      actor1: FORCES.karst,
      actor2: FORCES.veloria,
      fatalities: 2,
      attributedTo: 'karst',
    },
  ];
}

const SUB_TYPES = ['Armed clash', 'Shelling/artillery/missile attack', 'Sniper fire', 'Drone strike'];
const SOURCES: ReadonlyArray<readonly [string, SourceReliability, InfoCredibility]> = [
  ['CCV patrol', 'A', 2],
  ['JMC hotline', 'B', 3],
  ['Local media', 'C', 3],
  ['Social media', 'F', 4],
];
const STATUSES: ReadonlyArray<readonly [EventStatus, number]> = [
  ['verified', 0.55],
  ['received', 0.15],
  ['under_investigation', 0.1],
  ['unverified', 0.1],
  ['dismissed', 0.1],
];

function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  let r = random();
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r <= 0) return value;
  }
  return weighted[weighted.length - 1]?.[0] as T;
}

/** Alleged and verified violations along the line of contact, fewer as the truce settles. */
function violations(random: () => number, days: number): DemoEvent[] {
  const out: DemoEvent[] = [];
  for (let day = 0; day < days; day++) {
    const count = Math.round(10 * Math.exp(-day / 18) + random() * 4);
    for (let i = 0; i < count; i++) {
      const by = random() < 0.55 ? 'karst' : 'veloria';
      const against = by === 'karst' ? 'veloria' : 'karst';
      const [source, reliability, credibility] =
        SOURCES[Math.floor(random() * SOURCES.length)] ?? SOURCES[0]!;
      const status = pick(random, STATUSES);
      const near =
        random() < 0.4 ? DEMO_PLACES.tarnow : random() < 0.5 ? DEMO_PLACES.morava : DEMO_PLACES.dravec;
      const subType = SUB_TYPES[Math.floor(random() * SUB_TYPES.length)] ?? 'Armed clash';
      const fatalities = random() < 0.8 ? 0 : 1 + Math.floor(random() * 3);
      // A party's delegates file some allegations against the other side themselves.
      const filedBy = random() < 0.12 ? against : undefined;
      out.push({
        day: day + random(),
        precision: random() < 0.7 ? 'hour' : 'day',
        place: `near ${near.name}`,
        lat: near.lat + (random() - 0.5) * 0.12,
        lon: near.lon + (random() - 0.5) * 0.1,
        geoPrecision: random() < 0.6 ? 1 : 2,
        type: 'Ceasefire violation',
        subType,
        actor1: FORCES[by],
        actor2: random() < 0.2 ? CIVILIANS : FORCES[against],
        fatalities,
        description: `${subType} reported ${fatalities > 0 ? `with ${fatalities} killed` : 'without casualties'}.`,
        source: filedBy ? `Delegation of ${filedBy === 'veloria' ? 'Veloria' : 'Karst'}` : source,
        reliability: filedBy ? 'C' : reliability,
        credibility: filedBy ? 4 : credibility,
        status: filedBy && status === 'verified' ? 'under_investigation' : status,
        attributedTo: status === 'verified' || status === 'unverified' ? by : undefined,
        filedBy,
      });
    }
  }
  return out;
}

/** Aid convoys through Vesk, as logged by the mission (the aid commitment's progress). */
function convoys(): DemoEvent[] {
  return DEMO_AID_CONVOYS.map(([day, trucks], i) => ({
    key: `convoy-${i + 1}`,
    day,
    precision: 'hour',
    place: DEMO_PLACES.vesk.name,
    lat: DEMO_PLACES.vesk.lat,
    lon: DEMO_PLACES.vesk.lon,
    geoPrecision: 1,
    type: 'Aid access',
    subType: 'Convoy crossed',
    actor1: 'Basin Humanitarian Alliance',
    actor2: '',
    fatalities: null,
    description: `${trucks} aid trucks crossed into the Orlen valley.`,
    source: 'CCV crossing log',
    reliability: 'A',
    credibility: 1,
    status: 'verified',
  }));
}

/** Every demo event report up to `days` after entry into force, in time order. */
export function demoEvents(days: number): DemoEvent[] {
  const random = seededRandom(20261201);
  return [...keyedEvents(), ...violations(random, days), ...convoys()]
    .filter((e) => e.day < days)
    .sort((a, b) => a.day - b.day);
}

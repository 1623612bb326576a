/**
 * Synthetic conflict-event data in ACLED's export layout (31 columns, "07 March 2024" dates),
 * for benchmarks and load tests: realistic value shapes and lengths, invented events. Notes are
 * 150–400 characters and often need quoting (commas, "quotes", now and then a line break), as in
 * real exports. Deterministic per seed.
 */

import { ACLED_COLUMNS } from '../src/domain/monitoring/event-import/event-columns.ts';
import { seededRandom } from '../src/domain/shared/seeded-random.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** ACLED's event types with some of their sub-event types and disorder type. */
const TYPES: [disorder: string, type: string, subTypes: string[]][] = [
  [
    'Political violence',
    'Battles',
    ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  ],
  [
    'Political violence',
    'Explosions/Remote violence',
    ['Shelling/artillery/missile attack', 'Air/drone strike', 'Remote explosive/landmine/IED'],
  ],
  ['Political violence', 'Violence against civilians', ['Attack', 'Abduction/forced disappearance']],
  ['Demonstrations', 'Protests', ['Peaceful protest', 'Protest with intervention']],
  [
    'Strategic developments',
    'Strategic developments',
    ['Agreement', 'Arrests', 'Headquarters or base established', 'Looting/property destruction'],
  ],
];

const ACTORS: [name: string, inter: string][] = [
  ['Military Forces of Russia (2000-)', '8'],
  ['Military Forces of Ukraine (2019-)', '1'],
  ['Civilians (Ukraine)', '7'],
  ['Protesters (Ukraine)', '6'],
  ['Unidentified Armed Group (Ukraine)', '3'],
  ['Police Forces of Ukraine (2019-)', '1'],
];

/** Oblast, raion, a few places and a centre to scatter coordinates around. */
const PLACES: [admin1: string, admin2: string, locations: string[], lat: number, lon: number][] = [
  ['Donetsk', 'Pokrovskyi', ['Avdiivka', 'Marinka', 'Krasnohorivka', 'Ocheretyne'], 48.1, 37.6],
  ['Donetsk', 'Bakhmutskyi', ['Chasiv Yar', 'Klishchiivka', 'Ivanivske'], 48.6, 37.9],
  ['Kharkiv', 'Kupianskyi', ['Kupiansk', 'Synkivka', 'Petropavlivka'], 49.7, 37.6],
  ['Zaporizhia', 'Polohivskyi', ['Orikhiv', 'Robotyne', 'Mala Tokmachka'], 47.5, 35.8],
  ['Kherson', 'Khersonskyi', ['Kherson', 'Antonivka', 'Krynky'], 46.7, 32.8],
  ['Sumy', 'Shostkynskyi', ['Seredyna-Buda', 'Esman', 'Znob-Novhorodske'], 52.1, 34.0],
  ['Luhansk', 'Sievierodonetskyi', ['Kreminna', 'Bilohorivka'], 49.0, 38.2],
];

const SOURCES: [source: string, scale: string][] = [
  ['Ukrinform', 'National'],
  ['Ukrainska Pravda; Ministry of Defence of Ukraine', 'National'],
  ['Suspilne', 'Subnational'],
  ['Reuters', 'International'],
  ['Institute for the Study of War', 'Other'],
  ['Kharkiv Regional Military Administration; Telegram', 'Subnational-Other'],
];

const NOTE_PARTS = [
  'forces shelled positions near',
  'a drone struck a residential building in',
  'fighting continued on the outskirts of',
  'local authorities reported damage to power lines, a school and two houses in',
  'the regional administration said that, according to preliminary data, no one was injured in',
  'artillery fire was reported, with "heavy losses" claimed by both sides, around',
];

function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The lines of a generated file, header first, each without its line break. */
export function* eventCsvLines(rows: number, seed: number): Generator<string> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  yield ACLED_COLUMNS.join(',');
  const start = Date.UTC(2022, 1, 24);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor(random() * 900) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
    const [disorder, type, subTypes] = pick(TYPES);
    const [actor1, inter1] = pick(ACTORS);
    const [actor2, inter2] = random() < 0.3 ? ['', ''] : pick(ACTORS);
    const [admin1, admin2, locations, lat, lon] = pick(PLACES);
    const location = pick(locations);
    const [source, scale] = pick(SOURCES);
    const precision = random() < 0.9 ? '1' : random() < 0.7 ? '2' : '3';
    const fatalities = random() < 0.75 ? 0 : Math.floor(random() * 25);
    let notes = `On ${date}, ${pick(NOTE_PARTS)} ${location} (${admin2}, ${admin1}).`;
    while (notes.length < 150 + random() * 250) notes += ` Later, ${pick(NOTE_PARTS)} ${pick(locations)}.`;
    if (random() < 0.02) notes += '\nUpdate: casualty figures revised.';
    if (fatalities > 0) notes += ` ${fatalities} fatalities reported.`;
    const values: Record<(typeof ACLED_COLUMNS)[number], string> = {
      event_id_cnty: `UKR${100_000 + i}`,
      event_date: date,
      year: String(day.getUTCFullYear()),
      time_precision: precision,
      disorder_type: disorder,
      event_type: type,
      sub_event_type: pick(subTypes),
      actor1,
      assoc_actor_1: random() < 0.2 ? 'Wagner Group; Akhmat Special Forces' : '',
      inter1,
      actor2,
      assoc_actor_2: '',
      inter2,
      interaction: `${inter1}${inter2}`,
      civilian_targeting: actor2.startsWith('Civilians') ? 'Civilian targeting' : '',
      iso: '804',
      region: 'Europe',
      country: 'Ukraine',
      admin1,
      admin2,
      admin3: '',
      location,
      latitude: (lat + (random() - 0.5) * 0.4).toFixed(4),
      longitude: (lon + (random() - 0.5) * 0.4).toFixed(4),
      geo_precision: String(1 + Math.floor(random() * 3)),
      source,
      source_scale: scale,
      notes,
      fatalities: String(fatalities),
      tags: fatalities > 10 ? 'casualties disputed' : '',
      timestamp: String(1_700_000_000 + i),
    };
    yield ACLED_COLUMNS.map((c) => cell(values[c])).join(',');
  }
}

/** A whole generated ACLED-layout CSV file (header and `rows` events), deterministic per seed. */
export function generateEventCsv(rows: number, seed: number): string {
  return `${[...eventCsvLines(rows, seed)].join('\n')}\n`;
}

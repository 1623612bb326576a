import type { MapPoints } from './map-data.ts';

/** Colours of the mission's own types, so a ceasefire violation is red on every map. */
const FIXED: Record<string, string> = {
  'Ceasefire violation': '#c62828',
  Release: '#2e7d32',
  Exchange: '#00838f',
  'Return of remains': '#6d4c41',
  Withdrawal: '#1565c0',
  'Aid access': '#ef6c00',
  Battles: '#ad1457',
  'Explosions/Remote violence': '#6a1b9a',
  'Violence against civilians': '#4e342e',
  Protests: '#f9a825',
  'Strategic developments': '#546e7a',
};

/** For other types (imported data has its own), in order; told apart from the fixed ones. */
const SPARE = ['#7cb342', '#8e24aa', '#3949ab', '#d81b60', '#00897b', '#5d4037', '#c0ca33', '#039be5'];

/** Beyond this many types, the rarest share one colour: more hues than this cannot be told apart. */
const MAX_COLOURED = 12;
export const OTHER_COLOUR = '#8a8f99';

export interface TypeLegend {
  /** One per colour: the type it stands for, or null for "other types". */
  categories: { label: string; colour: string; types: number[]; count: number }[];
  /** Category index of each type index. */
  categoryOfType: Uint8Array;
}

/** Assigns colours to the event types of the data, the most frequent first. */
export function typeLegend(points: MapPoints): TypeLegend {
  const counts = new Array<number>(points.types.length).fill(0);
  for (let i = 0; i < points.count; i++) counts[points.type[i] as number]! += 1;
  const order = points.types.map((_, i) => i).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  const categoryOfType = new Uint8Array(points.types.length);
  const categories: TypeLegend['categories'] = [];
  const used = new Set(Object.values(FIXED));
  let spare = 0;
  const coloured = order.length > MAX_COLOURED ? MAX_COLOURED - 1 : order.length;
  for (const t of order.slice(0, coloured)) {
    const label = points.types[t] ?? '';
    let colour = FIXED[label];
    if (colour === undefined) {
      colour = SPARE[spare % SPARE.length] ?? OTHER_COLOUR;
      spare++;
      used.add(colour);
    }
    categoryOfType[t] = categories.length;
    categories.push({ label, colour, types: [t], count: counts[t] ?? 0 });
  }
  const rest = order.slice(coloured);
  if (rest.length > 0) {
    for (const t of rest) categoryOfType[t] = categories.length;
    categories.push({
      label: `${rest.length} other types`,
      colour: OTHER_COLOUR,
      types: rest,
      count: rest.reduce((s, t) => s + (counts[t] ?? 0), 0),
    });
  }
  return { categories, categoryOfType };
}

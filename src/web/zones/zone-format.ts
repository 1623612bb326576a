import type { ZoneKind } from './zone-types.ts';

export const ZONE_KIND_LABELS: Record<ZoneKind, string> = {
  line_of_contact: 'Line of contact',
  buffer_zone: 'Buffer zone',
  area_to_vacate: 'Area to vacate',
  other: 'Other zone',
};

/** How the map draws each kind: the line colour, the fill, and a dash for lines of contact. */
export const ZONE_STYLES: Record<ZoneKind, { stroke: string; fill: string; dash: number[] }> = {
  line_of_contact: { stroke: '#a3262a', fill: 'rgba(163, 38, 42, 0.10)', dash: [6, 3] },
  buffer_zone: { stroke: '#1f3a5f', fill: 'rgba(31, 58, 95, 0.16)', dash: [] },
  area_to_vacate: { stroke: '#9a6400', fill: 'rgba(192, 122, 0, 0.20)', dash: [2, 2] },
  other: { stroke: '#4a5263', fill: 'rgba(74, 82, 99, 0.12)', dash: [] },
};

/** "1,234 km²", "0.42 km²" */
export function areaLabel(km2: number): string {
  return `${km2 >= 10 ? Math.round(km2).toLocaleString() : km2.toLocaleString(undefined, { maximumFractionDigits: 2 })} km²`;
}

/** "312 km", "0.8 km" */
export function lengthLabel(km: number): string {
  return `${km >= 10 ? Math.round(km).toLocaleString() : km.toLocaleString(undefined, { maximumFractionDigits: 1 })} km`;
}

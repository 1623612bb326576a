/** A provision type that points can be tagged with. */
export interface ProvisionTag {
  key: string;
  label: string;
  description: string;
}

/**
 * The default provision taxonomy, modelled on the categories that peace-agreement datasets
 * (PA-X, the Peace Accords Matrix) use to code provisions.
 */
export const DEFAULT_TAXONOMY: readonly ProvisionTag[] = [
  { key: 'ceasefire', label: 'Ceasefire', description: 'Cessation of hostilities, separation of forces' },
  { key: 'territory', label: 'Territory', description: 'Borders, lines of contact, status of areas' },
  {
    key: 'security-guarantees',
    label: 'Security guarantees',
    description: 'Guarantees by third states, alliances, force limits',
  },
  { key: 'sanctions', label: 'Sanctions', description: 'Imposition, suspension and lifting of sanctions' },
  {
    key: 'prisoners',
    label: 'Prisoners and detainees',
    description: 'Release, exchange, hostages, missing persons, remains',
  },
  {
    key: 'humanitarian',
    label: 'Humanitarian access',
    description: 'Aid delivery, corridors, protection of civilians',
  },
  {
    key: 'reconstruction',
    label: 'Reconstruction and economy',
    description: 'Rebuilding, funds, trade, energy',
  },
  {
    key: 'governance',
    label: 'Governance and elections',
    description: 'Elections, constitutional reform, power-sharing',
  },
  {
    key: 'justice',
    label: 'Amnesty and justice',
    description: 'Amnesty, accountability, transitional justice',
  },
  {
    key: 'monitoring',
    label: 'Monitoring and verification',
    description: 'Monitoring missions, verification mechanisms',
  },
  { key: 'nuclear', label: 'Nuclear safety', description: 'Nuclear plants, materials, IAEA presence' },
  {
    key: 'military',
    label: 'Armed forces and DDR',
    description: 'Force size, withdrawal, disarmament, demobilisation',
  },
  { key: 'refugees', label: 'Refugees and displaced persons', description: 'Return, property, resettlement' },
  {
    key: 'rights',
    label: 'Human rights and minorities',
    description: 'Language, religion, minority protection',
  },
  {
    key: 'implementation',
    label: 'Implementation',
    description: 'Entry into force, timelines, oversight bodies',
  },
];

/** True when `key` names a tag of the default taxonomy. */
export function isKnownTag(key: string): boolean {
  return DEFAULT_TAXONOMY.some((t) => t.key === key);
}

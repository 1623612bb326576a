import type { PlanItem, PointStatus } from '../domain/plans/plan.ts';

/** A point of the hand-written first draft; `key` names it for the edits that follow. */
export interface DemoPoint {
  key: string;
  text: string;
  items?: PlanItem[];
  tags: string[];
  status?: PointStatus;
}

export interface DemoArea {
  key: string;
  title: string;
  points: DemoPoint[];
}

function items(...texts: string[]): PlanItem[] {
  return texts.map((text, i) => ({ label: String.fromCharCode(97 + i), text }));
}

/**
 * Draft 1 of the fictional Veloria–Karst framework, as the Special Envoy's team first tabled it.
 * Every name, place and figure is invented for the demo.
 */
export const DRAFT_ONE: { title: string; preamble: string; areas: DemoArea[] } = {
  title: 'Framework for a Durable Settlement between the Republic of Veloria and the Karst Federation',
  preamble:
    'The Republic of Veloria and the Karst Federation, meeting under the auspices of the Office of the ' +
    'Special Envoy, determined to end the armed conflict that began in the Orlen valley and to restore ' +
    'security and dignity to the people of both countries, agree on the following framework, which ' +
    'shall guide the negotiation of a comprehensive settlement.',
  areas: [
    {
      key: 'hostilities',
      title: 'Cessation of hostilities',
      points: [
        {
          key: 'ceasefire',
          text: 'A comprehensive cessation of hostilities shall take effect along the entire line of contact within 72 hours of the signature of this Framework.',
          tags: ['ceasefire', 'implementation'],
        },
        {
          key: 'refrain',
          text: 'From the moment the cessation of hostilities takes effect, the parties shall refrain from all offensive operations, including:',
          items: items(
            'artillery, rocket and mortar fire;',
            'air, missile and drone strikes;',
            'ground advances beyond the positions held at that moment;',
            'attacks on civilian infrastructure, including energy, water and medical facilities.',
          ),
          tags: ['ceasefire', 'humanitarian'],
        },
        {
          key: 'heavy-weapons',
          text: 'Each party shall withdraw heavy weapons of a calibre above 100 mm to a distance of no less than 15 kilometres from the line of contact within 14 days.',
          tags: ['military', 'ceasefire'],
        },
        {
          key: 'commission',
          text: 'A Joint Ceasefire Commission shall be formed of an equal number of officers from each party and chaired by a representative of the Special Envoy. The Commission shall meet at least weekly, receive reports of violations and agree on measures to prevent their repetition.',
          tags: ['monitoring', 'ceasefire'],
        },
        {
          key: 'hotline',
          text: 'The parties shall establish a direct line of communication between their military commands to prevent and de-escalate incidents.',
          tags: ['ceasefire', 'monitoring'],
        },
      ],
    },
    {
      key: 'security',
      title: 'Security arrangements',
      points: [
        {
          key: 'dmz',
          text: 'A demilitarised zone extending 10 kilometres on each side of the line of contact shall be established in the Orlen valley, from which all armed forces and military equipment shall be withdrawn.',
          tags: ['territory', 'military'],
          status: 'contested',
        },
        {
          key: 'mission',
          text: 'The Consortium for Ceasefire Verification shall deploy an unarmed monitoring mission with unrestricted access to the demilitarised zone and to the areas of withdrawal.',
          tags: ['monitoring'],
        },
        {
          key: 'force-limits',
          text: 'Neither party shall station more than 40,000 troops in the border provinces listed in Annex B.',
          tags: ['military', 'security-guarantees'],
          status: 'contested',
        },
        {
          key: 'guarantees',
          text: 'The member states of the Basin Cooperation Council shall guarantee the inviolability of the line of contact pending a final settlement.',
          tags: ['security-guarantees'],
        },
        {
          key: 'mines',
          text: 'The parties shall exchange all available minefield records within 30 days and cooperate in demining, beginning with roads, schools and agricultural land.',
          tags: ['military', 'humanitarian'],
        },
      ],
    },
    {
      key: 'humanitarian',
      title: 'Humanitarian and detainees',
      points: [
        {
          key: 'exchange',
          text: 'All persons detained in connection with the conflict shall be released and exchanged on the principle of "all for all" within 60 days.',
          tags: ['prisoners'],
          status: 'contested',
        },
        {
          key: 'civilians',
          text: 'Civilians, including children, who were transferred across the line of contact shall be enabled to return to their families, with the assistance of an impartial humanitarian organisation.',
          tags: ['prisoners', 'rights'],
        },
        {
          key: 'missing',
          text: 'A Joint Working Group on Missing Persons shall trace those who remain unaccounted for and arrange the dignified return of remains.',
          tags: ['prisoners'],
        },
        {
          key: 'corridors',
          text: 'Humanitarian corridors to the towns of Marrow, Sable Ford and Istrel shall open within 48 hours of the cessation of hostilities.',
          tags: ['humanitarian'],
        },
        {
          key: 'return',
          text: 'Displaced persons shall have the right to return to their homes.',
          tags: ['refugees'],
        },
      ],
    },
    {
      key: 'political',
      title: 'Political and economic',
      points: [
        {
          key: 'status-talks',
          text: 'The parties shall open talks on the future status of the Orlen valley within 90 days of entry into force, under the auspices of the Special Envoy.',
          tags: ['territory', 'governance'],
          status: 'contested',
        },
        {
          key: 'elections',
          text: 'Local elections in the districts affected by the conflict shall be held within one year of entry into force and observed by the Consortium for Ceasefire Verification.',
          tags: ['governance', 'monitoring'],
        },
        {
          key: 'sanctions',
          text: 'The member states of the Basin Cooperation Council shall suspend the sanctions adopted against the Karst Federation in stages, each stage linked to verified implementation of the security arrangements.',
          tags: ['sanctions'],
          status: 'contested',
        },
        {
          key: 'fund',
          text: 'A Reconstruction Fund for the regions affected by the conflict shall be established, with contributions from the parties and from international partners.',
          tags: ['reconstruction'],
        },
        {
          key: 'amnesty',
          text: 'An amnesty shall apply to acts committed in the course of the conflict, with the exception of war crimes, crimes against humanity and genocide.',
          tags: ['justice'],
          status: 'contested',
        },
      ],
    },
  ],
};

import type { DemoArea } from './demo-plan-draft-one.ts';

/**
 * The interim truce the parties signed before the framework talks: the demo's adopted agreement,
 * whose implementation the monitors follow. Every name, place and figure is invented.
 */
export const DEMO_TRUCE: { title: string; preamble: string; areas: DemoArea[] } = {
  title: 'Interim Arrangement on a Humanitarian Truce in the Orlen Valley',
  preamble:
    'The Republic of Veloria and the Karst Federation, with the Office of the Special Envoy as witness ' +
    'and the Basin Cooperation Council as guarantor, agree on the following interim arrangement, to ' +
    'hold until a comprehensive settlement is concluded.',
  areas: [
    {
      key: 'truce',
      title: 'The truce',
      points: [
        {
          key: 'truce-effect',
          text: 'The truce takes effect at 12:00 local time on the day of entry into force. Both parties shall cease all offensive operations along the line of contact shown in Annex A.',
          tags: ['ceasefire'],
          status: 'agreed',
        },
        {
          key: 'truce-weapons',
          text: 'Within 14 days of entry into force, both parties shall withdraw heavy weapons of a calibre of 100 mm or more to at least 30 kilometres from the line of contact.',
          tags: ['ceasefire', 'military'],
          status: 'agreed',
        },
      ],
    },
    {
      key: 'people',
      title: 'Hostages, detainees and remains',
      points: [
        {
          key: 'hostages',
          text: 'Within 72 hours of entry into force, the Karst Federation shall release all 20 living hostages held by forces under its command or influence.',
          tags: ['prisoners'],
          status: 'agreed',
        },
        {
          key: 'remains',
          text: 'Within 30 days of entry into force, the Karst Federation shall return the remains of all 28 deceased hostages, with the assistance of the Consortium for Ceasefire Verification.',
          tags: ['prisoners', 'humanitarian'],
          status: 'agreed',
        },
        {
          key: 'detainees',
          text: 'Within 21 days of entry into force, the Republic of Veloria shall release the 1,968 detainees listed in Annex B, in stages of no fewer than 250 a week.',
          tags: ['prisoners'],
          status: 'agreed',
        },
        {
          key: 'exchange',
          text: 'Within 14 days after the release of the living hostages is completed, the parties shall exchange all prisoners of war, all for all.',
          tags: ['prisoners'],
          status: 'agreed',
        },
      ],
    },
    {
      key: 'separation',
      title: 'Separation of forces',
      points: [
        {
          key: 'withdrawal',
          text: 'Within 7 days of entry into force, the forces of both parties shall withdraw 5 kilometres from the line of contact, creating the buffer zone shown in Annex A.',
          tags: ['military', 'territory'],
          status: 'agreed',
        },
        {
          key: 'sarn',
          text: 'Within 45 days after the withdrawal to the buffer zone is verified, the Karst Federation shall vacate the Sarn heights (Annex A, area 2).',
          tags: ['territory'],
          status: 'agreed',
        },
      ],
    },
    {
      key: 'aid',
      title: 'Humanitarian access',
      points: [
        {
          key: 'aid-trucks',
          text: 'Within 60 days of entry into force, no fewer than 4,000 aid trucks shall enter the Orlen valley through the Vesk crossing, unhindered by either party.',
          tags: ['humanitarian'],
          status: 'agreed',
        },
        {
          key: 'utilities',
          text: 'Within 10 days of entry into force, the Republic of Veloria shall restore water and electricity to Orlen city.',
          tags: ['humanitarian', 'reconstruction'],
          status: 'agreed',
        },
      ],
    },
    {
      key: 'verification',
      title: 'Verification and next steps',
      points: [
        {
          key: 'monitors',
          text: 'Within 14 days of entry into force, the Consortium for Ceasefire Verification shall deploy 120 monitors along the line of contact; a Joint Military Commission shall meet every week.',
          tags: ['monitoring'],
          status: 'agreed',
        },
        {
          key: 'minefields',
          text: 'Within 45 days of entry into force, both parties shall hand the Joint Military Commission complete maps of the minefields in and around the buffer zone.',
          tags: ['military', 'monitoring'],
          status: 'agreed',
        },
      ],
    },
  ],
};

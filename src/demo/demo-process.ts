import { sequentialIds } from '../domain/shared/ids.ts';
import { demoPlanHistory } from './demo-plan-history.ts';
import { planToMarkdown } from './plan-markdown.ts';

/**
 * The demo negotiation: a fictional settlement between two invented states, mediated by an
 * invented envoy's office. Nothing here describes a real conflict, country or plan.
 */

/** The one password of every demo account; documented so that anyone trying the demo can sign in. */
export const DEMO_PASSWORD = 'entente-demo';

export type DemoPartyKind = 'state' | 'bloc' | 'organisation' | 'armed_group' | 'mediator';
export type DemoRole = 'mediator' | 'delegate' | 'observer' | 'monitor';

export interface DemoParty {
  key: string;
  name: string;
  code: string;
  kind: DemoPartyKind;
  colour: string;
}

export interface DemoUser {
  email: string;
  name: string;
  partyKey: string;
  role: DemoRole;
  isAdmin?: boolean;
}

export interface DemoVersion {
  label: string;
  note: string;
  authorEmail: string;
  daysAgo: number;
  /** The version as plan text in the importer's Markdown shape. */
  text: string;
  /** To whom it was handed, when and how: the consultation log. */
  releases: DemoRelease[];
}

export interface DemoRelease {
  partyKey: string;
  daysAgo: number;
  channel: string;
  note?: string;
}

/** A party's private note on a point, found by the point's number in the version named. */
export interface DemoPartyNote {
  partyKey: string;
  authorEmail: string;
  versionLabel: string;
  pointNumber: string;
  body: string;
  sharedWithMediator?: boolean;
  daysAgo: number;
}

const history = demoPlanHistory(sequentialIds());
const [draftOne, draftTwo, draftThree] = history.versions.map(planToMarkdown);

export const demoProcess: {
  title: string;
  description: string;
  parties: DemoParty[];
  users: DemoUser[];
  plan: { versions: DemoVersion[]; draftText: string; partyNotes: DemoPartyNote[] };
} = {
  title: 'Republic of Veloria – Karst Federation settlement',
  description:
    'Talks on ending the conflict in the Orlen valley, convened by the Office of the Special Envoy ' +
    'with the Basin Cooperation Council as guarantor and the Consortium for Ceasefire Verification as ' +
    'monitor. A fictional process for trying Entente.',
  parties: [
    { key: 'envoy', name: 'Office of the Special Envoy', code: 'OSE', kind: 'mediator', colour: '#4b5563' },
    { key: 'veloria', name: 'Republic of Veloria', code: 'VEL', kind: 'state', colour: '#1d4ed8' },
    { key: 'karst', name: 'Karst Federation', code: 'KRF', kind: 'state', colour: '#b91c1c' },
    { key: 'bcc', name: 'Basin Cooperation Council', code: 'BCC', kind: 'bloc', colour: '#047857' },
    {
      key: 'ccv',
      name: 'Consortium for Ceasefire Verification',
      code: 'CCV',
      kind: 'organisation',
      colour: '#b45309',
    },
  ],
  users: [
    {
      email: 'envoy@envoy.example',
      name: 'Ingrid Salvesen',
      partyKey: 'envoy',
      role: 'mediator',
      isAdmin: true,
    },
    { email: 'drafting@envoy.example', name: 'Tomás Arrieta', partyKey: 'envoy', role: 'mediator' },
    { email: 'lead@veloria.example', name: 'Mirela Dragan', partyKey: 'veloria', role: 'delegate' },
    { email: 'legal@veloria.example', name: 'Petar Lenko', partyKey: 'veloria', role: 'delegate' },
    { email: 'lead@karst.example', name: 'Aurel Vashti', partyKey: 'karst', role: 'delegate' },
    { email: 'military@karst.example', name: 'Col. Dana Rusev', partyKey: 'karst', role: 'delegate' },
    { email: 'observer@bcc.example', name: 'Helena Marsh', partyKey: 'bcc', role: 'observer' },
    { email: 'monitor@ccv.example', name: 'Kwame Osei', partyKey: 'ccv', role: 'monitor' },
  ],
  plan: {
    versions: [
      {
        label: 'Draft 1',
        note: 'First text tabled by the Special Envoy at the opening round.',
        authorEmail: 'envoy@envoy.example',
        daysAgo: 42,
        text: draftOne ?? '',
        releases: [
          {
            partyKey: 'veloria',
            daysAgo: 41,
            channel: 'Opening round, Geneva',
            note: 'Handed to the head of delegation.',
          },
          { partyKey: 'bcc', daysAgo: 40, channel: "Guarantors' briefing, Brussels" },
        ],
      },
      {
        label: 'Draft 2',
        note: 'After bilateral consultations: guarantees and return reworded, energy installations added, hotline folded into the Joint Commission, demining moved to the humanitarian part.',
        authorEmail: 'drafting@envoy.example',
        daysAgo: 21,
        text: draftTwo ?? '',
        releases: [
          { partyKey: 'veloria', daysAgo: 20, channel: 'Secure e-mail' },
          {
            partyKey: 'karst',
            daysAgo: 19,
            channel: 'Proximity talks, Vienna',
            note: 'First text shown to the Karst delegation; read in the room, copy left with them.',
          },
          { partyKey: 'bcc', daysAgo: 18, channel: "Guarantors' video call" },
          { partyKey: 'ccv', daysAgo: 14, channel: 'Technical briefing on verification tasks' },
        ],
      },
      {
        label: 'Draft 3',
        note: 'Second round: ceasefire and exchange timelines adjusted, Joint Commission point split, detainee points merged, monitoring tasks and fund priorities spelled out.',
        authorEmail: 'drafting@envoy.example',
        daysAgo: 7,
        text: draftThree ?? '',
        // Not yet given to Karst, the guarantors or the monitors: the next consultation.
        releases: [{ partyKey: 'veloria', daysAgo: 5, channel: 'Second round, Geneva' }],
      },
    ],
    draftText: planToMarkdown(history.draft),
    partyNotes: [
      {
        partyKey: 'veloria',
        authorEmail: 'legal@veloria.example',
        versionLabel: 'Draft 2',
        pointNumber: '3',
        body: 'Cabinet will not accept a fixed withdrawal date without verification first. Hold this line.',
        daysAgo: 17,
      },
      {
        partyKey: 'veloria',
        authorEmail: 'lead@veloria.example',
        versionLabel: 'Draft 3',
        pointNumber: '5',
        body: 'We can live with 72 hours if the Joint Commission meets within the first day. Tell the envoy.',
        sharedWithMediator: true,
        daysAgo: 4,
      },
      {
        partyKey: 'karst',
        authorEmail: 'military@karst.example',
        versionLabel: 'Draft 2',
        pointNumber: '7',
        body: 'The 15 km line cuts through our supply depot at Velin; propose 10 km or a corridor.',
        daysAgo: 16,
      },
    ],
  },
};

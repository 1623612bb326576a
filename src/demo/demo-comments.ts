import type { CommentVisibility } from '../store/schema.ts';

export interface DemoComment {
  authorEmail: string;
  body: string;
  daysAgo: number;
}

/** A thread of the demo: whose it is, who reads it, the point it is on (by a version's number). */
export interface DemoThread {
  partyKey: string;
  visibility: CommentVisibility;
  versionLabel: string;
  pointNumber: string;
  comments: DemoComment[];
}

/**
 * Comment threads of the fictional talks: Veloria and the envoy on when the ceasefire clock starts,
 * the Karst delegation among itself on the withdrawal line, the envoy asking Karst about troop
 * ceilings, and the drafting team on wording. Point numbers are those of the version named.
 */
export const DEMO_THREADS: DemoThread[] = [
  {
    partyKey: 'veloria',
    visibility: 'mediator',
    versionLabel: 'Draft 2',
    pointNumber: '1',
    comments: [
      {
        authorEmail: 'lead@veloria.example',
        body:
          'Seventy-two hours from signature is too short for our commands to pass the order to every ' +
          'unit along the line. Could the clock start when the Joint Ceasefire Commission first meets?',
        daysAgo: 19,
      },
      {
        authorEmail: 'envoy@envoy.example',
        body:
          'Understood. Tying it to the Commission risks an open-ended delay if its members are not ' +
          'named in time. Would a longer fixed period from signature meet your concern?',
        daysAgo: 18.5,
      },
      {
        authorEmail: 'lead@veloria.example',
        body:
          'Yes, provided the direct line between the military commands works from the first hour. ' +
          'Ninety-six hours would be acceptable to the General Staff.',
        daysAgo: 18,
      },
      {
        authorEmail: 'drafting@envoy.example',
        body: 'Noted for the next draft. We will also check the sequencing with the humanitarian corridors.',
        daysAgo: 17.5,
      },
    ],
  },
  {
    partyKey: 'karst',
    visibility: 'party',
    versionLabel: 'Draft 2',
    pointNumber: '3',
    comments: [
      {
        authorEmail: 'military@karst.example',
        body:
          'A 15 km pull-back puts the 4th Artillery Brigade behind the Sava ridge, with one road out. ' +
          'We need either 10 km or a named exception for the Velin depot.',
        daysAgo: 15,
      },
      {
        authorEmail: 'lead@karst.example',
        body:
          'I will not table an exception by name. Prepare a map of the depot area; we raise the ' +
          'distance itself at the next round and keep the depot as our fallback.',
        daysAgo: 14.5,
      },
    ],
  },
  {
    partyKey: 'karst',
    visibility: 'mediator',
    versionLabel: 'Draft 2',
    pointNumber: '9',
    comments: [
      {
        authorEmail: 'envoy@envoy.example',
        body:
          'Could Karst live with the 40,000 ceiling if the count excluded border guards and units in ' +
          'training? We are testing the idea with both delegations.',
        daysAgo: 12,
      },
      {
        authorEmail: 'lead@karst.example',
        body:
          'Border guards, yes. Training units only if the monitoring mission may verify their rotation. ' +
          'We would want the same rule for Veloria.',
        daysAgo: 11,
      },
    ],
  },
  {
    partyKey: 'envoy',
    visibility: 'party',
    versionLabel: 'Draft 3',
    pointNumber: '5',
    comments: [
      {
        authorEmail: 'drafting@envoy.example',
        body:
          'Splitting this out of point 4 worked, but "agree on measures" is weak. Suggest "adopt ' +
          'binding corrective measures by consensus" and move the 72-hour deadline to the first sentence.',
        daysAgo: 5,
      },
      {
        authorEmail: 'envoy@envoy.example',
        body:
          'Keep "agree" for now: "binding" will reopen the sovereignty debate with Karst. Put the ' +
          'deadline first, yes.',
        daysAgo: 4.5,
      },
    ],
  },
];

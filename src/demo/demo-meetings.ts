import type { MeetingStatus } from '../domain/meetings/meeting-status.ts';

/**
 * The meetings of the demo negotiation, in story time (days before the demo's "now"; negative
 * is ahead). They match the consultation log: Draft 1 handed to Veloria at the opening round in
 * Geneva, Draft 2 to Karst at the proximity talks in Vienna, Draft 3 to Veloria alone at the
 * second round. Karst never attends a meeting where a text it does not hold was handed over.
 */

/** A participant: a whole party, a demo user (with their party), or a named person. */
export type DemoParticipant = { party: string } | { email: string } | { name: string; party?: string };

/** A status the meeting entered, and when; `moveTo` is the new date of a postponement. */
export interface DemoStatusChange {
  status: MeetingStatus;
  daysAgo: number;
  note?: string;
  moveTo?: { daysAgo: number };
}

export interface DemoMeeting {
  title: string;
  /** The day it was first scheduled for, and its local hours at the venue. */
  daysAgo: number;
  hours: [string, string];
  timeZone: string;
  placeKind: 'in_person' | 'phone' | 'video';
  place: string;
  participants: DemoParticipant[];
  versions: { label: string; role: 'presented' | 'released' }[];
  outcome: string;
  /** From the status it was scheduled with to the one it has now. */
  history: DemoStatusChange[];
}

export const demoMeetings: DemoMeeting[] = [
  {
    title: 'Opening round',
    daysAgo: 41,
    hours: ['10:00', '17:30'],
    timeZone: 'Europe/Zurich',
    placeKind: 'in_person',
    place: 'Palais des Nations, Room XVI, Geneva',
    participants: [
      { email: 'envoy@envoy.example' },
      { email: 'drafting@envoy.example' },
      { party: 'veloria' },
      { email: 'lead@veloria.example' },
      { email: 'legal@veloria.example' },
      { name: 'Deputy Foreign Minister Andrei Voss', party: 'veloria' },
    ],
    versions: [
      { label: 'Draft 1', role: 'presented' },
      { label: 'Draft 1', role: 'released' },
    ],
    outcome:
      'The Special Envoy tabled Draft 1 and handed a copy to the head of the Veloria delegation.\n' +
      'Veloria accepts the text as a basis for talks, with reservations on the sequencing of withdrawals and on the administration of the Orlen valley during the transition.\n' +
      'Agreed: the envoy will consult the Karst Federation in a proximity format before a joint round.',
    history: [
      { status: 'planned', daysAgo: 50 },
      { status: 'confirmed', daysAgo: 45, note: 'Veloria confirmed its delegation list.' },
      { status: 'held', daysAgo: 40.6 },
    ],
  },
  {
    title: "Guarantors' briefing",
    daysAgo: 40,
    hours: ['09:30', '12:00'],
    timeZone: 'Europe/Brussels',
    placeKind: 'in_person',
    place: 'Justus Lipsius building, Brussels',
    participants: [{ email: 'envoy@envoy.example' }, { party: 'bcc' }, { email: 'observer@bcc.example' }],
    versions: [{ label: 'Draft 1', role: 'released' }],
    outcome:
      'The guarantors were briefed on the opening round and received Draft 1.\n' +
      'The Council is ready in principle to guarantee the security arrangements, and asks to see the verification tasks spelled out before it commits.',
    history: [
      { status: 'planned', daysAgo: 46 },
      { status: 'confirmed', daysAgo: 43 },
      { status: 'held', daysAgo: 39.8 },
    ],
  },
  {
    title: 'Proximity talks',
    daysAgo: 23,
    hours: ['10:00', '18:00'],
    timeZone: 'Europe/Vienna',
    placeKind: 'in_person',
    place: 'Hofburg, Vienna (separate rooms)',
    participants: [
      { email: 'envoy@envoy.example' },
      { email: 'drafting@envoy.example' },
      { party: 'veloria' },
      { email: 'lead@veloria.example' },
      { party: 'karst' },
      { email: 'lead@karst.example' },
      { email: 'military@karst.example' },
    ],
    versions: [
      { label: 'Draft 2', role: 'presented' },
      { label: 'Draft 2', role: 'released' },
    ],
    outcome:
      'The envoy shuttled between the two delegations. Draft 2 was read with the Karst delegation in the room and a copy left with them.\n' +
      'Karst asked for the withdrawal line to be reconsidered where it meets its supply routes, and for the prisoner exchange to run in stages.\n' +
      'Both delegations agreed to technical talks on verification with the monitoring mission.',
    history: [
      { status: 'planned', daysAgo: 34 },
      { status: 'confirmed', daysAgo: 30 },
      {
        status: 'postponed',
        daysAgo: 26,
        note: 'The Karst delegation asked for four more days to consult its capital.',
        moveTo: { daysAgo: 19 },
      },
      { status: 'confirmed', daysAgo: 24, note: 'Both delegations confirmed the new date.' },
      { status: 'held', daysAgo: 18.6 },
    ],
  },
  {
    title: 'Technical call on verification',
    daysAgo: 14,
    hours: ['14:00', '15:30'],
    timeZone: 'Europe/Vienna',
    placeKind: 'video',
    place: 'Secure video link (OSE bridge)',
    participants: [{ email: 'drafting@envoy.example' }, { party: 'ccv' }, { email: 'monitor@ccv.example' }],
    versions: [{ label: 'Draft 2', role: 'released' }],
    outcome:
      'The monitoring mission walked through the verification tasks of Draft 2 and received the text.\n' +
      'The mission needs 30 days from signature to deploy observers along the line of contact, and asks for a joint incident hotline from day one.',
    history: [
      { status: 'planned', daysAgo: 17 },
      { status: 'held', daysAgo: 13.9 },
    ],
  },
  {
    title: 'Envoy – Karst head of delegation',
    daysAgo: 10,
    hours: ['16:00', '16:45'],
    timeZone: 'Europe/Zurich',
    placeKind: 'phone',
    place: '',
    participants: [{ email: 'envoy@envoy.example' }, { email: 'lead@karst.example' }],
    versions: [],
    outcome:
      'Karst will send written comments on Draft 2 before the next round and is ready to attend a joint session in Geneva.',
    history: [
      { status: 'planned', daysAgo: 11 },
      { status: 'held', daysAgo: 9.9 },
    ],
  },
  {
    title: 'Second round',
    daysAgo: 5,
    hours: ['10:00', '17:00'],
    timeZone: 'Europe/Zurich',
    placeKind: 'in_person',
    place: 'Palais des Nations, Room XII, Geneva',
    participants: [
      { email: 'envoy@envoy.example' },
      { email: 'drafting@envoy.example' },
      { party: 'veloria' },
      { email: 'lead@veloria.example' },
      { email: 'legal@veloria.example' },
    ],
    versions: [
      { label: 'Draft 3', role: 'presented' },
      { label: 'Draft 3', role: 'released' },
    ],
    outcome:
      'Draft 3 was presented and handed to Veloria.\n' +
      'Veloria welcomed the clearer timetable for the ceasefire and the exchange of detainees, and will reply in writing on the Joint Commission.\n' +
      'The envoy will consult the other parties on the text before the third round.',
    history: [
      { status: 'planned', daysAgo: 15 },
      { status: 'confirmed', daysAgo: 9 },
      { status: 'held', daysAgo: 4.6 },
    ],
  },
  {
    title: 'Expert meeting on detainee lists',
    daysAgo: -2,
    hours: ['09:00', '13:00'],
    timeZone: 'Europe/Zurich',
    placeKind: 'in_person',
    place: 'Hotel Montreux Palace, Montreux',
    participants: [
      { email: 'drafting@envoy.example' },
      { party: 'veloria' },
      { party: 'karst' },
      { name: 'Dr. Lea Kaufmann, detention expert' },
    ],
    versions: [],
    outcome: '',
    history: [
      { status: 'planned', daysAgo: 12 },
      {
        status: 'postponed',
        daysAgo: 3,
        note: 'Lists from both sides are not complete yet; moved after the third round.',
        moveTo: { daysAgo: -16 },
      },
    ],
  },
  {
    title: 'Third round',
    daysAgo: -9,
    hours: ['10:00', '18:00'],
    timeZone: 'Europe/Zurich',
    placeKind: 'in_person',
    place: 'Palais des Nations, Room XVII, Geneva',
    participants: [
      { email: 'envoy@envoy.example' },
      { email: 'drafting@envoy.example' },
      { party: 'veloria' },
      { party: 'karst' },
      { party: 'bcc' },
      { party: 'ccv' },
    ],
    versions: [],
    outcome: '',
    history: [
      { status: 'planned', daysAgo: 4 },
      { status: 'confirmed', daysAgo: 2, note: 'All delegations confirmed; first joint session.' },
    ],
  },
  {
    title: 'Guarantors on the security guarantees',
    daysAgo: -12,
    hours: ['11:00', '13:00'],
    timeZone: 'Europe/Brussels',
    placeKind: 'video',
    place: 'BCC secure conference system',
    participants: [{ email: 'envoy@envoy.example' }, { party: 'bcc' }, { email: 'observer@bcc.example' }],
    versions: [],
    outcome: '',
    history: [
      { status: 'planned', daysAgo: 8 },
      {
        status: 'on_hold',
        daysAgo: 3,
        note: 'The Council ministers wait for the outcome of the third round.',
      },
    ],
  },
];

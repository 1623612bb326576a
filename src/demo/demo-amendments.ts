import type { AmendmentState } from '../domain/negotiation/amendment-workflow.ts';

/** Where the text an accepted amendment wrote into the draft can be read back from. */
export type DemoApplied = string | { asIn: 'Draft 3' | 'working draft' };

/** One amendment of the demo story, keyed by the point's number in its base version. */
export interface DemoAmendment {
  partyKey: 'veloria' | 'karst';
  authorEmail: string;
  base: 'Draft 2' | 'Draft 3';
  kind: 'replace' | 'add' | 'delete';
  /** The point replaced or deleted, or for a new point the one it follows. */
  point: string;
  text: string;
  rationale: string;
  state: AmendmentState;
  createdDaysAgo: number;
  submittedDaysAgo?: number;
  decision?: { daysAgo: number; reply: string; applied?: DemoApplied };
  /** The version cut after acceptance, which carries the text. */
  takenIn?: 'Draft 3';
}

const VEL = 'lead@veloria.example';
const VEL_LEGAL = 'legal@veloria.example';
const KRF = 'lead@karst.example';
const KRF_MIL = 'military@karst.example';

/**
 * What the parties asked for after Draft 2 was released (20 and 19 days ago), what the Envoy's team
 * answered before cutting Draft 3 a week ago, and what Veloria has asked since it received Draft 3.
 * The accepted ones are the origin of the changes Draft 3 and the working draft show.
 */
export const DEMO_AMENDMENTS: DemoAmendment[] = [
  {
    partyKey: 'veloria',
    authorEmail: VEL_LEGAL,
    base: 'Draft 2',
    kind: 'replace',
    point: '1',
    text: 'A comprehensive cessation of hostilities shall take effect along the entire line of contact within 96 hours of the signature of this Framework, and shall be announced simultaneously by both military commands.',
    rationale:
      'Our brigades in the northern sector cannot all be reached with written orders in 72 hours. A joint announcement removes any doubt about the starting hour.',
    state: 'partly_accepted',
    createdDaysAgo: 18,
    submittedDaysAgo: 17.5,
    decision: {
      daysAgo: 10,
      reply:
        'The 96 hours are taken in. The simultaneous announcement is better placed in the Commission’s rules of procedure than in the Framework.',
      applied: { asIn: 'Draft 3' },
    },
    takenIn: 'Draft 3',
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL,
    base: 'Draft 2',
    kind: 'replace',
    point: '3',
    text: 'Each party shall withdraw heavy weapons of a calibre above 100 mm to a distance of no less than 25 kilometres from the line of contact within 14 days.',
    rationale:
      'At 15 km the towns of Marrow and Sable Ford remain within range of the 152 mm systems deployed opposite them.',
    state: 'partly_accepted',
    createdDaysAgo: 17,
    submittedDaysAgo: 16,
    decision: {
      daysAgo: 9,
      reply:
        'We propose 20 km as a bridge between the two delegations’ figures; both guarantors consider it verifiable.',
      applied: { asIn: 'Draft 3' },
    },
    takenIn: 'Draft 3',
  },
  {
    partyKey: 'karst',
    authorEmail: KRF_MIL,
    base: 'Draft 2',
    kind: 'replace',
    point: '3',
    text: 'Each party shall withdraw heavy weapons of a calibre above 100 mm to a distance of no less than 10 kilometres from the line of contact within 30 days.',
    rationale:
      'A 15 km pull-back in 14 days is not feasible on the roads available to our units in winter; 10 km in 30 days is.',
    state: 'rejected',
    createdDaysAgo: 16,
    submittedDaysAgo: 15,
    decision: {
      daysAgo: 9,
      reply:
        'Not taken up: the guarantors advise that 10 km leaves the forward towns within artillery range. The timetable for the pull-back can be raised again at the next round.',
    },
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL,
    base: 'Draft 2',
    kind: 'replace',
    point: '4',
    text: 'A Joint Ceasefire Commission shall be formed of an equal number of officers from each party and chaired by a representative of the Special Envoy. The Commission shall meet at least weekly, investigate every reported violation within 72 hours and agree on measures to prevent its repetition.',
    rationale: 'Receiving reports is not enough: every violation must be investigated, and quickly.',
    state: 'accepted',
    createdDaysAgo: 15,
    submittedDaysAgo: 15,
    decision: {
      daysAgo: 9,
      reply: 'Accepted. The Commission’s tasks will stand as a point of their own in the next draft.',
      applied:
        'A Joint Ceasefire Commission shall be formed of an equal number of officers from each party and chaired by a representative of the Special Envoy. The Commission shall meet at least weekly, investigate every reported violation within 72 hours and agree on measures to prevent its repetition.',
    },
    takenIn: 'Draft 3',
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL_LEGAL,
    base: 'Draft 2',
    kind: 'replace',
    point: '6',
    text: 'The Consortium for Ceasefire Verification shall deploy an unarmed monitoring mission with unrestricted access to the demilitarised zone and to the areas of withdrawal. Its tasks shall include:\na) patrols along the line of contact and inside the demilitarised zone;\nb) fixed observation posts at the crossing points;\nc) aerial and satellite imagery shared with the Joint Ceasefire Commission;\nd) a public report every week.',
    rationale: 'A mission without a written mandate will be argued over from its first day.',
    state: 'partly_accepted',
    createdDaysAgo: 14,
    submittedDaysAgo: 13,
    decision: {
      daysAgo: 8,
      reply: 'The mandate is taken in; the Consortium can report every fortnight, not every week.',
      applied: { asIn: 'Draft 3' },
    },
    takenIn: 'Draft 3',
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL,
    base: 'Draft 2',
    kind: 'delete',
    point: '7',
    text: '',
    rationale:
      'The dam is a matter for the bilateral energy talks. (Withdrawn after the Vienna meeting: we can live with the mission protecting it.)',
    state: 'withdrawn',
    createdDaysAgo: 18,
    submittedDaysAgo: 18,
  },
  {
    partyKey: 'karst',
    authorEmail: KRF,
    base: 'Draft 2',
    kind: 'replace',
    point: '10',
    text: 'All persons detained in connection with the conflict shall be released and exchanged on the principle of "all for all" within 30 days.',
    rationale: 'Families have waited long enough; the lists are ready on our side.',
    state: 'partly_accepted',
    createdDaysAgo: 17,
    submittedDaysAgo: 16,
    decision: {
      daysAgo: 10,
      reply:
        'Veloria needs time to verify its lists with the humanitarian organisation. We meet halfway at 45 days.',
      applied:
        'All persons detained in connection with the conflict shall be released and exchanged on the principle of "all for all" within 45 days.',
    },
    takenIn: 'Draft 3',
  },
  {
    partyKey: 'karst',
    authorEmail: KRF,
    base: 'Draft 2',
    kind: 'add',
    point: '12',
    text: 'The parties shall grant an impartial humanitarian organisation access to all places of detention within 14 days of the signature of this Framework, and to every person detained in connection with the conflict.',
    rationale: 'Without access to detainees the exchange in point 10 cannot be verified.',
    state: 'submitted',
    createdDaysAgo: 12,
    submittedDaysAgo: 11,
  },
  {
    partyKey: 'karst',
    authorEmail: KRF,
    base: 'Draft 2',
    kind: 'delete',
    point: '17',
    text: '',
    rationale:
      'Elections in the affected districts belong to the status talks under point 16 and should not be prejudged here.',
    state: 'rejected',
    createdDaysAgo: 16,
    submittedDaysAgo: 16,
    decision: {
      daysAgo: 9,
      reply:
        'Not taken up: the elections remain part of the package. Their timing can be discussed together with point 16.',
    },
  },
  {
    partyKey: 'karst',
    authorEmail: KRF,
    base: 'Draft 2',
    kind: 'replace',
    point: '18',
    text: 'The member states of the Basin Cooperation Council shall lift the sanctions adopted against the Karst Federation upon the signature of this Framework.',
    rationale:
      'Staged relief keeps the sanctions as a lever long after the ceasefire holds. Our delegation cannot sign on that basis.',
    state: 'submitted',
    createdDaysAgo: 11,
    submittedDaysAgo: 10,
  },
  {
    partyKey: 'karst',
    authorEmail: KRF_MIL,
    base: 'Draft 2',
    kind: 'replace',
    point: '16',
    text: 'The parties shall open talks on the future status of the Orlen valley within 180 days of entry into force, under the auspices of the Special Envoy.',
    rationale: 'Ninety days is too short to prepare the status talks after the withdrawal.',
    state: 'draft',
    createdDaysAgo: 3,
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL_LEGAL,
    base: 'Draft 3',
    kind: 'replace',
    point: '20',
    text: 'An amnesty shall apply to acts committed in the course of the conflict. It shall not extend to war crimes, crimes against humanity or genocide, which shall be addressed by a joint commission on accountability.',
    rationale: 'The exception needs a mechanism, or it will remain words.',
    state: 'accepted',
    createdDaysAgo: 4.5,
    submittedDaysAgo: 4,
    decision: {
      daysAgo: 2,
      reply: 'Accepted; it is in the working draft and will be in the next version.',
      applied: { asIn: 'working draft' },
    },
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL,
    base: 'Draft 3',
    kind: 'replace',
    point: '10',
    text: 'The member states of the Basin Cooperation Council shall act as guarantors of this Framework. The scope of their guarantees shall be set out in a separate Protocol, to be concluded before the first phase of withdrawal begins.',
    rationale: 'The guarantees must be in place before our forces start to withdraw, not halfway through.',
    state: 'submitted',
    createdDaysAgo: 3,
    submittedDaysAgo: 3,
  },
  {
    partyKey: 'veloria',
    authorEmail: VEL_LEGAL,
    base: 'Draft 3',
    kind: 'replace',
    point: '18',
    text: 'The member states of the Basin Cooperation Council shall suspend the sanctions adopted against the Karst Federation in stages, each stage beginning only after the Consortium for Ceasefire Verification has reported the complete withdrawal of the forces concerned.',
    rationale: 'Internal draft: to be cleared with the Foreign Ministry before it goes to the Envoy.',
    state: 'draft',
    createdDaysAgo: 1.5,
  },
];

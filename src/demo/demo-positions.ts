import type { Stance } from '../domain/negotiation/stance-history.ts';

/**
 * Where the demo's parties stood on each point, version by version: Veloria on Drafts 1–3,
 * Karst on Draft 2 (the only text it holds), the guarantors (BCC) on the points that bind them in
 * Drafts 1 and 2. Read down a party's lines to see it move: Veloria warms to the guarantees once
 * a Protocol is promised, Karst opposes the withdrawal line and the demilitarised zone.
 */
export interface DemoPosition {
  partyKey: 'veloria' | 'karst' | 'bcc';
  versionLabel: 'Draft 1' | 'Draft 2' | 'Draft 3';
  /** The point's number in that version. */
  pointNumber: string;
  stance: Stance;
  priority: number;
  rationale: string;
  /** Whether the rationale is shared with the mediator. */
  shared: boolean;
  authorEmail: string;
  daysAgo: number;
}

type Line = [pointNumber: string, stance: Stance, priority: number, rationale: string, shared?: boolean];

const VEL_LEAD = 'lead@veloria.example';
const VEL_LEGAL = 'legal@veloria.example';
const KRF_LEAD = 'lead@karst.example';
const KRF_MILITARY = 'military@karst.example';
const BCC = 'observer@bcc.example';

/** One party's stances on one version, stated over a few days from `daysAgo` on. */
function round(
  partyKey: DemoPosition['partyKey'],
  versionLabel: DemoPosition['versionLabel'],
  daysAgo: number,
  author: (pointNumber: string) => string,
  lines: Line[],
): DemoPosition[] {
  return lines.map(([pointNumber, stance, priority, rationale, shared = false], i) => ({
    partyKey,
    versionLabel,
    pointNumber,
    stance,
    priority,
    rationale,
    shared,
    authorEmail: author(pointNumber),
    daysAgo: daysAgo - i * 0.15,
  }));
}

const velAuthor = (n: string) => (['3', '6', '8', '10', '14'].includes(n) ? VEL_LEAD : VEL_LEGAL);
const krfAuthor = (n: string) => (['3', '5', '6', '8', '14'].includes(n) ? KRF_MILITARY : KRF_LEAD);

export const demoPositions: DemoPosition[] = [
  ...round('veloria', 'Draft 1', 38, velAuthor, [
    ['1', 'support', 4, 'A full cessation along the whole line is our first aim.', true],
    ['2', 'support', 4, 'The list of prohibited operations matches our proposal in Geneva.'],
    [
      '3',
      'oppose',
      5,
      'A fixed withdrawal timetable without verification on the ground leaves our positions exposed.',
      true,
    ],
    ['4', 'reservations', 3, 'An equal commission deadlocks; the chair needs a casting vote.', true],
    ['5', 'support', 2, 'A hotline is cheap insurance against accidents.'],
    ['6', 'reservations', 5, 'Ten kilometres is acceptable only if the zone is monitored from day one.'],
    ['7', 'support', 4, 'We want the monitors in place before any withdrawal starts.', true],
    ['8', 'oppose', 4, 'A 40,000 ceiling ties our hands while Karst reserves stay just across the line.'],
    [
      '9',
      'reservations',
      5,
      'A guarantee of "inviolability" means nothing without a mechanism; ask what the Council will actually do.',
      true,
    ],
    ['10', 'support', 3, 'Minefield records first: our farmers are losing the season.'],
    ['11', 'support', 5, 'All for all, without conditions. Cabinet is united on this.', true],
    ['12', 'support', 5, 'Non-negotiable for us: the children come home.', true],
    ['13', 'support', 3, ''],
    ['14', 'support', 4, 'Marrow and Sable Ford are cut off; 48 hours is the most we can wait.'],
    [
      '15',
      'reservations',
      4,
      'A bare "right to return" without property restitution will not pass parliament.',
    ],
    ['16', 'reservations', 5, 'Talks on status, yes; nothing in the text may prejudge the outcome.'],
    ['17', 'undecided', 3, 'Depends on who runs the voter rolls.'],
    ['18', 'undecided', 2, 'For the guarantors to decide; we ask only that it follows withdrawal.'],
    ['19', 'support', 3, ''],
    ['20', 'reservations', 4, 'The exceptions must name those responsible for the Istrel shelling.'],
  ]),
  ...round('bcc', 'Draft 1', 37, () => BCC, [
    ['7', 'support', 3, 'Council members can fund the first year of the mission.', true],
    [
      '9',
      'oppose',
      5,
      'Our members cannot give an open-ended guarantee of inviolability; the scope must be defined in a separate instrument.',
      true,
    ],
    ['18', 'reservations', 4, 'Suspension in stages only, each tied to verified steps.', true],
    ['19', 'support', 3, ''],
  ]),

  ...round('veloria', 'Draft 2', 17, velAuthor, [
    ['1', 'support', 4, ''],
    ['2', 'support', 4, ''],
    [
      '3',
      'oppose',
      5,
      'Still no verification before withdrawal. Cabinet will not accept a fixed date on its own.',
    ],
    ['4', 'support', 3, 'Weekly meetings and an envoy chair answer our concern.', true],
    ['5', 'reservations', 5, 'Zone acceptable; we need the monitors inside it before our units pull back.'],
    ['6', 'support', 4, ''],
    ['7', 'support', 4, 'Protecting the Vell dam was our request; welcome.', true],
    ['8', 'reservations', 4, 'The ceiling is tolerable if Annex B covers the Karst side of the valley too.'],
    ['9', 'support', 5, 'A Protocol before phase two is the mechanism we asked for.', true],
    ['10', 'support', 5, ''],
    ['11', 'support', 5, ''],
    ['12', 'support', 3, ''],
    ['13', 'support', 4, ''],
    ['14', 'support', 3, 'Moving demining to the humanitarian part is right.'],
    ['15', 'support', 4, 'Property recovery or compensation is now in: we can carry this.', true],
    ['16', 'reservations', 5, 'Under the auspices of the Envoy, fine; the 90 days are too short.'],
    ['17', 'reservations', 3, 'Acceptable if the CCV also observes voter registration.'],
    ['18', 'reservations', 3, 'The first stage must not come before verified withdrawal.', true],
    ['19', 'support', 3, ''],
    ['20', 'reservations', 4, 'Same concern as on Draft 1: name the exceptions.'],
  ]),
  ...round('karst', 'Draft 2', 16, krfAuthor, [
    ['1', 'reservations', 4, 'Seventy-two hours is too short to reach every unit in the mountains.', true],
    ['2', 'support', 3, ''],
    [
      '3',
      'oppose',
      5,
      'The 15 km withdrawal line puts our depots at Velin out of reach. We can offer 10 km or a corridor.',
      true,
    ],
    ['4', 'support', 3, ''],
    ['5', 'oppose', 5, 'A demilitarised zone only on the valley floor leaves the heights to them.'],
    ['6', 'reservations', 4, 'Unrestricted access must stop at the zone; no inspections of our rear.', true],
    ['7', 'reservations', 3, 'The interconnector yes; the dam is ours and stays under our operation.'],
    ['8', 'support', 4, 'A ceiling on both sides is fair.'],
    ['9', 'oppose', 4, 'The Council is not neutral. Guarantors must include states acceptable to us.', true],
    ['10', 'support', 5, 'All for all within 60 days; we have the lists ready.', true],
    ['11', 'reservations', 3, 'Each case verified by the humanitarian organisation, not by the other side.'],
    ['12', 'support', 3, ''],
    ['13', 'reservations', 3, 'Forty-eight hours is not enough to clear the approach roads.'],
    ['14', 'support', 2, ''],
    ['15', 'oppose', 4, 'Return and property claims reopen every settlement since the war began.'],
    ['16', 'support', 5, 'Status talks are why we are at the table.', true],
    ['17', 'undecided', 3, 'We want to see the monitoring terms first.'],
    [
      '18',
      'reservations',
      5,
      'Stages are too slow: the first must take effect at signature, not after months of verification.',
      true,
    ],
    ['19', 'support', 3, ''],
    ['20', 'support', 5, 'A broad amnesty is essential for our veterans.'],
  ]),
  // Karst's military adviser hardens on the demilitarised zone after the Vienna talks.
  ...round('karst', 'Draft 2', 12, () => KRF_MILITARY, [
    ['17', 'oppose', 3, 'The monitoring terms leave the voter rolls to Veloria; we cannot accept that.'],
  ]),
  ...round('bcc', 'Draft 2', 15, () => BCC, [
    ['6', 'support', 3, '', false],
    ['7', 'support', 3, 'Members will help protect the dam and interconnector.', true],
    ['9', 'support', 5, 'A separate Protocol is what our ministers asked for.', true],
    ['18', 'support', 4, 'Staged suspension tied to verification: agreed by the Council.', true],
  ]),

  ...round('veloria', 'Draft 3', 4, velAuthor, [
    ['1', 'support', 4, 'Ninety-six hours accommodates Karst without hurting us.', true],
    ['3', 'reservations', 5, 'Twenty kilometres is better; we still want a verification step.', true],
    ['4', 'support', 3, ''],
    ['5', 'support', 4, 'We can live with 72 hours if the Commission meets within the first day.', true],
    ['6', 'reservations', 5, ''],
    ['7', 'support', 4, 'The listed tasks are what we asked for.'],
    ['8', 'support', 4, ''],
    ['9', 'reservations', 4, ''],
    ['10', 'support', 5, ''],
    [
      '11',
      'reservations',
      5,
      'Merging the children into the detainee exchange risks making their return a bargaining chip.',
    ],
    ['12', 'support', 3, ''],
    ['14', 'support', 3, ''],
    ['15', 'support', 4, ''],
    ['16', 'oppose', 5, 'Ninety days under the Envoy prejudges the status. Hold the line on this.'],
    ['17', 'reservations', 3, ''],
    ['18', 'reservations', 3, ''],
    ['19', 'support', 4, 'The priority list for the Fund matches our needs assessment.', true],
    ['20', 'reservations', 4, ''],
  ]),
];

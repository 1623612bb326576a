import type { DraftOp } from '../domain/plans/edit/draft-op.schema.ts';
import type { PlanContent, PlanItem } from '../domain/plans/plan.ts';

/**
 * The edits that turn Draft 1 into Draft 2, Draft 3 and the working draft. Each step builds its
 * op from the current content and a lookup of demo keys to point/area ids; a step that creates a
 * point (add, split) names it with `creates` so later steps can refer to it.
 */
export interface DemoStep {
  creates?: string;
  op: (plan: PlanContent, id: (key: string) => string) => DraftOp;
}

function reword(key: string, text: string): DemoStep {
  return { op: (_, id) => ({ type: 'updatePoint', pointId: id(key), text }) };
}

/** Replaces one phrase, so a changed timeline stays a small word-level change in the redline. */
function amend(key: string, from: string, to: string): DemoStep {
  return {
    op: (plan, id) => {
      const text = plan.points.find((p) => p.id === id(key))?.text ?? '';
      if (!text.includes(from)) throw new Error(`demo edit: "${from}" is not in point ${key}`);
      return { type: 'updatePoint', pointId: id(key), text: text.replace(from, to) };
    },
  };
}

function subItems(key: string, ...texts: string[]): DemoStep {
  const items: PlanItem[] = texts.map((text, i) => ({ label: String.fromCharCode(97 + i), text }));
  return { op: (_, id) => ({ type: 'updatePoint', pointId: id(key), items }) };
}

function agree(key: string, status: 'agreed' | 'contested' | 'open' = 'agreed'): DemoStep {
  return { op: (_, id) => ({ type: 'updatePoint', pointId: id(key), status }) };
}

/** Draft 1 → Draft 2: three rewordings, a new point, a deletion and a point moved to another area. */
export const TO_DRAFT_TWO: DemoStep[] = [
  reword(
    'dmz',
    'A demilitarised zone extending 10 kilometres on each side of the line of contact shall be established in the Orlen valley. Only the monitoring mission and local civilian police may carry arms inside the zone.',
  ),
  reword(
    'guarantees',
    'The member states of the Basin Cooperation Council shall act as guarantors of this Framework. The scope of their guarantees shall be set out in a separate Protocol, to be concluded before the second phase of withdrawal begins.',
  ),
  reword(
    'return',
    'Refugees and displaced persons shall have the right to return voluntarily, in safety and dignity, to their homes, and to recover their property or receive fair compensation for it.',
  ),
  {
    creates: 'energy',
    op: (_, id) => ({
      type: 'addPoint',
      afterPointId: id('mission'),
      areaId: id('area:security'),
      text: 'The Vell hydroelectric dam and the power interconnector between the two countries shall be placed under the protection of the monitoring mission. Neither party shall use them for military purposes or interrupt their operation.',
      items: [],
      tags: ['humanitarian', 'reconstruction', 'monitoring'],
    }),
  },
  // The hotline is folded into the Joint Ceasefire Commission, which both delegations preferred.
  { op: (_, id) => ({ type: 'deletePoint', pointId: id('hotline') }) },
  // Demining is a humanitarian task first: it moves next to the corridors.
  {
    op: (_, id) => ({
      type: 'movePoint',
      pointId: id('mines'),
      afterPointId: id('corridors'),
      areaId: id('area:humanitarian'),
    }),
  },
];

/** Draft 2 → Draft 3: a split, a merge, longer timelines, new sub-items and the first agreed points. */
export const TO_DRAFT_THREE: DemoStep[] = [
  amend('ceasefire', 'within 72 hours', 'within 96 hours'),
  amend('heavy-weapons', 'no less than 15 kilometres', 'no less than 20 kilometres'),
  amend('exchange', 'within 60 days', 'within 45 days'),
  {
    creates: 'commission-work',
    op: (plan, id) => {
      const text = plan.points.find((p) => p.id === id('commission'))?.text ?? '';
      return { type: 'splitPoint', pointId: id('commission'), at: text.indexOf('The Commission shall') };
    },
  },
  amend(
    'commission-work',
    'receive reports of violations and agree on measures to prevent their repetition',
    'investigate every reported violation within 72 hours and agree on measures to prevent its repetition',
  ),
  { op: (_, id) => ({ type: 'mergePoints', pointIds: [id('exchange'), id('civilians')] }) },
  amend('mission', 'to the areas of withdrawal.', 'to the areas of withdrawal. Its tasks shall include:'),
  subItems(
    'mission',
    'patrols along the line of contact and inside the demilitarised zone;',
    'fixed observation posts at the crossing points;',
    'aerial and satellite imagery shared with the Joint Ceasefire Commission;',
    'a public report every fortnight.',
  ),
  amend('fund', 'international partners.', 'international partners, and shall give priority to:'),
  subItems(
    'fund',
    'housing, schools and hospitals in the Orlen valley;',
    'the power and water networks damaged in the conflict;',
    'the reopening of the Istrel–Karst railway to civilian traffic.',
  ),
  agree('ceasefire'),
  agree('refrain'),
  agree('corridors'),
];

/** Draft 3 → the working draft: the mediators' edits since the last version was cut. */
export const TO_WORKING_DRAFT: DemoStep[] = [
  reword(
    'amnesty',
    'An amnesty shall apply to acts committed in the course of the conflict. It shall not extend to war crimes, crimes against humanity or genocide, which shall be addressed by a joint commission on accountability.',
  ),
  agree('guarantees'),
  {
    creates: 'implementation',
    op: (_, id) => ({
      type: 'addPoint',
      afterPointId: id('amnesty'),
      areaId: id('area:political'),
      text: 'This Framework shall enter into force upon signature. An Implementation Committee chaired by the Special Envoy shall oversee its implementation and report to the parties every three months.',
      items: [],
      tags: ['implementation', 'monitoring'],
    }),
  },
  {
    op: (_, id) => ({
      type: 'addNote',
      afterPointId: id('sanctions'),
      text: '[The delegation of the Karst Federation has reserved its position on the sequencing of sanctions relief.]',
    }),
  },
];

import { AppError } from '../shared/app-error.ts';

/** Where an amendment stands: a party's draft, before the mediator, or decided for good. */
export type AmendmentState =
  | 'draft'
  | 'submitted'
  | 'accepted'
  | 'partly_accepted'
  | 'rejected'
  | 'withdrawn';

export const AMENDMENT_STATES: readonly AmendmentState[] = [
  'draft',
  'submitted',
  'accepted',
  'partly_accepted',
  'rejected',
  'withdrawn',
];

/** What can be done to an amendment; `edit` changes its text and keeps it a draft. */
export type AmendmentAction = 'edit' | 'submit' | 'withdraw' | 'accept' | 'partly_accept' | 'reject';

export const AMENDMENT_ACTIONS: readonly AmendmentAction[] = [
  'edit',
  'submit',
  'withdraw',
  'accept',
  'partly_accept',
  'reject',
];

/** Who acts: a delegate of the party that proposed it, or the mediator team. */
export type WorkflowActor = 'delegate' | 'mediator';

/** The mediator's three answers to a submitted amendment. */
export type AmendmentDecision = 'accept' | 'partly_accept' | 'reject';

interface Transition {
  from: readonly AmendmentState[];
  to: AmendmentState | 'same';
  by: WorkflowActor;
}

/**
 * The workflow. A party works on its draft, submits it and may withdraw it until the mediator
 * decides; the mediator decides only what was submitted; nothing leaves a decided or withdrawn state,
 * because the record of what was asked and answered is the negotiation history.
 */
const TRANSITIONS: Record<AmendmentAction, Transition> = {
  edit: { from: ['draft'], to: 'same', by: 'delegate' },
  submit: { from: ['draft'], to: 'submitted', by: 'delegate' },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', by: 'delegate' },
  accept: { from: ['submitted'], to: 'accepted', by: 'mediator' },
  partly_accept: { from: ['submitted'], to: 'partly_accepted', by: 'mediator' },
  reject: { from: ['submitted'], to: 'rejected', by: 'mediator' },
};

const FINAL: ReadonlySet<AmendmentState> = new Set(['accepted', 'partly_accepted', 'rejected', 'withdrawn']);

const VERB: Record<AmendmentAction, string> = {
  edit: 'edit',
  submit: 'submit',
  withdraw: 'withdraw',
  accept: 'accept',
  partly_accept: 'partly accept',
  reject: 'reject',
};

const AS_STATE: Record<AmendmentState, string> = {
  draft: 'is still a draft',
  submitted: 'was submitted',
  accepted: 'was accepted',
  partly_accepted: 'was partly accepted',
  rejected: 'was rejected',
  withdrawn: 'was withdrawn',
};

/** What would let the action go ahead, said once the refusal is explained. */
const HINT: Record<AmendmentAction, string> = {
  edit: 'only drafts can be edited; withdraw it and propose a new one',
  submit: 'only drafts can be submitted',
  withdraw: 'only drafts and submitted amendments awaiting a decision can be withdrawn',
  accept: 'only submitted amendments can be decided',
  partly_accept: 'only submitted amendments can be decided',
  reject: 'only submitted amendments can be decided',
};

/** Whether the state is decided or withdrawn, i.e. can no longer change. */
export function isFinalState(state: AmendmentState): boolean {
  return FINAL.has(state);
}

/** The state the amendment is in after `action`, without checking that it is allowed. */
function targetOf(state: AmendmentState, action: AmendmentAction): AmendmentState {
  const to = TRANSITIONS[action].to;
  return to === 'same' ? state : to;
}

/** The actions `actor` may take on an amendment in `state`, each with the state it leads to. */
export function allowedTransitions(
  state: AmendmentState,
  actor: WorkflowActor,
): { action: AmendmentAction; to: AmendmentState }[] {
  return AMENDMENT_ACTIONS.filter((a) => {
    const t = TRANSITIONS[a];
    return t.by === actor && t.from.includes(state);
  }).map((action) => ({ action, to: targetOf(state, action) }));
}

/**
 * Checks one step of the workflow and returns the state it leads to; throws `transition.not_allowed`
 * (409) saying why ("cannot accept an amendment that was withdrawn") when the step is not allowed.
 */
export function assertTransition(
  state: AmendmentState,
  action: AmendmentAction,
  actor: WorkflowActor,
): AmendmentState {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state)) {
    throw new AppError(
      'transition.not_allowed',
      `cannot ${VERB[action]} an amendment that ${AS_STATE[state]}: ${HINT[action]}`,
      { extra: { state, action } },
    );
  }
  if (t.by !== actor) {
    const who =
      t.by === 'mediator' ? 'the mediator decides on amendments' : 'the party that proposed it does';
    throw new AppError('transition.not_allowed', `cannot ${VERB[action]} this amendment: ${who}`, {
      extra: { state, action },
    });
  }
  return targetOf(state, action);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import {
  AMENDMENT_ACTIONS,
  AMENDMENT_STATES,
  type AmendmentAction,
  type AmendmentState,
  allowedTransitions,
  assertTransition,
  isFinalState,
  type WorkflowActor,
} from './amendment-workflow.ts';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('amendment workflow', () => {
  it('walks draft → submitted → each decision', () => {
    expect(assertTransition('draft', 'edit', 'delegate')).toBe('draft');
    expect(assertTransition('draft', 'submit', 'delegate')).toBe('submitted');
    expect(assertTransition('submitted', 'accept', 'mediator')).toBe('accepted');
    expect(assertTransition('submitted', 'partly_accept', 'mediator')).toBe('partly_accepted');
    expect(assertTransition('submitted', 'reject', 'mediator')).toBe('rejected');
  });

  it('lets the party withdraw a draft or a submitted amendment, not a decided one', () => {
    expect(assertTransition('draft', 'withdraw', 'delegate')).toBe('withdrawn');
    expect(assertTransition('submitted', 'withdraw', 'delegate')).toBe('withdrawn');
    const error = refusal(() => assertTransition('accepted', 'withdraw', 'delegate'));
    expect(error.code).toBe('transition.not_allowed');
    expect(error.message).toMatch(/^cannot withdraw an amendment that was accepted/);
  });

  it('says plainly why a withdrawn amendment cannot be accepted', () => {
    const error = refusal(() => assertTransition('withdrawn', 'accept', 'mediator'));
    expect(error.code).toBe('transition.not_allowed');
    expect(error.message).toContain('cannot accept an amendment that was withdrawn');
    expect(error.extra).toEqual({ state: 'withdrawn', action: 'accept' });
  });

  it('edits only drafts, and decides only what was submitted', () => {
    expect(refusal(() => assertTransition('submitted', 'edit', 'delegate')).message).toContain(
      'cannot edit an amendment that was submitted: only drafts can be edited',
    );
    expect(refusal(() => assertTransition('draft', 'accept', 'mediator')).message).toContain(
      'cannot accept an amendment that is still a draft',
    );
  });

  it('keeps decisions with the mediator and the rest with the party', () => {
    expect(refusal(() => assertTransition('submitted', 'accept', 'delegate')).message).toContain(
      'the mediator decides',
    );
    expect(refusal(() => assertTransition('draft', 'submit', 'mediator')).code).toBe(
      'transition.not_allowed',
    );
    expect(allowedTransitions('submitted', 'mediator').map((t) => t.action)).toEqual([
      'accept',
      'partly_accept',
      'reject',
    ]);
    expect(allowedTransitions('submitted', 'delegate')).toEqual([{ action: 'withdraw', to: 'withdrawn' }]);
    expect(allowedTransitions('draft', 'delegate').map((t) => t.action)).toEqual([
      'edit',
      'submit',
      'withdraw',
    ]);
  });

  it('offers nothing in a final state', () => {
    for (const state of AMENDMENT_STATES.filter(isFinalState)) {
      expect(allowedTransitions(state, 'delegate')).toEqual([]);
      expect(allowedTransitions(state, 'mediator')).toEqual([]);
    }
    expect(AMENDMENT_STATES.filter(isFinalState)).toEqual([
      'accepted',
      'partly_accepted',
      'rejected',
      'withdrawn',
    ]);
  });

  const step = fc.record({
    action: fc.constantFrom(...AMENDMENT_ACTIONS),
    actor: fc.constantFrom<WorkflowActor>('delegate', 'mediator'),
  });

  /** Runs random steps from a draft, keeping the state after each allowed one. */
  function run(steps: { action: AmendmentAction; actor: WorkflowActor }[]) {
    let state: AmendmentState = 'draft';
    const trail: AmendmentState[] = [state];
    for (const s of steps) {
      try {
        state = assertTransition(state, s.action, s.actor);
        trail.push(state);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'transition.not_allowed') throw error;
      }
    }
    return trail;
  }

  it('never leaves a final state, whatever is tried after it (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const trail = run(steps);
        const first = trail.findIndex(isFinalState);
        if (first !== -1) for (const s of trail.slice(first)) expect(s).toBe(trail[first]);
      }),
    );
  });

  it('reaches a decision only through submission, and a submission only from a draft (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const trail = run(steps);
        for (let i = 1; i < trail.length; i++) {
          const [from, to] = [trail[i - 1], trail[i]];
          if (to === 'accepted' || to === 'partly_accepted' || to === 'rejected')
            expect(from).toBe('submitted');
          if (to === 'submitted') expect(from).toBe('draft');
        }
      }),
    );
  });

  it('agrees with allowedTransitions on every state, action and actor (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...AMENDMENT_STATES), step, (state, { action, actor }) => {
        const allowed = allowedTransitions(state, actor).find((t) => t.action === action);
        if (allowed) expect(assertTransition(state, action, actor)).toBe(allowed.to);
        else
          expect(refusal(() => assertTransition(state, action, actor)).code).toBe('transition.not_allowed');
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import {
  checkEventStatusChange,
  checkEventTransition,
  isFinalEventStatus,
  mayMoveProgress,
  nextEventStatuses,
} from './event-verification.ts';
import { EVENT_STATUSES, type EventStatus } from './monitoring-model.ts';

const ALLOWED: [EventStatus, EventStatus][] = [
  ['received', 'under_investigation'],
  ['received', 'dismissed'],
  ['under_investigation', 'verified'],
  ['under_investigation', 'unverified'],
  ['under_investigation', 'dismissed'],
  ['unverified', 'under_investigation'],
];

describe('event verification workflow', () => {
  it('allows exactly the moves of the contract', () => {
    for (const from of EVENT_STATUSES)
      for (const to of EVENT_STATUSES) {
        const allowed = ALLOWED.some(([a, b]) => a === from && b === to);
        if (allowed) expect(() => checkEventTransition(from, to)).not.toThrow();
        else expect(() => checkEventTransition(from, to)).toThrow(AppError);
        expect(nextEventStatuses(from).includes(to)).toBe(allowed);
      }
    expect(EVENT_STATUSES.filter(isFinalEventStatus)).toEqual(['verified', 'dismissed']);
  });

  it('refuses a move with 409 transition.not_allowed, naming from, to and what is allowed', () => {
    const error = (() => {
      try {
        checkEventTransition('received', 'verified');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error?.code).toBe('transition.not_allowed');
    expect(error?.message).toBe(
      'a received event report cannot become verified; it can become under investigation or dismissed',
    );
    expect(error?.extra).toEqual({
      from: 'received',
      to: 'verified',
      allowed: ['under_investigation', 'dismissed'],
    });
    expect(() => checkEventTransition('verified', 'dismissed')).toThrow(
      'a verified event report is final: it cannot become dismissed',
    );
  });

  it('attributes to a party only on verified or unverified', () => {
    expect(() =>
      checkEventStatusChange({ from: 'under_investigation', to: 'verified', attributedPartyId: 'krf' }),
    ).not.toThrow();
    expect(() =>
      checkEventStatusChange({ from: 'under_investigation', to: 'unverified', attributedPartyId: 'krf' }),
    ).not.toThrow();
    expect(() =>
      checkEventStatusChange({ from: 'received', to: 'dismissed', attributedPartyId: 'krf' }),
    ).toThrow('body.attributedPartyId');
  });

  it('lets only verified reports move commitment progress', () => {
    expect(EVENT_STATUSES.filter(mayMoveProgress)).toEqual(['verified']);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.ts';
import {
  checkStatusChange,
  isFinalStatus,
  MEETING_STATUSES,
  nextStatuses,
  type StatusChange,
} from './meeting-status.ts';

const base: StatusChange = {
  from: 'planned',
  to: 'confirmed',
  currentStartsAt: '2025-06-12T08:00:00.000Z',
  dateToBeFixed: false,
  newStartsAt: null,
  toBeFixed: false,
  now: '2025-06-01T00:00:00.000Z',
};
const errorOf = (change: Partial<StatusChange>) => {
  try {
    checkStatusChange({ ...base, ...change });
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.problems[0]?.field };
    throw error;
  }
  return null;
};

describe('meeting status', () => {
  it('keeps held and cancelled final', () => {
    expect(isFinalStatus('held')).toBe(true);
    expect(isFinalStatus('cancelled')).toBe(true);
    for (const to of MEETING_STATUSES) {
      expect(errorOf({ from: 'cancelled', to })).toEqual({
        code: 'transition.not_allowed',
        field: undefined,
      });
      expect(errorOf({ from: 'held', to })).toEqual({ code: 'transition.not_allowed', field: undefined });
    }
  });

  it('allows the ordinary life of a meeting', () => {
    expect(errorOf({ from: 'planned', to: 'confirmed' })).toBeNull();
    expect(errorOf({ from: 'confirmed', to: 'on_hold' })).toBeNull();
    expect(errorOf({ from: 'on_hold', to: 'confirmed' })).toBeNull();
    expect(errorOf({ from: 'confirmed', to: 'held', now: '2025-06-12T09:00:00.000Z' })).toBeNull();
    expect(errorOf({ from: 'planned', to: 'cancelled' })).toBeNull();
    expect(nextStatuses('confirmed')).not.toContain('planned');
    expect(errorOf({ from: 'planned', to: 'planned' })?.code).toBe('transition.not_allowed');
  });

  it('postpones to a later date or to a date to be fixed, never neither nor both', () => {
    const later = '2025-06-19T08:00:00.000Z';
    expect(errorOf({ to: 'postponed', newStartsAt: later })).toBeNull();
    expect(errorOf({ to: 'postponed', toBeFixed: true })).toBeNull();
    expect(errorOf({ to: 'postponed' })).toEqual({ code: 'validation.failed', field: 'body.startsAt' });
    expect(errorOf({ to: 'postponed', toBeFixed: true, newStartsAt: later })?.field).toBe('body.toBeFixed');
    expect(errorOf({ to: 'postponed', newStartsAt: '2025-06-05T08:00:00.000Z' })?.field).toBe(
      'body.startsAt',
    );
    expect(errorOf({ from: 'postponed', to: 'postponed', newStartsAt: later })).toBeNull();
    expect(errorOf({ to: 'confirmed', toBeFixed: true })?.field).toBe('body.toBeFixed');
  });

  it('asks for the date when a postponed meeting whose date was to be fixed is planned again', () => {
    const change = { from: 'postponed' as const, dateToBeFixed: true };
    expect(errorOf({ ...change, to: 'confirmed' })?.field).toBe('body.startsAt');
    expect(errorOf({ ...change, to: 'confirmed', newStartsAt: '2025-07-01T08:00:00.000Z' })).toBeNull();
    expect(errorOf({ ...change, to: 'held', now: '2026-01-01T00:00:00.000Z' })?.field).toBe('body.status');
  });

  it('records a meeting as held only once it has started, at the time it had', () => {
    expect(errorOf({ to: 'held' })).toEqual({ code: 'validation.failed', field: 'body.status' });
    expect(
      errorOf({ to: 'held', now: '2025-07-01T00:00:00.000Z', newStartsAt: '2025-06-13T08:00:00.000Z' })
        ?.field,
    ).toBe('body.startsAt');
  });
});

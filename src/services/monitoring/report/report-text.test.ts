import { describe, expect, it } from 'vitest';
import { deadlineText, formatInstant, formatPercent, progressText, scoreText } from './report-text.ts';

const numberOf = (id: string) => (id === 'cmt_1' ? '#1' : 'another commitment');

describe('report wording', () => {
  it('says when a commitment is due, and what its clock waits for', () => {
    const zone = 'Europe/Zurich';
    expect(
      deadlineText({ deadline: { kind: 'none' }, deadlineAt: null, waitingFor: null }, zone, numberOf),
    ).toBe('No deadline');
    expect(
      deadlineText(
        {
          deadline: { kind: 'absolute', local: '2027-03-28T12:00', zone },
          deadlineAt: '2027-03-28T10:00:00.000Z',
          waitingFor: null,
        },
        zone,
        numberOf,
      ),
    ).toBe('28 Mar 2027, 12:00 CEST');
    expect(
      deadlineText(
        {
          deadline: { kind: 'after_entry_into_force', amount: 72, unit: 'hours' },
          deadlineAt: '2027-03-04T11:00:00.000Z',
          waitingFor: null,
        },
        zone,
        numberOf,
      ),
    ).toBe('4 Mar 2027, 12:00 CET (72 hours after entry into force)');
    expect(
      deadlineText(
        {
          deadline: { kind: 'after_entry_into_force', amount: 1, unit: 'days' },
          deadlineAt: null,
          waitingFor: 'entry_into_force',
        },
        zone,
        numberOf,
      ),
    ).toBe('1 day after entry into force; not yet in force');
    expect(
      deadlineText(
        {
          deadline: { kind: 'after_commitment', amount: 30, unit: 'days', commitmentId: 'cmt_1' },
          deadlineAt: null,
          waitingFor: 'commitment',
        },
        zone,
        numberOf,
      ),
    ).toBe('30 days after #1 is completed; the clock has not started yet');
  });

  it('puts progress, percentages and scores into words', () => {
    const base = { quantityDone: 0, targetQuantity: null, targetUnit: null, completedAt: null };
    expect(progressText(base, 'UTC')).toBe('—');
    expect(
      progressText({ ...base, quantityDone: 1200, targetQuantity: 1968, targetUnit: 'detainees' }, 'UTC'),
    ).toBe('1,200 / 1,968 detainees (61 %)');
    expect(
      progressText(
        { ...base, quantityDone: 25, targetQuantity: 20, completedAt: '2027-03-02T08:30:00.000Z' },
        'UTC',
      ),
    ).toBe('25 / 20 (100 %); completed 2 Mar 2027, 08:30 UTC');
    expect(formatPercent(33.333)).toBe('33.3 %');
    expect(formatPercent(50)).toBe('50 %');
    expect(formatPercent(99.96)).toBe('100 %');
    expect(scoreText(null)).toBe('Not scored');
    expect(scoreText(2)).toBe('2 — intermediate');
    expect(formatInstant('not a date', 'UTC')).toBe('not a date');
  });
});

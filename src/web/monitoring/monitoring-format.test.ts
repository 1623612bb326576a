import { describe, expect, it } from 'vitest';
import {
  amountLabel,
  describeDeadline,
  formatDay,
  formatInZone,
  fromLocalInput,
  percentLabel,
  relativeDue,
  toLocalInput,
} from './monitoring-format.ts';

describe('monitoring wording', () => {
  it('says a deadline the way the text does', () => {
    const titles = new Map([['c1', 'Release of hostages']]);
    const titleOf = (id: string) => titles.get(id);
    expect(describeDeadline({ kind: 'none' }, titleOf)).toBe('No deadline');
    expect(describeDeadline({ kind: 'after_entry_into_force', amount: 72, unit: 'hours' }, titleOf)).toBe(
      '72 hours after entry into force',
    );
    expect(
      describeDeadline({ kind: 'after_commitment', amount: 30, unit: 'days', commitmentId: 'c1' }, titleOf),
    ).toBe('30 days after “Release of hostages” is completed');
    expect(
      describeDeadline(
        { kind: 'after_commitment', amount: 1, unit: 'months', commitmentId: 'gone' },
        titleOf,
      ),
    ).toBe('1 month after another commitment is completed');
    expect(
      describeDeadline({ kind: 'absolute', local: '2027-03-01T12:00', zone: 'Europe/Zurich' }, titleOf),
    ).toMatch(/^By .*2027.*12:00.* \(Europe\/Zurich\)$/);
    expect(amountLabel(1, 'weeks')).toBe('1 week');
  });

  it('tells how far a deadline is from "as of", either way', () => {
    const asOf = '2027-03-01T12:00:00Z';
    expect(relativeDue('2027-03-04T12:00:00Z', asOf)).toBe('due in 3 days');
    expect(relativeDue('2027-03-03T11:00:00Z', asOf)).toBe('due in 47 hours');
    expect(relativeDue('2027-03-01T13:00:00Z', asOf)).toBe('due in 1 hour');
    expect(relativeDue('2027-02-20T12:00:00Z', asOf)).toBe('9 days overdue');
    expect(relativeDue('2027-03-01T12:00:30Z', asOf)).toBe('due now');
    expect(relativeDue('2027-03-01T12:45:00Z', asOf)).toBe('due in 45 min');
  });

  it('keeps small percentages visible and rounds the rest', () => {
    expect(percentLabel(0)).toBe('0%');
    expect(percentLabel(1.852)).toMatch(/^1[.,]9%$/);
    expect(percentLabel(66.667)).toBe('67%');
    expect(percentLabel(100)).toBe('100%');
  });

  it('shows an instant in the agreement zone and a calendar date on its own day', () => {
    expect(formatInZone('2027-03-01T11:00:00Z', 'Europe/Zurich')).toMatch(/12:00/);
    expect(formatInZone('2027-03-01T11:00:00Z', null)).toMatch(/11:00.*UTC$/);
    expect(formatDay('2027-03-01')).toMatch(/2027/);
    expect(formatDay('2027-03-01')).toMatch(/1/);
  });

  it('reads a datetime-local value back as the same instant', () => {
    const iso = '2027-03-01T11:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(fromLocalInput('2027-03-01')).toBeNull();
    expect(fromLocalInput('')).toBeNull();
  });
});

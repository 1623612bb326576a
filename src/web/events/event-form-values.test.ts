import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankValues, bodyOf, changedFields, valuesOf } from './event-form-values.ts';
import type { EventReport, TimePrecision } from './event-types.ts';

const stored: EventReport = {
  id: 'evt_1',
  externalId: null,
  occurredAt: '2027-03-01T14:05:00.000Z',
  timePrecision: 'minute',
  placeName: 'Sable Ford crossing',
  latitude: 46.31,
  longitude: 25.05,
  geoPrecision: 1,
  eventType: 'Release',
  subEventType: 'Detainee release',
  actor1: 'Karst Federation',
  actor2: '',
  fatalities: null,
  description: 'Twelve detainees were handed over.',
  source: 'CCV patrol 14',
  sourceReliability: 'B',
  infoCredibility: 2,
  status: 'received',
  nextStatuses: [],
  attributedParty: null,
  reportedByParty: null,
  reportedBy: null,
  importId: null,
  createdAt: '2027-03-01T15:00:00.000Z',
  updatedAt: '2027-03-01T15:00:00.000Z',
  revision: 3,
  history: [],
  links: [],
};

describe('the report form for a correction', () => {
  it('shows a stored report as it was filed', () => {
    const body = bodyOf(valuesOf(stored));
    for (const [key, value] of Object.entries(body))
      expect(value, key).toEqual(stored[key as keyof typeof body]);
  });

  it('reads a calendar date back on the day it was stored, whatever the precision', () => {
    const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true });
    const precision = fc.constantFrom<TimePrecision>('day', 'week', 'month');
    fc.assert(
      fc.property(day, precision, (d, p) => {
        const at = `${d.toISOString().slice(0, p === 'month' ? 7 : 10)}${p === 'month' ? '-01' : ''}T00:00:00.000Z`;
        const values = valuesOf({ ...stored, occurredAt: at, timePrecision: p });
        expect(bodyOf(values).occurredAt).toBe(at);
      }),
    );
  });

  it('sends nothing when nothing changed, trailing spaces included', () => {
    const before = valuesOf(stored);
    expect(changedFields(before, before)).toEqual({});
    expect(changedFields(before, { ...before, description: `${before.description}  ` })).toEqual({});
  });

  it('sends only the changed fields, coordinates as a pair', () => {
    const before = valuesOf(stored);
    expect(changedFields(before, { ...before, description: 'Eleven, not twelve.' })).toEqual({
      description: 'Eleven, not twelve.',
    });
    expect(changedFields(before, { ...before, place: { ...before.place, latitude: '46.4' } })).toEqual({
      latitude: 46.4,
      longitude: 25.05,
    });
    expect(changedFields(before, { ...before, fatalities: '2' })).toEqual({ fatalities: 2 });
  });

  it('sends the time with a changed precision', () => {
    const before = valuesOf({ ...stored, occurredAt: '2027-03-01T00:00:00.000Z', timePrecision: 'day' });
    expect(changedFields(before, { ...before, precision: 'week' })).toEqual({
      timePrecision: 'week',
      occurredAt: '2027-03-01T00:00:00.000Z',
    });
  });

  it('starts a new report now, ungraded', () => {
    const values = blankValues(new Date(2027, 2, 1, 9, 7));
    expect(values.occurred).toBe('2027-03-01T09:07');
    expect(bodyOf(values).sourceReliability).toBe('F');
  });
});

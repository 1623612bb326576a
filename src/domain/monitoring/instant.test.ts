import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from './instant.ts';

describe('reading instants', () => {
  it('agrees with Date.parse on every instant Date#toISOString writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(0, 0, 1), max: Date.UTC(9999, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Date.parse on other shapes and on nonsense', () => {
    for (const s of [
      '2027-03-01T10:00:00Z',
      '2027-03-01T12:00:00+02:00',
      '2027-02-29T10:00:00.000Z',
      '2028-02-29T10:00:00.000Z',
      '2027-13-01T10:00:00.000Z',
      '2027-03-01T24:00:00.000Z',
      '2027-0a-01T10:00:00.000Z',
      'yesterday',
      '',
    ])
      expect(Object.is(parseInstant(s), Date.parse(s))).toBe(true);
  });
});

import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMinutes } from './zone-offsets.ts';

describe('zone offsets from a table of changes', () => {
  const zones = Intl.supportedValuesOf('timeZone');

  it('equal the platform offset at any instant in any zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          expect(zoneOffsetMinutes(zone, ms)).toBe(IANAZone.create(zone).offset(ms));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('change at the very millisecond the clocks change', () => {
    const change = Date.parse('2027-03-28T01:00:00.000Z'); // Kyiv: 03:00 → 04:00
    expect(zoneOffsetMinutes('Europe/Kyiv', change - 1)).toBe(120);
    expect(zoneOffsetMinutes('Europe/Kyiv', change)).toBe(180);
    expect(zoneOffsetMinutes('Mars/Olympus', change)).toBeNaN();
    expect(zoneOffsetMinutes('UTC', Number.NaN)).toBeNaN();
  });
});

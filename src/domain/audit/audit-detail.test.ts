import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAuditDetail } from './audit-detail.ts';

describe('safeAuditDetail', () => {
  it('keeps the ids, labels, numbers and codes that writers record', () => {
    expect(
      safeAuditDetail(
        JSON.stringify({ planId: 'pln_1', label: 'Draft 2', hash: 'a'.repeat(64), demo: true }),
      ),
    ).toEqual({ planId: 'pln_1', label: 'Draft 2', hash: 'a'.repeat(64), demo: true });
    expect(
      safeAuditDetail(JSON.stringify({ op: 'updatePoint', points: ['pt_1', 'pt_2'], revision: 3 })),
    ).toEqual({ op: 'updatePoint', pointCount: 2, revision: 3 });
    expect(safeAuditDetail(JSON.stringify({ email: 'a@b.c', party: 'KRF', role: 'delegate' }))).toEqual({
      partyCode: 'KRF',
      role: 'delegate',
    });
  });

  it('drops unknown keys, prose, and values of the wrong shape', () => {
    const clause = 'Heavy weapons shall be withdrawn to 25 km.\nArtillery first.';
    expect(
      safeAuditDetail(
        JSON.stringify({
          text: clause,
          title: 'Framework',
          label: clause,
          op: 'update point; drop table',
          revision: -1,
          partyIds: ['pty_1', 'not an id'],
          hash: 'xyz',
        }),
      ),
    ).toEqual({});
    expect(safeAuditDetail('not json')).toEqual({});
    expect(safeAuditDetail('[1,2]')).toEqual({});
    expect(safeAuditDetail('null')).toEqual({});
  });

  it('lets no string through that is longer than a label or holds a line break', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (detail) => {
        const kept = safeAuditDetail(JSON.stringify(detail));
        for (const value of Object.values(kept).flat()) {
          if (typeof value !== 'string') continue;
          expect(value.length).toBeLessThanOrEqual(100);
          expect(value).not.toMatch(/[\n\r]/);
        }
      }),
    );
  });
});

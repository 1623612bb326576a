import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  auditEntryHash,
  canonicalEntryJson,
  GENESIS_HASH,
  genericEntryJson,
  isBreak,
  startOfChain,
  verifyEntries,
  verifyHead,
} from './audit-chain.ts';

function chain(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
      process_id: 'prc_1',
      actor_id: 'usr_1',
      action: seq % 2 ? 'draft.edit' : 'version.cut',
      subject_type: 'plan',
      subject_id: 'pln_1',
      detail: JSON.stringify({ n: seq }),
    };
    const hash = auditEntryHash(prev, fields);
    entries.push({ ...fields, prev_hash: prev, hash });
    prev = hash;
  }
  return entries;
}

function verify(entries: AuditEntry[], head = { seq: 10, hash: chain(10)[9]!.hash }) {
  const result = verifyEntries(startOfChain(), entries);
  return isBreak(result) ? result : verifyHead(result, head);
}

describe('audit chain verification', () => {
  it('writes entries exactly as the generic canonical JSON does (property)', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.nat(),
          at: text,
          process_id: fc.option(text),
          actor_id: fc.option(text),
          action: text,
          subject_type: text,
          subject_id: fc.option(text),
          detail: text,
        }),
        (e) => {
          expect(canonicalEntryJson(e)).toBe(genericEntryJson(e));
        },
      ),
    );
  });

  it('accepts an intact chain, in pages or at once', () => {
    const all = chain(10);
    expect(verify(all)).toBeNull();
    const first = verifyEntries(startOfChain(), all.slice(0, 4));
    expect(isBreak(first)).toBe(false);
    if (!isBreak(first))
      expect(
        verifyHead(verifyEntries(first, all.slice(4)) as never, { seq: 10, hash: all[9]!.hash }),
      ).toBeNull();
  });

  it('names the altered entry', () => {
    const all = chain(10);
    all[4] = { ...all[4]!, detail: '{"n":99}' };
    expect(verify(all)).toMatchObject({ kind: 'altered', seq: 5 });
  });

  it('names the removed entry', () => {
    const all = chain(10);
    all.splice(6, 1);
    expect(verify(all)).toMatchObject({ kind: 'removed', seq: 7 });
  });

  it('names an entry inserted with a valid hash of its own', () => {
    const all = chain(10);
    const forged = { ...all[3]!, action: 'forged', prev_hash: GENESIS_HASH };
    forged.hash = auditEntryHash(forged.prev_hash, forged);
    all[3] = forged;
    expect(verify(all)).toMatchObject({ kind: 'inserted', seq: 4 });
  });

  it('notices two entries swapped (sequence numbers swapped too)', () => {
    const all = chain(10);
    const a = all[2]!;
    const b = all[3]!;
    all[2] = { ...b, seq: 3 };
    all[3] = { ...a, seq: 4 };
    expect(verify(all)).toMatchObject({ kind: 'altered', seq: 3 });
  });

  it('notices a cut-off tail and an appended tail against the recorded head', () => {
    const all = chain(10);
    expect(verify(all.slice(0, 8))).toMatchObject({ kind: 'truncated', seq: 9 });
    expect(verify(chain(12))).toMatchObject({ kind: 'inserted', seq: 11 });
  });

  it('finds any single altered field (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('at', 'action', 'detail', 'actor_id'),
        (i, field) => {
          const all = chain(10);
          all[i] = { ...all[i]!, [field]: `${String(all[i]![field as keyof AuditEntry])}x` };
          expect(verify(all)).toMatchObject({ kind: 'altered', seq: i + 1 });
        },
      ),
    );
  });
});

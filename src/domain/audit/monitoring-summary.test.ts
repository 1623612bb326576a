import { describe, expect, it } from 'vitest';
import { safeAuditDetail } from './audit-detail.ts';
import { summariseAuditEntry } from './audit-summary.ts';

const PARTIES: Record<string, string> = { pty_karst: 'Karst Federation', pty_veloria: 'Republic of Veloria' };

/** The summary of an entry as the view builds it: from the stored detail, through the whitelist. */
function summary(action: string, detail: Record<string, unknown> = {}) {
  return summariseAuditEntry({
    action,
    detail: safeAuditDetail(JSON.stringify(detail)),
    subjectLabel: null,
    partyName: (key) => PARTIES[key],
  });
}

describe('summaries of agreement and commitment entries', () => {
  it('says which version was adopted and who signed, never what the commitments say', () => {
    expect(
      summary('agreement.create', {
        label: 'Draft 2',
        partyIds: ['pty_veloria', 'pty_karst'],
        title: 'Secret',
      }),
    ).toBe('adopted Draft 2 as an agreement, signed or endorsed by Republic of Veloria and Karst Federation');
    expect(summary('agreement.update', { label: 'Draft 2', revision: 3, fields: ['title'] })).toBe(
      'changed the agreement on Draft 2 (revision 3)',
    );
    expect(summary('commitment.create', { agreementId: 'agr_1', kind: 'after_commitment' })).toBe(
      'added a commitment (due after another commitment)',
    );
    expect(summary('commitment.derive', { label: 'Draft 1', added: 20, kind: 'points' })).toBe(
      'derived 20 commitments from Draft 1',
    );
    expect(summary('commitment.update', { revision: 2 })).toBe('changed a commitment (revision 2)');
    expect(summary('commitment.delete')).toBe('removed a commitment');
  });

  it('names the kind of progress and the score with its meaning', () => {
    expect(summary('commitment.progress', { kind: 'breached', note: 'shelling at dawn' })).toBe(
      'recorded a breach of a commitment',
    );
    expect(summary('commitment.progress', { kind: 'dispute_resolved' })).toBe(
      'recorded the end of a dispute over a commitment',
    );
    expect(summary('commitment.score', { score: 0 })).toBe('scored a commitment 0 (not initiated)');
    expect(summary('commitment.score', { score: 3 })).toBe('scored a commitment 3 (full)');
    // A score outside 0–3 is not a score: the whitelist drops it.
    expect(summary('commitment.score', { score: 7 })).toBe('scored a commitment');
  });
});

import { describe, expect, it } from 'vitest';
import { safeAuditDetail } from './audit-detail.ts';
import { summariseAuditEntry } from './audit-summary.ts';

const PARTIES: Record<string, string> = { pty_karst: 'Karst Federation', pty_veloria: 'Republic of Veloria' };

/** The summary as the audit view builds it: from the stored detail, through the whitelist. */
const summary = (action: string, detail: Record<string, unknown> = {}) =>
  summariseAuditEntry({
    action,
    detail: safeAuditDetail(JSON.stringify(detail)),
    subjectLabel: null,
    partyName: (key) => PARTIES[key],
  });

describe('summaries of event report, import and zone entries', () => {
  it('says what happened to a report without quoting it', () => {
    expect(summary('event_report.create', { status: 'received', partyId: 'pty_veloria' })).toBe(
      'filed an event report for Republic of Veloria',
    );
    expect(summary('event_report.create', { status: 'received' })).toBe('filed an event report');
    expect(summary('event_report.update', { fields: ['placeName'], revision: 3 })).toBe(
      'corrected an event report (revision 3)',
    );
    expect(summary('event_report.status', { from: 'received', to: 'under_investigation' })).toBe(
      'opened an investigation into an event report',
    );
    expect(
      summary('event_report.status', { from: 'under_investigation', to: 'verified', partyId: 'pty_karst' }),
    ).toBe('verified an event report, attributing it to Karst Federation');
    expect(summary('event_report.link', { commitmentId: 'cmt_1', kind: 'progress', quantity: 4 })).toBe(
      'linked an event report to a commitment, recording progress',
    );
    expect(summary('event_report.unlink', { commitmentId: 'cmt_1' })).toBe(
      'unlinked an event report from a commitment',
    );
  });

  it('counts what an import wrote and skipped, and names zone and webhook changes', () => {
    expect(
      summary('event_import.create', { imported: 1200, duplicates: 3, rejected: 1, rowsTotal: 1204 }),
    ).toBe('imported 1200 event reports (3 duplicates skipped, 1 row rejected)');
    expect(summary('event_import.create', { imported: 1, duplicates: 0, rejected: 0 })).toBe(
      'imported 1 event report',
    );
    expect(summary('zone.import', { added: 2 })).toBe('imported 2 zones');
    expect(summary('zone.delete', { kind: 'buffer_zone' })).toBe('deleted a zone (buffer zone)');
    expect(summary('webhook.create', { events: ['commitment.overdue'] })).toBe('added an outgoing webhook');
  });

  it('never lets a description through, whatever a writer put in the detail', () => {
    const text = summary('event_report.create', {
      description: 'Shelling of the school',
      partyId: 'Shelling',
    });
    expect(text).not.toContain('school');
    expect(safeAuditDetail(JSON.stringify({ description: 'x', imported: -1, rejected: 'many' }))).toEqual({});
  });
});

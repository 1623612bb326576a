import { describe, expect, it } from 'vitest';
import { safeAuditDetail } from './audit-detail.ts';
import { summariseAuditEntry } from './audit-summary.ts';

const PARTIES: Record<string, string> = {
  pty_karst: 'Karst Federation',
  KRF: 'Karst Federation',
  pty_veloria: 'Republic of Veloria',
};

/** The summary of an entry as the view builds it: from the stored detail, through the whitelist. */
function summary(action: string, detail: Record<string, unknown> = {}, subjectLabel: string | null = null) {
  return summariseAuditEntry({
    action,
    detail: safeAuditDetail(JSON.stringify(detail)),
    subjectLabel,
    partyName: (key) => PARTIES[key],
  });
}

describe('summariseAuditEntry', () => {
  it('says what happened to which version, in which format, to which party', () => {
    expect(summary('version.release', { label: 'Draft 2', partyId: 'pty_karst' })).toBe(
      'released Draft 2 to Karst Federation',
    );
    expect(
      summary('version.release', {
        label: 'Draft 2',
        partyIds: ['pty_karst', 'pty_veloria'],
        channel: 'Geneva round 2',
      }),
    ).toBe('released Draft 2 to Karst Federation and Republic of Veloria');
    expect(summary('version.export', { planId: 'pln_1', label: 'Draft 2', format: 'pdf' })).toBe(
      'exported Draft 2 as PDF',
    );
    expect(summary('version.export', { label: 'Draft 1', format: 'docx', via: 'cli' })).toBe(
      'exported Draft 1 as Word from the command line',
    );
    expect(summary('version.view', { label: 'Draft 3' })).toBe('read Draft 3');
    expect(summary('version.compare', { label: 'Draft 1' })).toBe('compared Draft 1 in a redline');
    expect(summary('version.cut', { label: 'Draft 4', fromRevision: 12 })).toBe(
      'cut Draft 4 from revision 12',
    );
    expect(summary('draft.export', { revision: 7, format: 'md' })).toBe(
      'exported the working draft (revision 7) as Markdown',
    );
  });

  it('names sign-ins, edits, plans and memberships in plain words', () => {
    expect(summary('auth.sign_in')).toBe('signed in');
    expect(summary('auth.sign_in_failed', { email: 'x@example.org' })).toBe('failed to sign in');
    expect(summary('draft.edit', { op: 'updatePoint', points: ['pt_1'], revision: 3 })).toBe(
      'edited the working draft: changed a point (revision 3)',
    );
    expect(summary('draft.edit', { op: 'mergePoints', points: ['pt_1', 'pt_2'], revision: 4 })).toBe(
      'edited the working draft: merged points, 2 points (revision 4)',
    );
    expect(summary('plan.create', { title: 'Framework', points: 28, source: 'text' }, 'Framework')).toBe(
      'created the plan “Framework” (imported from text, 28 points)',
    );
    expect(summary('member.add', { email: 'a@b.c', party: 'KRF', role: 'delegate' }, 'Aurel Vashti')).toBe(
      'added Aurel Vashti to Karst Federation as delegate',
    );
    expect(summary('process.create', { title: 'Talks', demo: true })).toBe('opened the process (demo data)');
    expect(summary('note.create', { pointId: 'pt_4', partyId: 'pty_veloria', shared: false })).toBe(
      'wrote a private note',
    );
    expect(summary('note.update', { partyId: 'pty_karst', shared: true, textChanged: false })).toBe(
      'shared a note with the mediator',
    );
    expect(summary('note.update', { shared: false, textChanged: true })).toBe('changed a note (private)');
  });

  it('falls back to the action’s own name for actions it does not know, without quoting detail', () => {
    expect(summary('agreement.sign', { text: 'All troops shall withdraw.' }, 'Agreement 4')).toBe(
      'agreement sign: Agreement 4',
    );
    expect(summary('draft.edit', { op: 'reorderTags' })).toBe('edited the working draft: reorder tags');
    expect(summary('version.release', { label: 'Draft 2', partyId: 'pty_gone' })).toBe(
      'released Draft 2 to pty_gone',
    );
  });

  it('says what happened in the negotiation without its wording', () => {
    expect(summary('position.record', { stance: 'reservations', priority: 4, rationale: 'secret' })).toBe(
      'recorded a position on a point: support with reservations, priority 4',
    );
    expect(summary('amendment.create', { kind: 'replace', state: 'draft', text: 'secret' })).toBe(
      'proposed an amendment (new wording for a point) as a draft',
    );
    expect(summary('amendment.decide', { decision: 'partly_accept', textEdited: true })).toBe(
      'partly accepted an amendment with edited wording',
    );
    expect(summary('amendment.import', { label: 'Draft 2', replaced: 2, added: 1, deleted: 0 })).toBe(
      'imported a counter-proposal to Draft 2 as draft amendments (2 rewordings, 1 new point)',
    );
    expect(summary('comment.create', { shared: false, body: 'secret' })).toBe(
      'commented in a party-only thread',
    );
    expect(summary('meeting.status', { from: 'planned', to: 'postponed' })).toBe(
      'marked the meeting postponed',
    );
    expect(summary('calendar_feed.create', { replaced: true })).toBe('replaced their calendar feed address');
    expect(summary('brief.export', { label: 'Draft 2', format: 'pdf', scope: 'all' })).toBe(
      'exported a negotiation brief of Draft 2 for all parties as PDF',
    );
  });

  it('never repeats text that was smuggled into a detail', () => {
    const secret = 'The line of contact shall be frozen along the Orlen river.';
    const smuggled = { text: secret, body: secret, note: secret, title: secret, channel: secret, op: secret };
    for (const action of [
      'version.release',
      'draft.edit',
      'plan.create',
      'note.write',
      'version.view',
      'position.record',
      'amendment.create',
      'amendment.import',
      'comment.create',
      'meeting.create',
      'brief.export',
    ]) {
      expect(summary(action, smuggled)).not.toContain('Orlen');
    }
  });

  it('names a version by its own label rather than the copy recorded in the detail', () => {
    expect(summary('version.view', { label: 'whatever was written here' }, 'Draft 3')).toBe('read Draft 3');
  });
});

import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../domain/access/policies.ts';
import { briefToDocx } from '../../formats/export/brief-docx.ts';
import { briefToPdf } from '../../formats/export/brief-pdf.ts';
import { buildPlan, buildPoint } from '../../formats/export/test-support.ts';
import { type BriefInput, type BriefParty, buildBrief } from './build-brief.ts';

const party = (id: string, name: string, kind = 'state'): BriefParty => ({
  id,
  name,
  code: id.toUpperCase(),
  kind,
  colour: '#123456',
});
const OSE = party('ose', 'Office of the Special Envoy', 'mediator');
const VEL = party('vel', 'Republic of Veloria');
const KRF = party('krf', 'Karst Federation');
const viewer = (role: 'mediator' | 'delegate', partyId: string): Viewer => ({
  userId: 'u',
  isAdmin: false,
  membership: { role, partyId },
  canWrite: true,
});
const content = buildPlan({
  title: 'Framework',
  areas: [{ id: 'a1', title: 'Ceasefire' }],
  points: [
    buildPoint({ id: 'p1', number: '1', areaId: 'a1', text: 'A ceasefire within 72 hours.' }),
    buildPoint({ id: 'p2', number: '2', areaId: 'a1', text: 'Prisoners exchanged.' }),
  ],
});
const now = new Date('2026-03-01T09:00:00Z');

function input(over: Partial<BriefInput>): BriefInput {
  return {
    viewer: viewer('delegate', 'krf'),
    target: KRF,
    reader: { name: 'Aurel Vashti', party: KRF },
    processTitle: 'Orlen valley talks',
    text: { content, label: 'Draft 2', versionId: 'v2', contentHash: 'ab'.repeat(32) },
    targetHolds: null,
    parties: [OSE, VEL, KRF],
    positions: [
      {
        id: 'k1',
        partyId: 'krf',
        pointId: 'p1',
        versionLabel: 'Draft 1',
        stance: 'oppose',
        priority: 2,
        rationale: 'old',
        rationaleShared: false,
        recordedAt: '2026-01-01T00:00:00Z',
      },
      {
        id: 'k2',
        partyId: 'krf',
        pointId: 'p1',
        versionLabel: 'Draft 2',
        stance: 'reservations',
        priority: 4,
        rationale: 'Only with monitors.',
        rationaleShared: false,
        recordedAt: '2026-02-01T00:00:00Z',
      },
      {
        id: 'v1',
        partyId: 'vel',
        pointId: 'p1',
        versionLabel: 'Draft 2',
        stance: 'support',
        priority: 3,
        rationale: 'Veloria reasons.',
        rationaleShared: false,
        recordedAt: '2026-02-02T00:00:00Z',
      },
      {
        id: 'v2',
        partyId: 'vel',
        pointId: 'p2',
        versionLabel: 'Draft 2',
        stance: 'oppose',
        priority: 5,
        rationale: 'Shared reasons.',
        rationaleShared: true,
        recordedAt: '2026-02-02T00:00:00Z',
      },
    ],
    amendments: [
      {
        id: 'ka',
        partyId: 'krf',
        kind: 'replace',
        pointId: 'p2',
        afterPointId: null,
        baseLabel: 'Draft 2',
        baseContent: content,
        text: 'All for all.',
        rationale: '',
        state: 'draft',
        submittedAt: null,
        createdAt: '2026-02-10T00:00:00Z',
      },
      {
        id: 'va',
        partyId: 'vel',
        kind: 'add',
        pointId: null,
        afterPointId: 'p1',
        baseLabel: 'Draft 2',
        baseContent: content,
        text: 'A Veloria point.',
        rationale: '',
        state: 'submitted',
        submittedAt: '2026-02-11T00:00:00Z',
        createdAt: '2026-02-10T00:00:00Z',
      },
      {
        id: 'kx',
        partyId: 'krf',
        kind: 'replace',
        pointId: 'p1',
        afterPointId: null,
        baseLabel: 'Draft 2',
        baseContent: content,
        text: 'Decided.',
        rationale: '',
        state: 'accepted',
        submittedAt: '2026-02-11T00:00:00Z',
        createdAt: '2026-02-10T00:00:00Z',
      },
    ],
    meetings: [
      {
        id: 'm1',
        title: 'Joint round',
        startsAt: '2026-03-05T09:00:00Z',
        endsAt: '2026-03-05T12:00:00Z',
        timeZone: 'Europe/Zurich',
        placeKind: 'in_person',
        place: 'Geneva',
        status: 'confirmed',
        partyIds: ['ose', 'vel', 'krf'],
      },
      {
        id: 'm2',
        title: 'Veloria only',
        startsAt: '2026-03-06T09:00:00Z',
        endsAt: '2026-03-06T12:00:00Z',
        timeZone: 'Europe/Zurich',
        placeKind: 'video',
        place: '',
        status: 'planned',
        partyIds: ['ose', 'vel'],
      },
      {
        id: 'm3',
        title: 'Called off',
        startsAt: '2026-03-07T09:00:00Z',
        endsAt: '2026-03-07T12:00:00Z',
        timeZone: 'Europe/Zurich',
        placeKind: 'phone',
        place: '',
        status: 'cancelled',
        partyIds: ['krf'],
      },
      {
        id: 'm4',
        title: 'Last week',
        startsAt: '2026-02-20T09:00:00Z',
        endsAt: '2026-02-20T12:00:00Z',
        timeZone: 'Europe/Zurich',
        placeKind: 'phone',
        place: '',
        status: 'planned',
        partyIds: ['krf'],
      },
    ],
    preparedAt: now,
    ...over,
  };
}

const stancesOf = (brief: ReturnType<typeof buildBrief>) =>
  brief.blocks.flatMap((b) =>
    b.kind === 'point'
      ? b.stances.map((s) => `${b.point.id}:${s.party.code}:${s.stance}:${s.rationale ?? '-'}`)
      : [],
  );

describe('buildBrief', () => {
  it('gives a party its own current stances, rationale, open amendments and meetings, nothing else', () => {
    const brief = buildBrief(input({}));
    expect(stancesOf(brief)).toEqual(['p1:KRF:reservations:Only with monitors.']);
    const amendments = brief.blocks.flatMap((b) => (b.kind === 'point' ? b.amendments.map((a) => a.id) : []));
    expect(amendments).toEqual(['ka']);
    expect(brief.otherAmendments).toEqual([]);
    expect(brief.meetings.map((m) => m.title)).toEqual(['Joint round']);
    expect(brief.meetings[0]?.when).toBe('Thu 5 Mar 2026, 10:00–13:00 (Europe/Zurich)');
    expect(brief.preparedFor).toBe('Karst Federation');
    expect(brief.context.marking).toBe('Confidential — prepared for Karst Federation');
    expect(brief.about[0]).toBe('Text: Draft 2, the newest version your party holds.');
  });

  it('never lets a party read another party’s records, even when handed them', () => {
    const brief = buildBrief(input({ target: VEL }));
    expect(stancesOf(brief)).toEqual([]);
    expect(brief.otherAmendments).toEqual([]);
  });

  it('gives the mediator every party’s stances with only the shared rationale, and submitted amendments', () => {
    const brief = buildBrief(
      input({
        viewer: viewer('mediator', 'ose'),
        target: null,
        reader: { name: 'Ingrid Salvesen', party: OSE },
        text: { content, label: 'Working draft', versionId: null, contentHash: null },
      }),
    );
    expect(stancesOf(brief)).toEqual([
      'p1:VEL:support:-',
      'p1:KRF:reservations:-',
      'p2:VEL:oppose:Shared reasons.',
    ]);
    expect(brief.otherAmendments.map((a) => [a.id, a.what])).toEqual([['va', 'New point after point 1']]);
    expect(brief.meetings.map((m) => m.title)).toEqual(['Joint round', 'Veloria only']);
    expect(brief.context.versionLabel).toBeNull();
    expect(brief.preparedFor).toBe('All parties');
  });

  it('says in a mediator’s brief for one party which version that party holds', () => {
    const brief = buildBrief(
      input({
        viewer: viewer('mediator', 'ose'),
        text: { content, label: 'Working draft', versionId: null, contentHash: null },
        targetHolds: { label: 'Draft 2', releasedAt: '2026-01-15T10:00:00Z' },
      }),
    );
    expect(brief.about).toContain('Karst Federation holds Draft 2 (released 15 January 2026).');
    expect(brief.meetings.map((m) => m.title)).toEqual(['Joint round']);
  });

  it('renders as Word and PDF', async () => {
    const brief = buildBrief(input({}));
    const docx = await briefToDocx(brief);
    expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
    const pdf = Buffer.from(await briefToPdf(brief)).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)?.length).toBe(2);
  });
});

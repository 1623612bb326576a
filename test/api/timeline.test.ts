import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type SeededNegotiation, seedNegotiation } from '../support/negotiation-rows.ts';
import { useTestApp } from '../support/test-app.ts';

interface Item {
  id: string;
  kind: string;
  event: string;
  at: string;
  title: string;
  detail: string;
  links: Record<string, string>;
  parties: { id: string; code: string }[];
}

describeEachDatabase('process timeline', (dialect) => {
  const ctx = useTestApp(dialect);
  let seed: SeededNegotiation;
  const url = (query = '') => `/api/v1/processes/${ctx().demo.processId}/timeline${query}`;
  const read = async (email: string, query = '') => {
    const client = await ctx().signIn(email);
    const res = await client.get(url(query));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return {
      body: res.body,
      json: res.json() as { items: Item[]; scope: string; parties: { id: string }[] },
    };
  };

  beforeAll(async () => {
    seed = await seedNegotiation(ctx());
  });

  it('shows the mediator everything, oldest first', async () => {
    const { json } = await read(ctx().demo.mediatorEmail);
    expect(json.scope).toBe('all-parties');
    const items = json.items;
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort());
    const titles = items.map((i) => i.title);
    for (const label of ['Draft 1 cut', 'Draft 2 cut', 'Draft 3 cut']) expect(titles).toContain(label);
    expect(titles).toContain('Draft 3 released to VEL');
    expect(titles.some((t) => /^Draft 2 released to .*KRF/.test(t))).toBe(true);
    const meeting = items.find((i) => i.links.meetingId === seed.meetings.joint && i.kind === 'meeting');
    expect(meeting).toMatchObject({ event: 'held', title: seed.text.jointMeeting });
    expect(meeting?.detail).toContain('Draft 3 presented');
    expect(meeting?.parties.map((p) => p.code).sort()).toEqual(['KRF', 'OSE', 'VEL']);
    const postponed = items.find((i) => i.links.meetingId === seed.meetings.vel && i.event === 'postponed');
    expect(postponed?.title).toBe(`${seed.text.velMeeting} postponed`);
    expect(postponed?.detail).toMatch(/^from .* to /);
    const amendments = items.filter((i) => i.kind === 'amendment').map((i) => i.links.amendmentId);
    expect(amendments).toContain(seed.amendments.vel);
    expect(amendments).toContain(seed.amendments.krfAccepted);
    // A party's draft is its own until submitted.
    expect(amendments).not.toContain(seed.amendments.krfDraft);
    const accepted = items.find((i) => i.id === `amendment:${seed.amendments.krfAccepted}:decided`);
    expect(accepted).toMatchObject({ event: 'accepted', links: { versionId: seed.draftThree.id } });
    expect(accepted?.detail).toContain('taken into Draft 3');
    const changes = items.filter((i) => i.kind === 'position' && i.event === 'changed');
    expect(changes.map((i) => i.links.positionId)).toEqual(
      expect.arrayContaining([seed.positions.velChanged, seed.positions.krfChanged]),
    );
    // A restated stance is no change; a party's first position is part of a statement.
    expect(changes.map((i) => i.links.positionId)).not.toContain(seed.positions.krfPointB);
    expect(changes.find((c) => c.links.positionId === seed.positions.krfChanged)?.title).toMatch(
      /^KRF: point \S+ — oppose → support with reservations$/,
    );
    // Rationale never appears on the timeline.
    expect(JSON.stringify(items)).not.toContain(seed.text.krfRationale);
  });

  it('shows a party only its own versions, meetings, amendments and positions', async () => {
    const { body, json } = await read('lead@karst.example');
    expect(json.scope).toBe('own-party');
    expect(json.parties.map((p) => p.id)).toEqual([seed.krf]);
    // The leak check: nothing of Draft 3, of Veloria's records or of meetings without Karst.
    expect(body).not.toContain('Draft 3');
    expect(body).not.toContain(seed.draftThree.id);
    expect(body).not.toContain('Draft 1');
    for (const secret of [seed.text.velAmendment, seed.text.velMeeting, seed.text.velRationale])
      expect(body).not.toContain(secret);
    for (const id of [
      seed.amendments.vel,
      seed.positions.velFirst,
      seed.positions.velChanged,
      seed.meetings.vel,
    ])
      expect(body).not.toContain(id);
    expect(body).not.toContain(seed.amendments.krfDraft);
    expect(body).not.toMatch(/released to (VEL|BCC|CCV)/);
    expect(json.items.every((i) => i.kind !== 'version')).toBe(true);
    // Every party holds the signed truce, the demo's second plan, as well.
    expect(
      json.items
        .filter((i) => i.kind === 'release')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Draft 2 released to you', 'Signed text released to you']);

    const mine = json.items.map((i) => i.id);
    expect(mine).toContain(`meeting:${seed.meetings.joint}`);
    expect(mine).toContain(`meeting:${seed.meetings.krf}`);
    expect(mine).toContain(`amendment:${seed.amendments.krfAccepted}:decided`);
    const accepted = json.items.find((i) => i.id === `amendment:${seed.amendments.krfAccepted}:decided`);
    expect(accepted?.title).toMatch(/^You: amendment on point \S+ accepted$/);
    expect(accepted?.links.versionId).toBe(seed.draftTwo.id);
    const joint = json.items.find((i) => i.id === `meeting:${seed.meetings.joint}`);
    expect(joint?.detail).toContain('Draft 2 presented');
    expect(json.items.find((i) => i.links.positionId === seed.positions.krfChanged)).toBeDefined();
    for (const item of json.items.filter((i) => i.kind === 'position' || i.kind === 'amendment'))
      expect(
        item.parties.map((p) => p.code),
        item.title,
      ).toEqual(['KRF']);
  });

  it('keeps an observer to its own releases and meetings', async () => {
    const { body, json } = await read('observer@bcc.example');
    expect(body).not.toContain('Draft 3');
    expect(body).not.toContain(seed.text.jointMeeting);
    expect(
      json.items
        .filter((i) => i.kind === 'release')
        .map((i) => i.title)
        .sort(),
    ).toEqual(['Draft 1 released to you', 'Draft 2 released to you', 'Signed text released to you']);
    // The demo may give the guarantors records and meetings of their own: only those, all with BCC.
    for (const item of json.items.filter((i) => i.kind !== 'release'))
      expect(
        item.parties.map((p) => p.code),
        item.title,
      ).toContain('BCC');
    for (const item of json.items.filter((i) => i.kind === 'position' || i.kind === 'amendment'))
      expect(
        item.parties.map((p) => p.code),
        item.title,
      ).toEqual(['BCC']);
  });

  it('filters by kind, party and date range', async () => {
    const mediator = ctx().demo.mediatorEmail;
    const meetings = (await read(mediator, '?kinds=meeting')).json.items;
    expect(meetings.length).toBeGreaterThanOrEqual(4);
    expect(new Set(meetings.map((i) => i.kind))).toEqual(new Set(['meeting']));
    const two = (await read(mediator, '?kinds=amendment&kinds=position')).json.items;
    expect(new Set(two.map((i) => i.kind))).toEqual(new Set(['amendment', 'position']));
    expect((await read(mediator, '?kinds=amendment,position')).json.items).toEqual(two);

    const karst = (await read(mediator, `?partyId=${seed.krf}`)).json.items;
    expect(karst.length).toBeGreaterThan(0);
    expect(karst.every((i) => i.parties.some((p) => p.id === seed.krf))).toBe(true);
    expect(karst.map((i) => i.id)).not.toContain(`meeting:${seed.meetings.vel}`);

    const from = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const to = new Date(Date.now() - 1 * 86_400_000).toISOString();
    const ranged = (await read(mediator, `?from=${from}&to=${to}`)).json.items;
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((i) => i.at >= from && i.at <= to)).toBe(true);
    expect(ranged.map((i) => i.title)).toContain('Draft 3 cut');
    expect(ranged.map((i) => i.title)).not.toContain('Draft 2 cut');
  });

  it('refuses bad filters naming the field, and outsiders with a 404', async () => {
    const client = await ctx().signIn(ctx().demo.mediatorEmail);
    const cases: [string, string][] = [
      ['?from=yesterday', 'query.from'],
      ['?from=2025-02-30', 'query.from'],
      ['?to=2025-13-01', 'query.to'],
      ['?from=2025-03-02&to=2025-03-01', 'query.from'],
      ['?kinds=comments', 'query.kinds.0'],
      ['?partyId=pty_nope', 'query.partyId'],
      ['?colour=red', 'query.colour'],
    ];
    for (const [query, field] of cases) {
      const res = await client.get(url(query));
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const outsider = await ctx().outsider();
    expect((await outsider.get(url())).statusCode).toBe(404);
    expect((await client.get('/api/v1/processes/prc_nope/timeline')).statusCode).toBe(404);
  });
});

import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/services/access/create-user.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { liveInstanceForTests, openProcessStream } from '../support/event-stream.ts';
import { demoVersions, expectProblem, problemFields } from '../support/factories.ts';
import { type Client, useTestApp } from '../support/test-app.ts';

interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  localStartsAt: string;
  timeZone: string;
  status: string;
  dateToBeFixed: boolean;
  sequence: number;
  outcome: string;
  participants: {
    kind: string;
    name: string;
    party: { id: string; code: string } | null;
    userId: string | null;
  }[];
  versions: { versionId: string; label: string; role: string }[];
  history: { status: string; startsAt: string | null; localStartsAt: string | null; note: string }[];
}

const KARST = 'lead@karst.example';
const VELORIA = 'lead@veloria.example';

/** Parses a feed with ical.js (registering its zones) into the fields the tests look at. */
function readFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      sequence: event.sequence,
      status: String(c.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate().toISOString(),
      tzid: c.getFirstProperty('dtstart')?.getParameter('tzid'),
    };
  });
}

describeEachDatabase('meetings and the calendar feed', (dialect) => {
  const ctx = useTestApp(dialect);
  let mediator: Client;
  let karst: Client;
  let veloria: Client;
  let party: (code: string) => string;
  const url = (path = '') => `/api/v1/processes/${ctx().demo.processId}/meetings${path}`;
  const feedUrl = () => `/api/v1/processes/${ctx().demo.processId}/calendar-feed`;
  const titles = async (client: Client) =>
    ((await client.get(url())).json().items as Meeting[]).map((m) => m.title);

  beforeAll(async () => {
    mediator = await ctx().signIn(ctx().demo.mediatorEmail);
    karst = await ctx().signIn(KARST);
    veloria = await ctx().signIn(VELORIA);
    const overview = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}`)).json();
    party = (code) => overview.parties.find((p: { code: string }) => p.code === code).id;
  });

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await mediator.post(url(), {
      title: 'Working group on return',
      startsAt: '2031-03-14T10:00',
      endsAt: '2031-03-14T13:00',
      timeZone: 'Europe/Vienna',
      place: 'Hofburg, Vienna',
      participants: [{ partyId: party('VEL') }, { partyId: party('KRF') }],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().meeting as Meeting;
  };
  const setStatus = (id: string, body: Record<string, unknown>) => mediator.post(url(`/${id}/status`), body);
  const counts = async () => {
    const db = ctx().database.db;
    const n = async (table: 'meetings' | 'meeting_status_history' | 'meeting_participants' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [
      await n('meetings'),
      await n('meeting_status_history'),
      await n('meeting_participants'),
      await n('audit_log'),
    ];
  };

  it('schedules a meeting in local time at the venue and stores it as UTC', async () => {
    const member = (await mediator.get(`/api/v1/processes/${ctx().demo.processId}`))
      .json()
      .members.find((m: { email: string }) => m.email === 'military@karst.example');
    const meeting = await create({
      participants: [
        { partyId: party('KRF') },
        { userId: member.userId },
        { name: 'Minister Halvorsen', partyId: party('BCC') },
      ],
    });
    // Vienna is on standard time (UTC+1) in March 2031 until the last Sunday.
    expect(meeting).toMatchObject({
      startsAt: '2031-03-14T09:00:00.000Z',
      endsAt: '2031-03-14T12:00:00.000Z',
      localStartsAt: '2031-03-14T10:00',
      timeZone: 'Europe/Vienna',
      status: 'planned',
      sequence: 0,
    });
    expect(meeting.participants.map((p) => [p.kind, p.name, p.party?.code])).toEqual([
      ['party', 'Karst Federation', 'KRF'],
      ['person', 'Col. Dana Rusev', 'KRF'],
      ['person', 'Minister Halvorsen', 'BCC'],
    ]);
    expect(meeting.history).toHaveLength(1);
    const read = await mediator.get(url(`/${meeting.id}`));
    expect(read.json().meeting).toEqual(meeting);
    // A summer meeting in the same zone is two hours ahead of UTC.
    const summer = await create({ startsAt: '2031-07-01T10:00', endsAt: '2031-07-01T11:00' });
    expect(summer.startsAt).toBe('2031-07-01T08:00:00.000Z');
  });

  it('keeps the status history: a postponement keeps the old date, every change bumps the sequence', async () => {
    const meeting = await create();
    const confirmed = await setStatus(meeting.id, { status: 'confirmed', note: 'Both sides confirmed.' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const postponed = await setStatus(meeting.id, {
      status: 'postponed',
      startsAt: '2031-03-21T10:00',
      endsAt: '2031-03-21T13:00',
      note: 'Karst asked for a week more.',
    });
    expect(postponed.statusCode, postponed.body).toBe(200);
    const after = postponed.json().meeting as Meeting;
    expect(after).toMatchObject({ status: 'postponed', localStartsAt: '2031-03-21T10:00', sequence: 2 });
    expect(after.history.map((h) => [h.status, h.localStartsAt])).toEqual([
      ['planned', '2031-03-14T10:00'],
      ['confirmed', '2031-03-14T10:00'],
      ['postponed', '2031-03-21T10:00'],
    ]);

    const open = await setStatus(meeting.id, { status: 'postponed', toBeFixed: true, note: 'Date open.' });
    expect(open.statusCode, open.body).toBe(200);
    const tbf = open.json().meeting as Meeting;
    expect(tbf.dateToBeFixed).toBe(true);
    // The meeting keeps its last date for sorting; the history says the new one is not known.
    expect(tbf.localStartsAt).toBe('2031-03-21T10:00');
    expect(tbf.history.at(-1)).toMatchObject({ status: 'postponed', startsAt: null, note: 'Date open.' });
    expectProblem(await setStatus(meeting.id, { status: 'confirmed' }), 400, 'validation.failed');
    const fixed = await setStatus(meeting.id, {
      status: 'confirmed',
      startsAt: '2031-04-02T09:30',
      endsAt: '2031-04-02T12:00',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().meeting).toMatchObject({ status: 'confirmed', dateToBeFixed: false, sequence: 4 });
    // Every change has its audit entry.
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', meeting.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'meeting.create',
      'meeting.status',
      'meeting.status',
      'meeting.status',
      'meeting.status',
    ]);
  });

  it('shows a party only the meetings it takes part in, through list, get and versions', async () => {
    const karstSees = await titles(karst);
    expect(karstSees).toEqual(expect.arrayContaining(['Proximity talks', 'Third round']));
    expect(karstSees).not.toContain('Opening round');
    expect(karstSees).not.toContain('Second round');
    expect(await titles(veloria)).toEqual(expect.arrayContaining(['Opening round', 'Second round']));
    const all = (await mediator.get(url())).json().items as Meeting[];
    const secondRound = all.find((m) => m.title === 'Second round')!;
    const hidden = await karst.get(url(`/${secondRound.id}`));
    const missing = await karst.get(url('/mtg_doesnotexist'));
    expectProblem(hidden, 404, 'meeting.not_found');
    expectProblem(missing, 404, 'meeting.not_found');
    expect(hidden.body).not.toContain('Second round');

    // A text Karst does not hold is not even named to it, while Veloria sees it.
    const versions = await demoVersions(mediator, ctx().demo.planId);
    const draft3 = versions.find((v) => v.label === 'Draft 3')!;
    const draft2 = versions.find((v) => v.label === 'Draft 2')!;
    const both = await create({
      versions: [
        { versionId: draft2.id, role: 'presented' },
        { versionId: draft3.id, role: 'presented' },
      ],
    });
    const forKarst = (await karst.get(url(`/${both.id}`))).json().meeting as Meeting;
    expect(forKarst.versions.map((v) => v.label)).toEqual(['Draft 2']);
    expect(JSON.stringify(forKarst)).not.toContain(draft3.id);
    const forVeloria = (await veloria.get(url(`/${both.id}`))).json().meeting as Meeting;
    expect(forVeloria.versions.map((v) => v.label)).toEqual(['Draft 2', 'Draft 3']);
    // A member's account is linked only for readers who may see that party's members.
    const proximity = all.find((m) => m.title === 'Proximity talks')!;
    const seenByVeloria = (await veloria.get(url(`/${proximity.id}`))).json().meeting as Meeting;
    const aurel = seenByVeloria.participants.find((p) => p.name === 'Aurel Vashti')!;
    expect(aurel.userId).toBeNull();
    expect(seenByVeloria.participants.find((p) => p.name === 'Mirela Dragan')?.userId).not.toBeNull();
    // Only the mediator team schedules.
    expectProblem(await karst.post(url(), { title: 'x' }), 400);
    expectProblem(
      await karst.post(url(), {
        title: 'Karst-only',
        startsAt: '2031-01-01T10:00',
        endsAt: '2031-01-01T11:00',
        timeZone: 'Europe/Vienna',
        place: 'Vienna',
      }),
      403,
    );
  });

  it("serves each owner's feed by its secret URL, re-checked at every fetch, until revoked", async () => {
    const created = await karst.post(feedUrl());
    expect(created.statusCode, created.body).toBe(201);
    const feedLink = new URL(created.json().url as string);
    expect(feedLink.pathname).toMatch(/^\/api\/v1\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
    expect((await karst.get(feedUrl())).json().feed.id).toBe(created.json().feed.id);
    // Only the hash is stored.
    const stored = await ctx().database.db.selectFrom('calendar_feeds').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(feedLink.pathname.slice(18, -4));

    const fetchFeed = () => ctx().app.inject({ method: 'GET', url: feedLink.pathname });
    const res = await fetchFeed();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('.ics');
    const events = readFeed(res.body);
    const summaries = events.map((e) => e.summary);
    expect(summaries).toEqual(expect.arrayContaining(['Proximity talks', 'Third round']));
    expect(summaries).not.toContain('Opening round');
    expect(summaries).not.toContain('Second round');
    expect(res.body).not.toContain('Draft 3');
    const third = events.find((e) => e.summary === 'Third round')!;
    expect(third).toMatchObject({ status: 'CONFIRMED', tzid: 'Europe/Zurich' });
    expect(third.location).toContain('Geneva');
    const list = (await karst.get(url())).json().items as Meeting[];
    const thirdMeeting = list.find((m) => m.title === 'Third round')!;
    expect(third.start).toBe(thirdMeeting.startsAt);
    expect(third.uid).toBe(`${thirdMeeting.id}@entente`);
    expect(third.description).toContain('Republic of Veloria (VEL)');
    const proximity = events.find((e) => e.summary === 'Proximity talks')!;
    expect(proximity.description).toContain('Draft 2');
    expect(events.find((e) => e.summary === 'Expert meeting on detainee lists')?.status).toBe('TENTATIVE');

    // The mediator's feed has every meeting.
    const mediatorFeed = await mediator.post(feedUrl());
    const mediatorEvents = readFeed(
      (await ctx().app.inject({ method: 'GET', url: new URL(mediatorFeed.json().url).pathname })).body,
    );
    expect(mediatorEvents.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Opening round', 'Second round']),
    );

    // Dropping Karst from a meeting takes it out of Karst's feed at the next fetch.
    const meeting = await create({ title: 'Bilateral with Karst' });
    expect(readFeed((await fetchFeed()).body).map((e) => e.summary)).toContain('Bilateral with Karst');
    const dropped = await mediator.patch(url(`/${meeting.id}`), {
      participants: [{ partyId: party('VEL') }],
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(readFeed((await fetchFeed()).body).map((e) => e.summary)).not.toContain('Bilateral with Karst');

    // A new URL replaces the old one; revoking ends it; both then look like they never existed.
    const renewed = await karst.post(feedUrl());
    expectProblem(await fetchFeed(), 404, 'feed.not_found');
    const renewedPath = new URL(renewed.json().url).pathname;
    expect((await ctx().app.inject({ method: 'GET', url: renewedPath })).statusCode).toBe(200);
    const revoked = await karst.request({ method: 'DELETE', url: feedUrl() });
    expect(revoked.statusCode).toBe(204);
    expectProblem(await ctx().app.inject({ method: 'GET', url: renewedPath }), 404, 'feed.not_found');
    expect((await karst.get(feedUrl())).json().feed).toBeNull();
    expectProblem(await ctx().app.inject({ method: 'GET', url: '/api/v1/calendar/cal_unknown.ics' }), 404);
  });

  it('ends the feed of a member who left the process', async () => {
    const email = `leaver-${dialect}@example.org`;
    await createUser(ctx().database, {
      email,
      name: 'Leaver',
      password: 'a long leaver password',
      isAdmin: false,
    });
    const added = await mediator.post(`/api/v1/processes/${ctx().demo.processId}/members`, {
      email,
      partyId: party('KRF'),
      role: 'delegate',
    });
    expect(added.statusCode, added.body).toBe(201);
    const leaver = await ctx().signIn(email, 'a long leaver password');
    const path = new URL((await leaver.post(feedUrl())).json().url).pathname;
    expect((await ctx().app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    const user = await ctx()
      .database.db.selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await ctx().database.db.deleteFrom('memberships').where('user_id', '=', user.id).execute();
    expectProblem(await ctx().app.inject({ method: 'GET', url: path }), 404, 'feed.not_found');
  });

  it('refuses bad input with a clear 4xx naming the field, and writes nothing', async () => {
    const before = await counts();
    const base = {
      title: 'Bad',
      startsAt: '2031-03-14T10:00',
      endsAt: '2031-03-14T13:00',
      timeZone: 'Europe/Vienna',
      place: 'Vienna',
    };
    const endBefore = await mediator.post(url(), { ...base, endsAt: '2031-03-14T09:00' });
    expectProblem(endBefore, 400, 'validation.failed');
    expect(problemFields(endBefore)).toEqual(['body.endsAt']);
    const mars = await mediator.post(url(), { ...base, timeZone: 'Mars/Base' });
    expectProblem(mars, 400, 'validation.failed');
    expect(problemFields(mars)).toEqual(['body.timeZone']);
    expect(mars.json().detail).toContain('unknown time zone "Mars/Base"');
    const gap = await mediator.post(url(), {
      ...base,
      startsAt: '2031-03-30T02:30',
      endsAt: '2031-03-30T04:00',
    });
    expect(problemFields(gap)).toEqual(['body.startsAt']);
    expect(gap.json().detail).toContain('does not exist in Europe/Vienna');
    const unknownParty = await mediator.post(url(), {
      ...base,
      participants: [{ partyId: 'pty_nosuchparty' }],
    });
    expectProblem(unknownParty, 400, 'validation.failed');
    expect(problemFields(unknownParty)).toEqual(['body.participants.0.partyId']);
    const unknownVersion = await mediator.post(url(), {
      ...base,
      versions: [{ versionId: 'ver_x', role: 'presented' }],
    });
    expect(problemFields(unknownVersion)).toEqual(['body.versions.0.versionId']);
    const badShape = await mediator.post(url(), { ...base, startsAt: '14/03/2031 10:00' });
    expect(problemFields(badShape)).toEqual(['body.startsAt']);
    expect(await counts()).toEqual(before);

    // A cancelled meeting is final.
    const meeting = await create();
    expect(
      (await setStatus(meeting.id, { status: 'cancelled', note: 'No agreement on format.' })).statusCode,
    ).toBe(200);
    const written = await counts();
    const held = await setStatus(meeting.id, { status: 'held' });
    expectProblem(held, 409, 'transition.not_allowed');
    expectProblem(await setStatus(meeting.id, { status: 'planned' }), 409, 'transition.not_allowed');
    const moved = await mediator.patch(url(`/${meeting.id}`), {
      startsAt: '2031-05-01T10:00',
      endsAt: '2031-05-01T11:00',
      timeZone: 'Europe/Vienna',
    });
    expectProblem(moved, 409, 'transition.not_allowed');
    // Not yet started: cannot be held. A postponement needs a date.
    const future = await create();
    expectProblem(await setStatus(future.id, { status: 'held' }), 400, 'validation.failed');
    const noDate = await setStatus(future.id, { status: 'postponed' });
    expect(problemFields(noDate)).toEqual(['body.startsAt']);
    const earlier = await setStatus(future.id, {
      status: 'postponed',
      startsAt: '2031-03-01T10:00',
      endsAt: '2031-03-01T11:00',
    });
    expect(problemFields(earlier)).toEqual(['body.startsAt']);
    const [m, h, p, a] = written;
    expect(await counts()).toEqual([(m ?? 0) + 1, (h ?? 0) + 1, (p ?? 0) + 2, (a ?? 0) + 1]);
  });

  liveEventTests();

  function liveEventTests() {
    const instance = liveInstanceForTests(() => ctx().database);

    it('tells the parties taking part, and the mediator team, and nobody else', async () => {
      const events = (email: string) => openProcessStream(instance(), ctx().demo.processId, email);
      const [karstStream, veloriaStream, mediatorStream] = await Promise.all([
        events(KARST),
        events(VELORIA),
        events(ctx().demo.mediatorEmail),
      ]);
      const isMeeting = (e: Record<string, unknown>) => e.type === 'meeting.changed';
      const velOnly = await create({ title: 'Veloria only', participants: [{ partyId: party('VEL') }] });
      expect((await mediatorStream.next(isMeeting)).meetingId).toBe(velOnly.id);
      expect((await veloriaStream.next(isMeeting)).meetingId).toBe(velOnly.id);
      const withKarst = await create({ title: 'With Karst' });
      // Karst's first meeting event is the second meeting: it never heard of the first.
      expect((await karstStream.next(isMeeting)).meetingId).toBe(withKarst.id);
      // Dropped from a meeting, Karst is told (so its list updates), then hears no more of it.
      await mediator.patch(url(`/${withKarst.id}`), { participants: [{ partyId: party('VEL') }] });
      expect((await karstStream.next(isMeeting)).meetingId).toBe(withKarst.id);
      await mediator.patch(url(`/${withKarst.id}`), { outcome: 'Veloria only now.' });
      await mediatorStream.next(isMeeting);
      const marker = await create({ title: 'Marker', participants: [{ partyId: party('KRF') }] });
      expect((await karstStream.next(isMeeting)).meetingId).toBe(marker.id);
    });
  }
});

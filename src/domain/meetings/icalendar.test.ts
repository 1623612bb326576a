import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type CalendarMeeting, meetingUid } from './icalendar.ts';
import { localToUtc } from './meeting-time.ts';

const meeting = (over: Partial<CalendarMeeting> = {}): CalendarMeeting => ({
  id: 'mtg_1',
  title: 'Second round, Geneva',
  startsAt: localToUtc('2025-03-28T10:00', 'Europe/Zurich'),
  endsAt: localToUtc('2025-03-28T17:30', 'Europe/Zurich'),
  timeZone: 'Europe/Zurich',
  placeKind: 'in_person',
  place: 'Palais des Nations, Geneva',
  status: 'confirmed',
  dateToBeFixed: false,
  sequence: 3,
  createdAt: '2025-03-01T09:00:00.000Z',
  updatedAt: '2025-03-20T16:45:00.000Z',
  participants: ['Republic of Veloria (VEL)', 'Mirela Dragan (VEL)'],
  versions: [{ label: 'Draft 3', planTitle: 'Orlen valley framework', role: 'released' }],
  outcome: 'Agreement on the exchange timetable; monitoring left open.',
  ...over,
});

/** Parses a feed with ical.js, registering its VTIMEZONEs so that times convert through them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar
    .getAllSubcomponents('vevent')
    .map((c) => ({ component: c, event: new ICAL.Event(c) }));
  return { calendar, events };
}

describe('iCalendar feed', () => {
  it('writes each field so that a maintained parser reads it back', () => {
    const text = buildCalendar({
      name: 'Orlen valley talks',
      uidDomain: 'entente.test',
      meetings: [meeting()],
    });
    expect(text).toContain('\r\n');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Entente');
    const [first] = events;
    if (!first) throw new Error('no event');
    const { event, component } = first;
    expect(event.uid).toBe(meetingUid('mtg_1', 'entente.test'));
    expect(event.summary).toBe('Second round, Geneva');
    expect(event.location).toBe('Palais des Nations, Geneva');
    expect(event.sequence).toBe(3);
    expect(component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(component.getFirstPropertyValue('dtstamp'))).toBe('2025-03-20T16:45:00Z');
    // The venue's zone, with its wall-clock time; converted through our VTIMEZONE to the instant.
    expect(component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Zurich');
    expect(event.startDate.toString()).toBe('2025-03-28T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe(meeting().startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(meeting().endsAt);
    expect(event.description).toContain('Mirela Dragan (VEL)');
    expect(event.description).toContain('Orlen valley framework, Draft 3: released');
    expect(event.description).toContain('Agreement on the exchange timetable');
  });

  it('converts through the VTIMEZONE on both sides of a DST change, in several zones', () => {
    const cases: [string, string][] = [
      ['Europe/Zurich', '2025-03-31T09:00'],
      ['Europe/Zurich', '2025-10-27T09:00'],
      ['America/New_York', '2025-11-03T14:00'],
      ['Australia/Sydney', '2025-04-07T11:00'],
      ['Asia/Kathmandu', '2025-07-01T08:15'],
      ['America/Santiago', '2025-09-08T10:00'],
    ];
    const meetings = cases.map(([zone, local], i) =>
      meeting({
        id: `mtg_${i}`,
        timeZone: zone,
        startsAt: localToUtc(local, zone),
        endsAt: localToUtc(
          local.replace(/T\d\d/, (h) => `T${String(Number(h.slice(1)) + 1).padStart(2, '0')}`),
          zone,
        ),
      }),
    );
    const { calendar, events } = parse(buildCalendar({ name: 'x', uidDomain: 'entente.test', meetings }));
    expect(calendar.getAllSubcomponents('vtimezone').length).toBe(5);
    for (const [i, { event }] of events.entries()) {
      expect(event.startDate.toJSDate().toISOString()).toBe(meetings[i]?.startsAt);
      expect(event.endDate.toJSDate().toISOString()).toBe(meetings[i]?.endsAt);
    }
  });

  it('maps statuses, places and dates to be fixed', () => {
    const meetings = [
      meeting({ id: 'a', status: 'planned', placeKind: 'phone', place: '' }),
      meeting({ id: 'b', status: 'on_hold', placeKind: 'video', place: 'Secure video link' }),
      meeting({ id: 'c', status: 'postponed', dateToBeFixed: true }),
      meeting({ id: 'd', status: 'cancelled' }),
      meeting({ id: 'e', status: 'held', timeZone: 'UTC' }),
    ];
    const { events } = parse(buildCalendar({ name: 'x', uidDomain: 'entente.test', meetings }));
    const read = (i: number) => events[i]!;
    expect(read(0).component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(read(0).event.location).toBe('Phone');
    expect(read(1).component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(read(1).event.location).toBe('Video call: Secure video link');
    expect(read(2).component.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(read(2).event.summary).toContain('new date to be fixed');
    expect(read(3).component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(read(4).component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(read(4).event.startDate.toJSDate().toISOString()).toBe(meeting().startsAt);
  });

  it('gives a valid empty calendar when there are no meetings', () => {
    const { calendar, events } = parse(buildCalendar({ name: 'x', uidDomain: 'entente.test', meetings: [] }));
    expect(events).toEqual([]);
    expect(calendar.getAllSubcomponents('vtimezone')).toEqual([]);
  });

  it('is the same text when fetched twice with nothing changed', () => {
    const input = { name: 'x', uidDomain: 'entente.test', meetings: [meeting()] };
    expect(buildCalendar(input)).toBe(buildCalendar(input));
  });
});

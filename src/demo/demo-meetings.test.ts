import { describe, expect, it } from 'vitest';
import { nextStatuses } from '../domain/meetings/meeting-status.ts';
import { demoMeetings } from './demo-meetings.ts';
import { demoProcess } from './demo-process.ts';

const partyOfEmail = (email: string) => demoProcess.users.find((u) => u.email === email)?.partyKey;

describe('demo meetings', () => {
  it('hands over texts only to parties that hold them, as the consultation log says', () => {
    for (const m of demoMeetings) {
      const parties = new Set(
        m.participants.flatMap((p) =>
          'email' in p ? [partyOfEmail(p.email)] : 'party' in p && p.party !== undefined ? [p.party] : [],
        ),
      );
      parties.delete('envoy');
      for (const v of m.versions) {
        const holders = demoProcess.plan.versions
          .find((x) => x.label === v.label)
          ?.releases.map((r) => r.partyKey);
        for (const party of parties) expect(holders, `${m.title}: ${party} and ${v.label}`).toContain(party);
      }
    }
  });

  it('moves each meeting only along allowed transitions, postponing to later dates', () => {
    for (const m of demoMeetings) {
      let day = m.daysAgo;
      for (const [i, h] of m.history.entries()) {
        const before = m.history[i - 1];
        if (before) expect(nextStatuses(before.status), m.title).toContain(h.status);
        if (h.moveTo) {
          expect(h.moveTo.daysAgo, m.title).toBeLessThan(day);
          day = h.moveTo.daysAgo;
        }
        if (h.status === 'held') expect(h.daysAgo, m.title).toBeLessThan(day);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { decodeLiveEvent, encodeLiveEvent, type LiveEvent, MAX_LIVE_PAYLOAD_BYTES } from './live-event.ts';

const id = (prefix: string, n: number) => `${prefix}_${String(n).padStart(60, '0')}`;

describe('live event wire form', () => {
  it('round-trips every kind of event', () => {
    const events: LiveEvent[] = [
      { type: 'draft.changed', processId: 'prc_1', planId: 'pln_1', revision: 0 },
      { type: 'version.cut', processId: 'prc_1', planId: 'pln_1', versionId: 'ver_1' },
      {
        type: 'release.created',
        processId: 'prc_1',
        planId: 'pln_1',
        versionId: 'ver_1',
        partyIds: ['pty_1'],
      },
      {
        type: 'note.changed',
        processId: 'prc_1',
        planId: 'pln_1',
        partyId: 'pty_1',
        sharedWithMediator: true,
      },
      { type: 'membership.changed', processId: 'prc_1' },
    ];
    for (const event of events) expect(decodeLiveEvent(encodeLiveEvent(event))).toEqual(event);
  });

  it('fits the largest valid event into one NOTIFY payload', () => {
    const partyIds = Array.from({ length: 100 }, (_, i) => id('pty', i));
    const text = encodeLiveEvent({
      type: 'release.created',
      processId: id('prc', 1),
      planId: id('pln', 1),
      versionId: id('ver', 1),
      partyIds,
    });
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_LIVE_PAYLOAD_BYTES);
  });

  it('refuses to encode what is not an event, such as one carrying text', () => {
    const withText = {
      type: 'membership.changed',
      processId: 'prc_1',
      text: 'secret',
    } as unknown as LiveEvent;
    expect(() => encodeLiveEvent(withText)).toThrow();
    expect(() => encodeLiveEvent({ type: 'membership.changed', processId: 'not an id' })).toThrow();
  });

  it('ignores payloads that are not events (anyone with database access can NOTIFY)', () => {
    for (const payload of [
      '',
      'not json',
      '{}',
      '{"type":"draft.changed"}',
      '{"type":"x","processId":"prc_1"}',
    ])
      expect(decodeLiveEvent(payload), payload).toBeNull();
  });
});

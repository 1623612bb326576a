import { describe, expect, it } from 'vitest';
import type { Viewer } from '../access/policies.ts';
import { ROLES, type Role } from '../access/roles.ts';
import { audienceAllows } from './audience.ts';
import type { LiveEvent } from './live-event.ts';

const OWN = 'pty_own';
const OTHER = 'pty_other';
const MEDIATORS = 'pty_mediators';
const base = { processId: 'prc_1', planId: 'pln_1' };

/** A member of `partyId` (mediators sit in the mediator party); tokens may be read-only. */
const member = (role: Role, canWrite = true): Viewer => ({
  userId: 'usr_1',
  isAdmin: false,
  membership: { role, partyId: role === 'mediator' ? MEDIATORS : OWN },
  canWrite,
});
const partyOf = (role: Role) => (role === 'mediator' ? MEDIATORS : OWN);

const draftChanged: LiveEvent = { type: 'draft.changed', ...base, revision: 3 };
const versionCut: LiveEvent = { type: 'version.cut', ...base, versionId: 'ver_1' };
const membershipChanged: LiveEvent = { type: 'membership.changed', processId: 'prc_1' };
const releasedTo = (partyIds: string[]): LiveEvent => ({
  type: 'release.created',
  ...base,
  versionId: 'ver_1',
  partyIds,
});
const note = (partyId: string, sharedWithMediator: boolean): LiveEvent => ({
  type: 'note.changed',
  ...base,
  partyId,
  sharedWithMediator,
});

describe('audienceAllows', () => {
  describe.each(ROLES)('for a %s', (role) => {
    const isMediator = role === 'mediator';
    const own = partyOf(role);
    for (const canWrite of [true, false]) {
      const viewer = member(role, canWrite);
      const via = canWrite ? 'session' : 'read-only token';

      it(`(${via}) hears of draft edits and new versions only as a mediator`, () => {
        expect(audienceAllows(viewer, draftChanged)).toBe(isMediator);
        expect(audienceAllows(viewer, versionCut)).toBe(isMediator);
      });

      it(`(${via}) hears of a release to their own party, and of others' only as a mediator`, () => {
        expect(audienceAllows(viewer, releasedTo([own]))).toBe(true);
        expect(audienceAllows(viewer, releasedTo([OTHER, own]))).toBe(true);
        expect(audienceAllows(viewer, releasedTo([OTHER]))).toBe(isMediator);
        expect(audienceAllows(viewer, releasedTo([]))).toBe(isMediator);
      });

      it(`(${via}) hears of their own party's notes, and of another's only as a mediator it is shared with`, () => {
        expect(audienceAllows(viewer, note(own, false))).toBe(true);
        expect(audienceAllows(viewer, note(own, true))).toBe(true);
        expect(audienceAllows(viewer, note(OTHER, false))).toBe(false);
        expect(audienceAllows(viewer, note(OTHER, true))).toBe(isMediator);
      });

      it(`(${via}) hears of membership changes`, () => {
        expect(audienceAllows(viewer, membershipChanged)).toBe(true);
      });
    }
  });

  it('tells a non-member nothing, even the instance admin', () => {
    for (const isAdmin of [false, true]) {
      const outsider: Viewer = { userId: 'usr_2', isAdmin, membership: null, canWrite: true };
      for (const event of [
        draftChanged,
        versionCut,
        membershipChanged,
        releasedTo([OWN, OTHER, MEDIATORS]),
        note(OWN, true),
        note(MEDIATORS, true),
      ]) {
        expect(audienceAllows(outsider, event), `${event.type} admin=${isAdmin}`).toBe(false);
      }
    }
  });
});

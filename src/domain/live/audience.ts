import { can, type Viewer } from '../access/policies.ts';
import type { LiveEvent } from './live-event.ts';

/**
 * Whether a live event may be delivered to `viewer` (as a member of the event's process). Events
 * carry ids only, yet even that a draft changed or a note was written can be confidential, so each
 * goes only to those who may read what it points at, by the same policies as the API.
 */
export function audienceAllows(viewer: Viewer, event: LiveEvent): boolean {
  switch (event.type) {
    case 'draft.changed':
    case 'version.cut':
      // An unreleased version is part of the mediators' working material, like the draft.
      return can(viewer, 'draft.read');
    case 'release.created':
      return can(viewer, 'draft.read') || can(viewer, 'version.read', { releasedTo: event.partyIds });
    case 'note.changed':
      return can(viewer, 'note.read', {
        note: { partyId: event.partyId, sharedWithMediator: event.sharedWithMediator },
      });
    case 'position.changed':
      return can(viewer, 'position.read', { partyId: event.partyId });
    case 'amendment.changed':
      return can(viewer, 'amendment.read', {
        record: { partyId: event.partyId, sharedWithMediator: event.sharedWithMediator },
      });
    case 'comment.changed':
      return can(viewer, 'comment.read', {
        record: { partyId: event.partyId, sharedWithMediator: event.sharedWithMediator },
      });
    case 'meeting.changed':
      return can(viewer, 'meeting.read', { participants: event.partyIds });
    case 'commitment.changed':
      return can(viewer, 'monitoring.read', { releasedTo: event.partyIds });
    case 'event_report.changed':
      return can(viewer, 'event.read', {
        eventReport: { reportedByParty: event.reportedByPartyId, verified: event.verified },
      });
    case 'membership.changed':
      // Any member: their own view of the process (who is in it, what they may see) may change.
      return can(viewer, 'process.read');
  }
}

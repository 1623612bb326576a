import type { Database } from '../../store/database.ts';
import type { AmendmentRow } from '../../store/negotiation/amendments.repository.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { amendmentRecord } from './amendment-access.ts';

/** Tells those who may read the amendment that it changed (call after commit). */
export async function publishAmendmentChanged(
  database: Database,
  row: Pick<AmendmentRow, 'id' | 'process_id' | 'plan_id' | 'party_id' | 'submitted_at'>,
): Promise<void> {
  await publishLiveEvent(database, {
    type: 'amendment.changed',
    processId: row.process_id,
    planId: row.plan_id,
    amendmentId: row.id,
    partyId: row.party_id,
    sharedWithMediator: amendmentRecord(row).record.sharedWithMediator,
  });
}

/**
 * The audit entry of a change to an amendment: what happened and to which point, never its text.
 * Until the party submits it, an amendment is its own business, and so is its audit trail: such
 * entries are filed as 'amendment_draft', which other parties' audit views (the mediator's too)
 * leave out. The submission itself is the moment the mediator learns of it.
 */
export function amendmentAudit(
  actor: Actor,
  row: Pick<
    AmendmentRow,
    'id' | 'process_id' | 'plan_id' | 'party_id' | 'kind' | 'point_id' | 'submitted_at'
  >,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const shared = row.submitted_at !== null || action === 'amendment.submit' || action === 'amendment.decide';
  return {
    processId: row.process_id,
    actorId: actor.user.id,
    action,
    subjectType: shared ? 'amendment' : 'amendment_draft',
    subjectId: row.id,
    detail: { planId: row.plan_id, partyId: row.party_id, kind: row.kind, pointId: row.point_id, ...extra },
  };
}

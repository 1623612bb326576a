import { can, type Viewer } from '../../domain/access/policies.ts';
import { assertTransition } from '../../domain/negotiation/amendment-workflow.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  type AmendmentRow,
  findAmendmentsByIds,
  updateAmendment,
} from '../../store/negotiation/amendments.repository.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import {
  amendmentNotFound,
  amendmentRecord,
  assertRevision,
  changedMeanwhile,
  loadOwnAmendment,
} from './amendment-access.ts';
import { amendmentAudit, publishAmendmentChanged } from './amendment-events.ts';
import { presentOne } from './list-amendments.ts';

type Step = 'submit' | 'withdraw';

/** Carries out one step on a loaded amendment, guarded by its revision; returns the row as it is now. */
async function step(tx: Tx, actor: Actor, amendment: AmendmentRow, action: Step): Promise<AmendmentRow> {
  const state = assertTransition(amendment.state, action, 'delegate');
  const now = new Date().toISOString();
  const submittedAt = action === 'submit' ? now : amendment.submitted_at;
  const ok = await updateAmendment(tx, amendment.id, amendment.revision, {
    state,
    submitted_at: submittedAt,
    updated_at: now,
  });
  if (!ok) throw changedMeanwhile();
  await appendAudit(tx, amendmentAudit(actor, amendment, `amendment.${action}`, { from: amendment.state }));
  return {
    ...amendment,
    state,
    submitted_at: submittedAt,
    updated_at: now,
    revision: amendment.revision + 1,
  };
}

async function runStep(
  database: Database,
  actor: Actor,
  planId: string,
  amendmentId: string,
  action: Step,
  revision: number | undefined,
) {
  const done = await database.db.transaction().execute(async (tx) => {
    const { viewer, amendment } = await loadOwnAmendment(tx, actor, planId, amendmentId);
    assertRevision(amendment, revision);
    const row = await step(tx, actor, amendment, action);
    return { row, amendment: await presentOne(tx, viewer, planId, amendmentId) };
  });
  await publishAmendmentChanged(database, done.row);
  return done.amendment;
}

/** A delegate submits their party's draft amendment to the mediator. */
export async function submitAmendment(
  database: Database,
  actor: Actor,
  planId: string,
  amendmentId: string,
  revision?: number,
) {
  return runStep(database, actor, planId, amendmentId, 'submit', revision);
}

/**
 * A delegate withdraws their party's amendment, a draft or one awaiting the mediator's decision.
 * One withdrawn after submission stays on the mediator's record, marked withdrawn.
 */
export async function withdrawAmendment(
  database: Database,
  actor: Actor,
  planId: string,
  amendmentId: string,
  revision?: number,
) {
  return runStep(database, actor, planId, amendmentId, 'withdraw', revision);
}

function assertOwnReadable(viewer: Viewer, row: AmendmentRow | undefined, id: string): AmendmentRow {
  if (!row || !can(viewer, 'amendment.read', amendmentRecord(row))) throw amendmentNotFound(id);
  authorize(viewer, 'amendment.write', () => amendmentNotFound(id), { partyId: row.party_id });
  return row;
}

/**
 * Submits a set of the party's drafts at once (the amendments made from an imported counter-proposal,
 * once reviewed): all of them or, if any is unknown or no longer a draft, none.
 */
export async function submitAmendments(
  database: Database,
  actor: Actor,
  planId: string,
  ids: readonly string[],
) {
  const unique = [...new Set(ids)];
  const done = await database.db.transaction().execute(async (tx) => {
    const { viewer } = await loadReadablePlan(tx, actor, planId);
    const found = new Map((await findAmendmentsByIds(tx, planId, unique)).map((r) => [r.id, r]));
    const rows = unique.map((id) => assertOwnReadable(viewer, found.get(id), id));
    // Check every step before taking any, so that one refusal leaves all untouched.
    for (const row of rows) assertTransition(row.state, 'submit', 'delegate');
    const changed: AmendmentRow[] = [];
    for (const row of rows) changed.push(await step(tx, actor, row, 'submit'));
    const items = [];
    for (const row of changed) items.push(await presentOne(tx, viewer, planId, row.id));
    return { changed, items };
  });
  for (const row of done.changed) await publishAmendmentChanged(database, row);
  return done.items;
}

import { assertTransition } from '../../domain/negotiation/amendment-workflow.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { updateAmendment } from '../../store/negotiation/amendments.repository.ts';
import type { Actor } from '../access/sessions.ts';
import type { AmendmentChanges } from './amendment.schema.ts';
import { assertRevision, changedMeanwhile, loadOwnAmendment } from './amendment-access.ts';
import { amendmentAudit, publishAmendmentChanged } from './amendment-events.ts';
import { presentOne } from './list-amendments.ts';

/** A delegate rewrites their party's draft amendment (its text or rationale); submitted ones stay as sent. */
export async function editAmendment(
  database: Database,
  actor: Actor,
  planId: string,
  amendmentId: string,
  changes: AmendmentChanges,
) {
  const edited = await database.db.transaction().execute(async (tx) => {
    const { viewer, amendment } = await loadOwnAmendment(tx, actor, planId, amendmentId);
    assertTransition(amendment.state, 'edit', 'delegate');
    assertRevision(amendment, changes.revision);
    const text = changes.text ?? amendment.text;
    if (amendment.kind !== 'delete' && text === '')
      throw invalid('body.text', 'must not be empty: give the text you propose');
    if (amendment.kind === 'delete' && text !== '')
      throw invalid('body.text', 'must be empty for a deletion; give your reasons in rationale');
    const ok = await updateAmendment(tx, amendmentId, amendment.revision, {
      text,
      rationale: changes.rationale ?? amendment.rationale,
      updated_at: new Date().toISOString(),
    });
    if (!ok) throw changedMeanwhile();
    await appendAudit(
      tx,
      amendmentAudit(actor, amendment, 'amendment.update', {
        textChanged: changes.text !== undefined,
        rationaleChanged: changes.rationale !== undefined,
      }),
    );
    return { row: amendment, amendment: await presentOne(tx, viewer, planId, amendmentId) };
  });
  await publishAmendmentChanged(database, edited.row);
  return edited.amendment;
}

import { AppError } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import {
  findPartyPreferences,
  insertPartyPreferences,
  updatePartyPreferences,
} from '../../store/analytics/party-preferences.repository.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { findParty } from '../../store/processes/processes.repository.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan } from '../plans/plan-access.ts';
import { loadAnalysisView, negotiatingParties, presentAnalysisPoint } from './analysis-access.ts';
import { preferencesNotFound } from './get-preferences.ts';
import { type Preferences, preferencesSchemaFor } from './preferences.schema.ts';
import { presentPreferences } from './preferences-presenter.ts';

/**
 * Saves a party's preferences, checked against the analysis points the party holds (a point it
 * was never given is "not a point of the analysis your party holds", whether or not it exists).
 * Nothing is written unless the whole form is valid. The audit entry records that they changed
 * and whether they are shared, never the numbers.
 */
export async function putPreferences(
  database: Database,
  actor: Actor,
  planId: string,
  partyId: string,
  input: Preferences,
) {
  return database.db.transaction().execute(async (tx) => {
    const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
    const party = await findParty(tx, plan.process_id, partyId);
    if (!party || party.kind === 'mediator') throw preferencesNotFound(planId, partyId);
    authorize(viewer, 'preferences.write', () => preferencesNotFound(planId, partyId), { partyId });
    const view = await loadAnalysisView(tx, viewer, plan);
    const partyIds = (await negotiatingParties(tx, plan.process_id)).map((p) => p.id);
    const checked = preferencesSchemaFor(view.points.map(presentAnalysisPoint), partyIds).safeParse(input);
    if (!checked.success) {
      const problems = checked.error.issues.map((i) => ({
        field: ['body', ...i.path.map(String)].join('.'),
        reason: i.message,
      }));
      const summary = problems
        .slice(0, 3)
        .map((p) => `${p.field} ${p.reason}`)
        .join('; ');
      throw new AppError('validation.failed', `invalid preferences: ${summary}`, { problems });
    }
    const value = checked.data;
    const existing = await findPartyPreferences(tx, planId, partyId);
    // Saving over stored preferences must name the revision it replaces: two delegates filling in
    // the form for the first time at once must not silently overwrite each other.
    if (existing && input.baseRevision !== Number(existing.revision))
      throw changedMeanwhile(Number(existing.revision));
    const at = new Date().toISOString();
    const columns = {
      weights: JSON.stringify(value.weights),
      scores: JSON.stringify(value.scores),
      red_lines: JSON.stringify(value.redLines.map((r) => [r.pointId, r.optionId])),
      reservation: value.reservation,
      shared_with_mediator: value.sharedWithMediator ? 1 : 0,
      updated_by: actor.user.id,
      updated_at: at,
    };
    const id = existing?.id ?? newId('ppf');
    if (existing) {
      if (!(await updatePartyPreferences(tx, existing.id, Number(existing.revision), columns)))
        throw changedMeanwhile(Number(existing.revision) + 1);
    } else {
      await insertPartyPreferences(tx, {
        id,
        process_id: plan.process_id,
        plan_id: planId,
        party_id: partyId,
        ...columns,
        revision: 1,
      });
    }
    const saved = await findPartyPreferences(tx, planId, partyId);
    if (!saved) throw new Error('the preferences just saved are missing');
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'preferences.update',
      subjectType: 'party_preferences',
      subjectId: id,
      detail: {
        planId,
        partyId,
        sharedWithMediator: value.sharedWithMediator,
        revision: Number(saved.revision),
      },
    });
    return { preferences: presentPreferences(saved) };
  });
}

function changedMeanwhile(currentRevision: number) {
  return new AppError(
    'conflict',
    'these preferences were saved by someone else since you loaded them; reload to see their version',
    { extra: { currentRevision } },
  );
}

import { AppError, type FieldProblem, invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { findVersion } from '../../store/plans/plans.repository.ts';
import { listParties } from '../../store/processes/processes.repository.ts';
import {
  insertReleases,
  partiesHoldingVersion,
  type ReleaseRow,
} from '../../store/releases/releases.repository.ts';
import { isUniqueViolation } from '../../store/unique-violation.ts';
import type { Actor } from '../access/sessions.ts';
import { publishLiveEvent } from '../live/live-bus.ts';
import { loadPlanFor, versionNotFound } from '../plans/plan-access.ts';
import type { ReleaseInput } from './release.schema.ts';

/** A release may be dated a little ahead of this server's clock (another machine's), not more. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Releases a version to parties (mediators only): from then on their members read it. All or
 * nothing: one unknown party, or one that already holds the version, and nothing is released.
 */
export async function releaseVersion(
  database: Database,
  actor: Actor,
  planId: string,
  versionId: string,
  input: ReleaseInput,
  now: Date = new Date(),
) {
  const releasedAt = input.releasedAt ? new Date(input.releasedAt) : now;
  if (releasedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw invalid('body.releasedAt', 'must not be in the future');
  const released = await database.db
    .transaction()
    .execute(async (tx) => {
      const { plan } = await loadPlanFor(tx, actor, planId, 'version.release');
      const version = await findVersion(tx, planId, versionId);
      if (!version) throw versionNotFound(planId, versionId);
      if (releasedAt.toISOString() < version.created_at)
        throw invalid(
          'body.releasedAt',
          `must not be before ${version.label} was cut (${version.created_at})`,
        );
      const parties = new Map((await listParties(tx, plan.process_id)).map((p) => [p.id, p]));
      const holders = new Set(await partiesHoldingVersion(tx, versionId));
      const problems: FieldProblem[] = [];
      input.partyIds.forEach((partyId, i) => {
        const party = parties.get(partyId);
        const field = `body.partyIds.${i}`;
        if (!party) problems.push({ field, reason: `is not a party of this process` });
        else if (party.kind === 'mediator')
          problems.push({
            field,
            reason: `${party.name} is the mediator team, which holds every version already`,
          });
        else if (holders.has(partyId))
          problems.push({ field, reason: `${party.name} already holds ${version.label}` });
      });
      if (problems.length > 0) {
        throw new AppError('validation.failed', `cannot release ${version.label}: ${problems[0]?.reason}`, {
          problems,
        });
      }
      const rows: ReleaseRow[] = input.partyIds.map((partyId) => ({
        id: newId('rel'),
        process_id: plan.process_id,
        plan_id: planId,
        version_id: versionId,
        party_id: partyId,
        released_at: releasedAt.toISOString(),
        released_by: actor.user.id,
        channel: input.channel || null,
        note: input.note ?? '',
      }));
      await insertReleases(tx, rows);
      for (const row of rows) {
        await appendAudit(tx, {
          processId: plan.process_id,
          actorId: actor.user.id,
          action: 'version.release',
          subjectType: 'version',
          subjectId: versionId,
          detail: {
            planId,
            label: version.label,
            partyId: row.party_id,
            party: parties.get(row.party_id)?.code ?? null,
            channel: row.channel,
            releasedAt: row.released_at,
          },
        });
      }
      return {
        processId: plan.process_id,
        releases: rows.map((r) => ({
          id: r.id,
          versionId: r.version_id,
          partyId: r.party_id,
          releasedAt: r.released_at,
          releasedBy: { id: actor.user.id, name: actor.user.name },
          channel: r.channel,
          note: r.note,
        })),
      };
    })
    .catch((error: unknown) => {
      // Two releases of the same version to the same party at once (a double click): the unique
      // index lets one through; the other is told the party holds it already.
      if (!isUniqueViolation(error)) throw error;
      throw new AppError(
        'conflict',
        'a party named here was given this version at the same moment; reload the log',
        {
          problems: [{ field: 'body.partyIds', reason: 'already holds this version' }],
        },
      );
    });
  // Only ids travel, and one event per party: a party must not learn who else was given the text.
  for (const r of released.releases) {
    await publishLiveEvent(database, {
      type: 'release.created',
      processId: released.processId,
      planId,
      versionId,
      partyIds: [r.partyId],
    });
  }
  return released;
}

import type { Insertable } from 'kysely';
import { alignCounterProposal } from '../../domain/negotiation/align-counter-proposal.ts';
import type { CounterChange, CounterProposal } from '../../domain/negotiation/counter-proposal-types.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError, invalid } from '../../domain/shared/app-error.ts';
import { newId } from '../../domain/shared/ids.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import { insertAmendments } from '../../store/negotiation/amendments.repository.ts';
import type { AmendmentTable } from '../../store/schema.ts';
import type { Tx } from '../../store/transaction.ts';
import { authorize } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { loadReadablePlan, planNotFound } from '../plans/plan-access.ts';
import { AMENDMENT_TEXT_LIMIT } from './amendment.schema.ts';
import { loadHeldVersion } from './amendment-access.ts';
import { publishAmendmentChanged } from './amendment-events.ts';
import {
  type CounterProposalCreateInput,
  type CounterProposalInput,
  MAX_COUNTER_CHANGES,
} from './counter-proposal.schema.ts';

/** The base version, once the actor is known to be a delegate of a party that holds it. */
async function loadBase(tx: Tx, actor: Actor, planId: string, versionId: string) {
  const { plan, viewer } = await loadReadablePlan(tx, actor, planId);
  const partyId = viewer.membership?.partyId ?? '';
  authorize(viewer, 'amendment.write', () => planNotFound(planId), { partyId });
  const version = await loadHeldVersion(tx, viewer, plan, versionId);
  return { plan, partyId, version, content: JSON.parse(version.content) as PlanContent };
}

/** The field the counter-text came in, for problems to name. */
const sourceField = (input: CounterProposalInput) =>
  input.format === 'text' ? 'body.text' : 'body.dataBase64';

async function counterTextOf(input: CounterProposalInput): Promise<string> {
  if (input.format === 'text') return input.text;
  // The Word reader is large; load it only for Word files (as plan imports do).
  const { docxToPlanText } = await import('../../formats/import/docx-to-text.ts');
  const converted = await docxToPlanText(Buffer.from(input.dataBase64, 'base64'));
  if (!converted.ok) throw invalid('body.dataBase64', converted.message);
  return converted.text;
}

/** Aligns the counter-text, refusing what could not become amendments: unreadable text, texts too long. */
function proposalOf(input: CounterProposalInput, base: PlanContent, text: string): CounterProposal {
  const result = alignCounterProposal(base, text);
  if (!result.ok) {
    const problem = result.problems.find((p) => p.severity === 'error');
    throw new AppError(
      'import.failed',
      problem ? `line ${problem.line}: ${problem.message}` : 'the counter-proposal could not be read',
      { extra: { problems: result.problems } },
    );
  }
  const { proposal } = result;
  const field = sourceField(input);
  if (proposal.changes.length > MAX_COUNTER_CHANGES)
    throw invalid(
      field,
      `changes ${proposal.changes.length} points, more than ${MAX_COUNTER_CHANGES} at once`,
    );
  for (const c of proposal.changes) {
    if (c.kind !== 'deleted' && c.text.length > AMENDMENT_TEXT_LIMIT)
      throw invalid(
        field,
        `point ${c.counterNumber} of your text is longer than ${AMENDMENT_TEXT_LIMIT.toLocaleString('en')} characters; split it`,
      );
  }
  return proposal;
}

function countsOf(changes: readonly CounterChange[]) {
  const counts = { replaced: 0, added: 0, deleted: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

/**
 * Aligns a party's counter-text to a version it holds and shows the changes it would propose, each
 * with the base point's text and a word redline; writes nothing. Only the party's delegates may.
 */
export async function previewCounterProposal(
  database: Database,
  actor: Actor,
  planId: string,
  input: CounterProposalInput,
) {
  // Access first: outsiders learn nothing from the parser, nor make the server read their files.
  const base = await loadBase(database.db, actor, planId, input.baseVersionId);
  const proposal = proposalOf(input, base.content, await counterTextOf(input));
  return {
    baseVersion: { id: base.version.id, label: base.version.label },
    ...proposal,
    counts: countsOf(proposal.changes),
  };
}

function rowOf(
  change: CounterChange,
  common: Omit<Insertable<AmendmentTable>, 'id' | 'kind' | 'point_id' | 'text' | 'created_at' | 'updated_at'>,
  at: string,
): Insertable<AmendmentTable> {
  // Every row names every column: a multi-row insert must not leave SQLite and PostgreSQL to differ on defaults.
  const row = {
    ...common,
    id: newId('amd'),
    after_point_id: null,
    area_id: null,
    created_at: at,
    updated_at: at,
  };
  if (change.kind === 'replaced')
    return { ...row, kind: 'replace', point_id: change.pointId, text: change.text };
  if (change.kind === 'deleted') return { ...row, kind: 'delete', point_id: change.pointId, text: '' };
  return {
    ...row,
    kind: 'add',
    point_id: null,
    after_point_id: change.afterPointId,
    area_id: change.areaId,
    text: change.text,
  };
}

/**
 * Writes the chosen changes of a counter-proposal (all by default) as draft amendments of the
 * actor's party, sharing one import batch id, in one transaction with one audit entry; the mediator
 * sees none of them until the party submits them.
 */
export async function importCounterProposal(
  database: Database,
  actor: Actor,
  planId: string,
  input: CounterProposalCreateInput,
  now: Date = new Date(),
) {
  const checked = await loadBase(database.db, actor, planId, input.baseVersionId);
  const proposal = proposalOf(input, checked.content, await counterTextOf(input));
  const byKey = new Map(proposal.changes.map((c) => [c.key, c]));
  const keys = input.changes ?? proposal.changes.map((c) => c.key);
  keys.forEach((key, k) => {
    if (!byKey.has(key))
      throw invalid(`body.changes.${k}`, 'is not a change of this counter-proposal; align it again');
  });
  const wanted = new Set(keys);
  const chosen = proposal.changes.filter((c) => wanted.has(c.key));
  if (chosen.length === 0)
    throw invalid(
      sourceField(input),
      `changes nothing in ${checked.version.label}: there is nothing to propose`,
    );

  const made = await database.db.transaction().execute(async (tx) => {
    // Checked again where it is written: a membership may have ended since.
    const { plan, partyId, version } = await loadBase(tx, actor, planId, input.baseVersionId);
    const batchId = newId('imp');
    const common = {
      process_id: plan.process_id,
      plan_id: planId,
      party_id: partyId,
      base_version_id: version.id,
      rationale: '',
      state: 'draft' as const,
      reply: '',
      source: 'import',
      import_batch_id: batchId,
      author_id: actor.user.id,
      revision: 1,
    };
    // One millisecond apart, so that the party's list (by creation time) keeps the base's reading order.
    const rows = chosen.map((c, k) => rowOf(c, common, new Date(now.getTime() + k).toISOString()));
    await insertAmendments(tx, rows);
    const counts = countsOf(chosen);
    await appendAudit(tx, {
      processId: plan.process_id,
      actorId: actor.user.id,
      action: 'amendment.import',
      subjectType: 'amendment_batch',
      subjectId: batchId,
      detail: {
        planId,
        partyId,
        versionId: version.id,
        label: version.label,
        source: input.format,
        pointCount: rows.length,
        ...counts,
      },
    });
    return { batchId, rows, counts, processId: plan.process_id, partyId };
  });
  for (const row of made.rows) {
    await publishAmendmentChanged(database, {
      id: row.id,
      process_id: made.processId,
      plan_id: planId,
      party_id: made.partyId,
      submitted_at: null,
    });
  }
  const keyOf = new Map(chosen.map((c, k) => [made.rows[k]!.id, c.key]));
  return {
    importBatchId: made.batchId,
    counts: made.counts,
    amendments: made.rows.map((r) => ({
      id: r.id,
      key: keyOf.get(r.id)!,
      kind: r.kind,
      pointId: r.point_id ?? null,
      afterPointId: r.after_point_id ?? null,
      areaId: r.area_id ?? null,
      state: 'draft' as const,
    })),
  };
}

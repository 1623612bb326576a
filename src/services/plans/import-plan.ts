import { AppError } from '../../domain/shared/app-error.ts';
import type { Database } from '../../store/database.ts';
import { findProcess } from '../../store/processes/processes.repository.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';
import { insertNewPlan } from './create-plan.ts';
import { type RawPlanSource, readPlanSource } from './read-plan-source.ts';

/** Imports a plan as a new working draft: the whole plan is written, or nothing. */
export async function importPlan(
  database: Database,
  actor: Actor,
  processId: string,
  source: RawPlanSource,
  title?: string,
) {
  // Check access before parsing: outsiders learn nothing from the parser's answer, and do not get
  // to spend the server's time reading 20 MB files. The transaction below checks again.
  if (!(await findProcess(database.db, processId))) throw processNotFound(processId);
  authorize(await viewerIn(database.db, actor, processId), 'plan.create', () => processNotFound(processId));
  const result = await readPlanSource(source);
  if (!result.ok || !result.plan) {
    throw new AppError('import.failed', firstError(result.problems) ?? 'the plan could not be read', {
      extra: { problems: result.problems },
    });
  }
  const content = result.plan;
  const plan = await database.db.transaction().execute((tx) =>
    insertNewPlan(tx, actor, processId, {
      title: title || content.title || 'Imported plan',
      content,
      source: source.format,
    }),
  );
  return { plan, problems: result.problems };
}

function firstError(problems: { line: number; message: string; severity: string }[]): string | undefined {
  const p = problems.find((x) => x.severity === 'error');
  return p ? `line ${p.line}: ${p.message}` : undefined;
}

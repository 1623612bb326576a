import type { Command } from 'commander';
import { AppError } from '../../domain/shared/app-error.ts';
import { insertNewPlan } from '../../services/plans/create-plan.ts';
import { insertNewProcess } from '../../services/processes/create-process.ts';
import type { Database } from '../../store/database.ts';
import { actorByEmail, withDatabase } from '../context.ts';
import { dryRunJson, readPlanFile } from './plan-files.ts';

interface ImportOptions {
  process?: string;
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

/** `entente import FILE`: parse a plan and store it as a new working draft. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import a plan from text, .docx or Entente JSON (all of it, or nothing)')
    .argument('<file>', 'the plan file')
    .option('--process <id>', 'add the plan to this process (default: a new process named after the plan)')
    .option('--dry-run', 'parse and report, write nothing')
    .option('--json', 'print the parsed structure as JSON')
    .option(
      '--as <email>',
      'the user the import is recorded for (default: a mediator of --process, else the first administrator)',
    )
    .action(async (file: string, opts: ImportOptions) => {
      const result = await readPlanFile(file);
      if (opts.dryRun) {
        if (opts.json) console.log(JSON.stringify(dryRunJson(result), null, 2));
        else printSummary(result);
        process.exitCode = result.ok && (result.plan?.points.length ?? 0) > 0 ? 0 : 1;
        return;
      }
      if (!result.ok || !result.plan) {
        printSummary(result);
        process.exitCode = 1;
        return;
      }
      const content = result.plan;
      await withDatabase(async (database) => {
        const email = opts.as ?? (await defaultActorEmail(database, opts.process));
        const actor = await actorByEmail(database, email);
        const title = content.title || 'Imported plan';
        // The new process (when there is none) and the plan are written together, or not at all.
        const { processId, plan } = await database.db.transaction().execute(async (tx) => {
          const id =
            opts.process ?? (await insertNewProcess(tx, actor, { title, description: '' })).process.id;
          return {
            processId: id,
            plan: await insertNewPlan(tx, actor, id, { title, content, source: 'cli' }),
          };
        });
        if (opts.json) console.log(JSON.stringify({ processId, plan, problems: result.problems }, null, 2));
        else {
          printSummary(result);
          console.log(`imported plan ${plan.id} into process ${processId}`);
        }
      });
    });
}

function printSummary(result: Awaited<ReturnType<typeof readPlanFile>>): void {
  const plan = result.plan;
  if (plan) {
    console.log(`${plan.title || '(no title)'}: ${plan.points.length} points in ${plan.areas.length} areas`);
  }
  for (const p of result.problems) console.log(`  line ${p.line}: ${p.severity}: ${p.message}`);
}

/**
 * Who the import is recorded for when --as is not given: a mediator of the target process, or
 * for a new process the first administrator (who then becomes its mediator).
 */
async function defaultActorEmail(database: Database, processId: string | undefined): Promise<string> {
  if (processId) {
    const mediator = await database.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.email')
      .where('m.process_id', '=', processId)
      .where('m.role', '=', 'mediator')
      .orderBy('m.created_at')
      .executeTakeFirst();
    if (!mediator)
      throw new AppError(
        'process.not_found',
        `process ${processId} does not exist or has no mediator; pass --as EMAIL`,
      );
    return mediator.email;
  }
  const row = await database.db
    .selectFrom('users')
    .select('email')
    .where('is_admin', '=', 1)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'not_found',
      'no administrator exists; pass --as EMAIL or create one with "entente user add --admin"',
    );
  return row.email;
}

import type { Command } from 'commander';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { redline, redlineToDiffJson } from '../../domain/plans/redline/redline.ts';
import type { Redline } from '../../domain/plans/redline/redline-types.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { withDatabase } from '../context.ts';
import { isVersionRef, loadRef, readPlanFile } from './plan-files.ts';

/** `entente diff OLD NEW`: redline two files or stored versions. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description(
      'redline two plans: files (text, .docx, JSON) or stored texts written PLAN@VERSION (PLAN@2, PLAN@draft)',
    )
    .argument('<old>', 'the earlier text')
    .argument('<new>', 'the later text')
    .option('--json', 'print {"changes": [{kind, old, new, similarity}]}')
    .action(async (oldRef: string, newRef: string, opts: { json?: boolean }) => {
      const needsDb = isVersionRef(oldRef) || isVersionRef(newRef);
      const load = async (ref: string, get: (r: string) => Promise<PlanContent>) => get(ref);
      const run = async (get: (r: string) => Promise<PlanContent>) => {
        const result = redline(await load(oldRef, get), await load(newRef, get));
        if (opts.json) console.log(JSON.stringify(redlineToDiffJson(result), null, 2));
        else printRedline(result);
      };
      if (needsDb)
        await withDatabase((database) =>
          run(async (r) => (isVersionRef(r) ? (await loadRef(database, r)).content : fromFile(r))),
        );
      else await run(fromFile);
    });
}

async function fromFile(path: string): Promise<PlanContent> {
  const result = await readPlanFile(path);
  if (!result.ok || !result.plan) {
    const first = result.problems.find((p) => p.severity === 'error');
    throw new AppError(
      'import.failed',
      `${path}: ${first ? `line ${first.line}: ${first.message}` : 'could not be read'}`,
    );
  }
  return result.plan;
}

const COLOR = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, s: string) => (COLOR ? `\x1b[${code}m${s}\x1b[0m` : s);

function printRedline(r: Redline): void {
  const counts = Object.entries(r.counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  console.log(`aligned by ${r.alignment}: ${counts}`);
  for (const c of r.changes) {
    if (c.kind === 'unchanged') continue;
    const nums = `${c.old.map((p) => p.number).join('+') || '—'} → ${c.new.map((p) => p.number).join('+') || '—'}`;
    console.log(`\n${paint('1', c.kind.toUpperCase())}  ${nums}  (similarity ${c.similarity.toFixed(2)})`);
    const text = c.segments
      .map((s) =>
        s.op === 'equal'
          ? s.text
          : s.op === 'insert'
            ? paint('32', `{+${s.text}+}`)
            : paint('31', `[-${s.text}-]`),
      )
      .join('');
    if (text.trim()) console.log(`  ${text.replace(/\n/g, '\n  ')}`);
    for (const note of c.notes) console.log(`  · ${note}`);
  }
}

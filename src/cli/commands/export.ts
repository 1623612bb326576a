import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../domain/shared/app-error.ts';
import { EXPORT_FORMATS, type ExportFormat, fileStem, renderPlan } from '../../services/plans/export-plan.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { findPlan } from '../../store/plans/plans.repository.ts';
import { withDatabase } from '../context.ts';
import { loadRef } from './plan-files.ts';

/** `entente export PLAN`: write the draft or a version as Markdown, JSON, Word or PDF. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export a plan as Markdown, JSON, Word (.docx) or PDF')
    .argument('<plan>', 'the plan id (pln_…)')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--version <version>', 'version number or id; default: the working draft', 'draft')
    .option(
      '--out <file>',
      'write to this file (default: standard output for md/json, a file name for docx/pdf)',
    )
    .action(async (planId: string, opts: { format: string; version: string; out?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new AppError(
          'validation.failed',
          `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${opts.format}"`,
        );
      }
      const format = opts.format as ExportFormat;
      await withDatabase(async (database) => {
        const text = await loadRef(database, `${planId}@${opts.version}`);
        // An export from the shell is a read of confidential text like any other: it is recorded.
        await database.db.transaction().execute(async (tx) => {
          const plan = await findPlan(tx, planId);
          await appendAudit(tx, {
            processId: plan?.process_id ?? null,
            actorId: null,
            action: opts.version === 'draft' ? 'draft.export' : 'version.export',
            subjectType: opts.version === 'draft' ? 'plan' : 'version',
            subjectId: opts.version === 'draft' ? planId : `${planId}@${opts.version}`,
            detail: { planId, label: text.label, format, via: 'cli' },
          });
        });
        const body = await renderPlan(text.content, format, {
          versionLabel: opts.version === 'draft' ? null : text.label,
          contentHash: null,
        });
        const out =
          opts.out ??
          (format === 'md' || format === 'json'
            ? null
            : `${fileStem(text.content.title, text.label)}.${format}`);
        if (out === null) process.stdout.write(typeof body === 'string' ? body : Buffer.from(body));
        else {
          await writeFile(out, body);
          console.error(`wrote ${out}`);
        }
      });
    });
}

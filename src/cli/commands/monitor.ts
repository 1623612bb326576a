import type { Command } from 'commander';
import type { MonitoringSnapshot } from '../../domain/monitoring/monitoring-snapshot.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { parseInstant } from '../../services/audit/time-range.schema.ts';
import { printSnapshot } from '../../services/monitoring/report/snapshot-text.ts';
import { loadMonitoringSnapshot } from '../../services/monitoring/status/load-monitoring-snapshot.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import { listAgreements } from '../../store/monitoring/agreements.repository.ts';
import { findProcess } from '../../store/processes/processes.repository.ts';
import { withDatabase } from '../context.ts';

interface ReportOptions {
  process: string;
  agreement?: string;
  asOf?: string;
  json?: boolean;
}

/** `entente monitor report`: the implementation of a process's agreements as of a moment. */
export function registerMonitor(program: Command): void {
  program
    .command('monitor')
    .description('implementation monitoring of adopted agreements')
    .command('report')
    .description(
      "each commitment's status, deadline, progress and score as of a moment, with implementation by area, party and phase",
    )
    .requiredOption('--process <id>', 'the process (prc_…)')
    .option('--agreement <id>', 'only this agreement (agr_…); default: every agreement of the process')
    .option('--as-of <moment>', 'an ISO-8601 date (its end, UTC) or date-time with offset; default: now')
    .option(
      '--json',
      'print the monitoring snapshot as JSON (an array when the process has several agreements)',
    )
    .action(async (opts: ReportOptions) => {
      const asOf = asOfOption(opts.asOf);
      await withDatabase(async (database) => {
        const snapshots = await database.db.transaction().execute(async (tx) => {
          if (!(await findProcess(tx, opts.process)))
            throw new AppError('process.not_found', `process ${opts.process} does not exist`);
          const agreements = await listAgreements(tx, opts.process);
          const chosen = opts.agreement ? agreements.filter((a) => a.id === opts.agreement) : agreements;
          if (opts.agreement && chosen.length === 0)
            throw new AppError(
              'agreement.not_found',
              `agreement ${opts.agreement} does not exist in process ${opts.process}`,
            );
          if (chosen.length === 0)
            throw new AppError('agreement.not_found', `process ${opts.process} has no adopted agreement yet`);
          const out: MonitoringSnapshot[] = [];
          for (const a of chosen) out.push(await loadMonitoringSnapshot(tx, a.id, asOf));
          // Reading the record from the shell is recorded like a report downloaded from the app.
          for (const a of chosen)
            await appendAudit(tx, {
              processId: opts.process,
              actorId: null,
              action: 'monitoring_report.export',
              subjectType: 'agreement',
              subjectId: a.id,
              detail: {
                versionId: a.version_id,
                label: a.version_label,
                format: opts.json ? 'json' : 'text',
                asOf,
                via: 'cli',
              },
            });
          return out;
        });
        if (opts.json)
          console.log(JSON.stringify(snapshots.length === 1 ? snapshots[0] : snapshots, null, 2));
        else console.log(snapshots.map(printSnapshot).join('\n\n'));
      });
    });
}

/** The --as-of moment as an ISO instant; a date stands for its end (UTC), as in the API. */
function asOfOption(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString();
  const parsed = parseInstant(text.trim(), 'end');
  if (parsed === null)
    throw new AppError(
      'validation.failed',
      `--as-of must be an ISO-8601 date or date-time with offset, like 2027-03-01 or 2027-03-01T12:00:00Z, not "${text}"`,
    );
  return parsed;
}

import type { Command } from 'commander';
import { verifyAuditLog } from '../../services/audit/verify-audit-log.ts';
import { withDatabase } from '../context.ts';

/** `entente audit verify`: check the whole hash chain of the audit log. */
export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('the tamper-evident audit log')
    .command('verify')
    .description(
      'check every entry of the audit chain; exits 1 naming the first entry altered, removed or inserted',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (database) => {
        const result = await verifyAuditLog(database);
        if (opts.json) console.log(JSON.stringify(result));
        else if (result.ok)
          console.log(`audit log verified: ${result.entries} entries, chain head ${result.headHash}`);
        else console.error(`audit log BROKEN at entry ${result.problem.seq}: ${result.problem.message}`);
        if (!result.ok) process.exitCode = 1;
      });
    });
}

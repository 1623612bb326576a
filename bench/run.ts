import { benchAnalytics } from './analytics.bench.ts';
import { benchAudit } from './audit.bench.ts';
import type { BenchRow, BenchTable } from './harness.ts';
import { benchHttp } from './http.bench.ts';
import { benchLive } from './live.bench.ts';
import { benchMap } from './map.bench.ts';
import { benchMonitoringStatus } from './monitoring-status.bench.ts';
import { benchParsePlan } from './parse-plan.bench.ts';
import { benchRedline } from './redline.bench.ts';

const asJson = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

const SUITES: Record<string, () => Promise<BenchTable | BenchTable[]>> = {
  parse: benchParsePlan,
  redline: benchRedline,
  audit: benchAudit,
  http: benchHttp,
  analytics: benchAnalytics,
  live: benchLive,
  map: benchMap,
  'monitoring-status': benchMonitoringStatus,
  'event-import': async () => (await import('./event-import.bench.ts')).benchEventImport(),
  'event-import-http': async () => (await import('./event-import-http.bench.ts')).benchEventImportHttp(),
};

function verdict(row: BenchRow): string {
  if (row.budget === undefined) return '';
  // Budgets are on the median; the p99 column shows the tail on a shared 2-core machine.
  return row.value <= row.budget ? 'within budget' : 'OVER BUDGET';
}

function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function printTable(table: BenchTable): void {
  const header = ['what', 'median', 'p99', 'unit', 'budget', 'ratio', 'verdict', 'detail'];
  const rows = table.rows.map((r) => [
    r.name,
    fmt(r.value),
    fmt(r.p99),
    r.unit,
    r.budget === undefined ? '' : `≤ ${r.budget}`,
    r.ratio ? `${r.ratio.value.toFixed(2)}× ${r.ratio.against}` : '',
    verdict(r),
    r.detail ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n## ${table.title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

const tables: BenchTable[] = [];
for (const [name, run] of Object.entries(SUITES)) {
  if (only && !only.split(',').includes(name)) continue;
  if (!asJson) console.error(`running ${name}…`);
  const result = await run();
  tables.push(...(Array.isArray(result) ? result : [result]));
}
if (asJson) console.log(JSON.stringify({ at: new Date().toISOString(), tables }, null, 2));
else for (const t of tables) printTable(t);

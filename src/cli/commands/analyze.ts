import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { readAnalysisFile } from '../../domain/analytics/analysis-file.ts';
import type { Package } from '../../domain/analytics/analytics-model.ts';
import {
  type AnalysedSolution,
  type Analysis,
  analysisJson,
  analyzeInstance,
} from '../../domain/analytics/analyze-instance.ts';
import { describeTrade, logrollingTrades } from '../../domain/analytics/package-explanation.ts';
import { AppError } from '../../domain/shared/app-error.ts';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** `entente analyze FILE.json`: the packages every side can live with, exactly or with a proven bound. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'negotiation analytics on a preferences file: Pareto frontier, Nash, Kalai–Smorodinsky, leximin, utilitarian and Adjusted Winner packages',
    )
    .argument('<file>', 'a JSON file {parties, points, preferences, constraints}')
    .option(
      '--json',
      'print {exact, frontierSize, pareto, nash, kalaiSmorodinsky, leximin, utilitarian, adjustedWinner}',
    )
    .action(async (file: string, opts: { json?: boolean }) => {
      const info = await stat(file);
      if (!info.isFile()) throw new AppError('validation.failed', `${file} is not a file`);
      if (info.size > MAX_FILE_BYTES) throw new AppError('validation.failed', `${file} is larger than 5 MB`);
      let json: unknown;
      try {
        json = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new AppError('validation.failed', `${file} is not valid JSON: ${(error as Error).message}`);
      }
      const read = readAnalysisFile(json);
      if (!read.ok)
        throw new AppError('validation.failed', `${file}: ${read.problems.length} problem(s)`, {
          problems: read.problems.map((p) => ({ field: p.path, reason: p.message })),
        });
      const analysis = analyzeInstance(read.instance);
      if (opts.json) {
        console.log(JSON.stringify(analysisJson(analysis), null, 2));
        for (const note of notes(analysis)) console.error(`note: ${note}`);
      } else
        printAnalysis(
          analysis,
          read.instance.parties.map((p) => p.name ?? p.id),
          read.instance,
        );
    });
}

/** What is not proven, in words: printed to stderr with --json, which has no place for it. */
function notes(a: Analysis): string[] {
  const out: string[] = [];
  if (!a.frontier.exact)
    out.push(
      `the Pareto frontier was truncated at point ${a.frontier.work.limitHitAtPoint} (${a.frontier.packages.length} undominated packages kept; there may be more)`,
    );
  for (const [name, s] of solutionsOf(a))
    if (!s.exact)
      out.push(
        `${name}: best package found, not proven optimal${s.bound ? `; the ${s.bound.on} is at most ${fmt(s.bound.value)}` : ''}`,
      );
  return out;
}

const solutionsOf = (a: Analysis): [string, AnalysedSolution][] => [
  ['Nash', a.nash],
  ['Kalai–Smorodinsky', a.kalaiSmorodinsky],
  ['leximin', a.leximin],
  ['utilitarian', a.utilitarian],
];

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function printAnalysis(a: Analysis, names: string[], instance: Parameters<typeof logrollingTrades>[0]): void {
  const f = a.frontier;
  console.log(
    `Pareto frontier: ${f.packages.length} package(s)${f.exact ? ' (complete)' : ` (truncated at point ${f.work.limitHitAtPoint}: there may be more)`}`,
  );
  const rows = solutionsOf(a).map(([name, s]) => [
    name,
    s.package ? names.map((_, i) => fmt(s.package?.utilities[i] ?? 0)).join(' / ') : '— none feasible',
    s.exact ? 'exact' : s.bound ? `≤ ${fmt(s.bound.value)} (${s.bound.on})` : 'not proven',
    s.properties.join(', '),
  ]);
  console.log(`\n${table(['package', `utility (${names.join(' / ')})`, 'optimality', 'properties'], rows)}`);
  const points = instance.points.map((p) => p.id);
  const choiceRows = points.map((pointId) => [
    pointId,
    ...solutionsOf(a).map(([, s]) => s.package?.choice[pointId] ?? '—'),
  ]);
  console.log(`\n${table(['point', ...solutionsOf(a).map(([n]) => n)], choiceRows)}`);
  const nash: Package | null = a.nash.package;
  if (nash) {
    const trades = logrollingTrades(instance, nash.choice).slice(0, 5);
    if (trades.length > 0) {
      const name = (id: string) => instance.parties.find((p) => p.id === id)?.name ?? id;
      console.log('\nTrades that make the Nash package efficient:');
      for (const t of trades) console.log(`  ${describeTrade(t, name)}`);
    }
  }
  if (a.adjustedWinner) {
    const aw = a.adjustedWinner;
    console.log(
      `\nAdjusted Winner: ${fmt(aw.totals[0])} points each${aw.split ? `; ${aw.split.goodId} is split ${fmt(aw.split.fractions[0] * 100)}% / ${fmt(aw.split.fractions[1] * 100)}%` : '; no good needs splitting'}`,
    );
    const awRows = Object.entries(aw.allocation).map(([goodId, [x, y]]) => [goodId, fmt(x), fmt(y)]);
    console.log(table(['good', aw.parties[0], aw.parties[1]], awRows));
  }
  for (const note of notes(a)) console.log(`\nnote: ${note}`);
}

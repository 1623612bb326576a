import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../domain/shared/app-error.ts';
import { leakedTextOf } from '../../services/leak-trace/leaked-text.ts';
import { type LeakTrace, type TracedCopy, traceLeak } from '../../services/leak-trace/trace-leak.ts';
import { MAX_IMPORT_BYTES } from '../../services/plans/plan-source.schema.ts';
import { readStdin, withDatabase } from '../context.ts';

/** Exit code when the trace cannot name a copy; 1 stays for errors. */
const CANNOT_TELL = 2;

const REASONS: Record<NonNullable<LeakTrace['reason']>, string> = {
  'no-candidates': 'no marked copies are on record to compare it with',
  'few-marks': 'too few marks survive in it to tell the copies apart (a paragraph or more is needed)',
  'several-match':
    'it matches more than one copy: it may be pieced together from several copies, or retyped from two',
  'no-match': 'its marks match none of the copies on record well enough',
};

/** `entente trace FILE`: name the recipient whose copy a leaked text came from, or say it cannot tell. */
export function registerTrace(program: Command): void {
  program
    .command('trace')
    .description(
      'name the copy a leaked text came from: its recipient, with a confidence (exit 0), or say it cannot tell (exit 2)',
    )
    .argument('<file>', 'the leaked text: a .txt, .md, .json or .docx file, or - for standard input')
    .option('--process <id>', 'compare only with copies of this process (prc_…)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { process?: string; json?: boolean }) => {
      const text = await readLeak(file);
      await withDatabase(async (database) => {
        const trace = await traceLeak(database, {
          text,
          ...(opts.process ? { processId: opts.process } : {}),
          actorId: null,
          via: 'cli',
        });
        if (opts.json) console.log(JSON.stringify(trace, null, 2));
        else console.log(describe(trace));
        if (trace.verdict !== 'identified') process.exitCode = CANNOT_TELL;
      });
    });
}

async function readLeak(file: string): Promise<string> {
  if (file === '-') return readStdin();
  const info = await stat(file);
  if (!info.isFile()) throw new AppError('validation.failed', `${file} is not a file`);
  if (info.size > MAX_IMPORT_BYTES) {
    throw new AppError(
      'payload.too_large',
      `${basename(file)} is ${(info.size / 1024 / 1024).toFixed(1)} MB; up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB can be traced`,
    );
  }
  return leakedTextOf(await readFile(file), basename(file));
}

function describe(trace: LeakTrace): string {
  const lines: string[] = [];
  if (trace.verdict === 'no-marks') {
    lines.push(
      'Cannot tell: this text carries no marks. It is not from a marked copy, or it was retyped, scanned or cleaned of its marks.',
    );
  } else if (trace.verdict === 'identified' && trace.best) {
    lines.push(`Most likely source: ${copyLine(trace.best)}`);
    lines.push(
      `  confidence ${percent(trace.best.confidence)}; chance that another copy agrees this well: ${probability(trace.best.chance)}`,
    );
    lines.push(
      `  ${trace.best.matched} of ${trace.best.compared} marked bits agree (copy ${trace.best.fingerprintId})`,
    );
  } else {
    lines.push(`Cannot tell who this text was given to: ${REASONS[trace.reason ?? 'no-match']}.`);
  }
  const { invisible, punctuation, spacing, conflicts } = trace.marks;
  lines.push(
    `Marks read: ${invisible} zero-width, ${punctuation} hyphen/apostrophe, ${spacing} space slots` +
      `${conflicts > 0 ? `, ${conflicts} seen twice with different values` : ''}; compared with ${trace.candidates} copies on record.`,
  );
  const others = trace.verdict === 'identified' ? trace.ranking.slice(1, 2) : trace.ranking.slice(0, 3);
  for (const [i, copy] of others.entries()) {
    const label = trace.verdict === 'identified' ? 'Runner-up' : `Closest ${i + 1}`;
    lines.push(
      `${label}: ${copyLine(copy)} — ${copy.matched} of ${copy.compared} bits agree, confidence ${percent(copy.confidence)}`,
    );
  }
  return lines.join('\n');
}

const CHANNELS: Record<string, string> = {
  md: 'Markdown export',
  json: 'JSON export',
  docx: 'Word export',
  pdf: 'PDF export',
  print: 'print',
  view: 'on-screen copy',
};

function copyLine(copy: TracedCopy): string {
  const who = `${copy.recipient.name} <${copy.recipient.email}>`;
  const party = copy.recipient.partyName ? ` (${copy.recipient.partyName})` : '';
  const how = CHANNELS[copy.channel] ?? copy.channel;
  const when = `${copy.copiedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `${who}${party}: ${copy.version.label} of "${copy.plan.title}", ${how} of ${when}`;
}

function percent(p: number): string {
  if (p > 0.9999) return '> 99.99 %';
  if (p > 0 && p < 0.0001) return '< 0.01 %';
  return `${(p * 100).toFixed(2)} %`;
}

function probability(p: number): string {
  if (p === 0) return '< 1e-300';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

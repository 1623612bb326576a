import { createHash } from 'node:crypto';
import type { CandidateScore, TraceResult } from '../../domain/leak-trace/trace-text.ts';
import { traceText } from '../../domain/leak-trace/trace-text.ts';
import type { PlanContent } from '../../domain/plans/plan.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { appendAudit } from '../../store/audit/audit.repository.ts';
import type { Database } from '../../store/database.ts';
import {
  type FingerprintRecord,
  listFingerprints,
  versionContents,
} from '../../store/leak-trace/fingerprints.repository.ts';
import { findProcess } from '../../store/processes/processes.repository.ts';
import { MAX_IMPORT_BYTES } from '../plans/plan-source.schema.ts';
import { marksFor } from './mark-copy.ts';

/** How many of the closest copies a trace reports. */
const REPORTED = 5;

export interface TraceLeakInput {
  /** The leaked text: pasted, or read out of a file. */
  text: string;
  /** Compare only with copies of this process's versions. */
  processId?: string;
  /** Who runs the trace (null from the shell), for the audit log. */
  actorId?: string | null;
  via?: 'cli' | 'api';
}

/** A recorded copy as a trace reports it: how well it fits, who received it, and what it was. */
export interface TracedCopy {
  fingerprintId: string;
  confidence: number;
  chance: number;
  matched: number;
  compared: number;
  channels: CandidateScore['channels'];
  recipient: {
    userId: string;
    email: string;
    name: string;
    partyId: string | null;
    partyName: string | null;
  };
  channel: string;
  copiedAt: string;
  processId: string;
  plan: { id: string; title: string };
  version: { id: string; label: string };
}

export interface LeakTrace {
  verdict: TraceResult['verdict'];
  reason?: TraceResult['reason'];
  marks: TraceResult['marks'];
  /** Copies on record that the text was compared with. */
  candidates: number;
  best?: TracedCopy;
  runnerUp?: TracedCopy;
  /** The closest copies, most likely first. */
  ranking: TracedCopy[];
}

/**
 * Names the recorded copy a leaked text most likely came from (see domain/leak-trace), with its
 * recipient. The run is audited with a hash of the text, never the text itself.
 */
export async function traceLeak(database: Database, input: TraceLeakInput): Promise<LeakTrace> {
  if (input.text.length > MAX_IMPORT_BYTES)
    throw new AppError('payload.too_large', `the text is longer than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  if (input.processId !== undefined && !(await findProcess(database.db, input.processId)))
    throw new AppError('process.not_found', `process ${input.processId} does not exist`);
  const records = await listFingerprints(database.db, input.processId);
  const contents = await parsedContents(database, records);
  const candidates = records.flatMap((r) => {
    const content = contents.get(r.version_id);
    return content ? [{ id: r.id, seed: r.seed, content, marks: marksFor(r.channel) }] : [];
  });
  const result = traceText(input.text, candidates);

  const byId = new Map(records.map((r) => [r.id, r]));
  const present = (score: CandidateScore | undefined) => {
    const record = score && byId.get(score.id);
    return score && record ? tracedCopy(score, record) : undefined;
  };
  const best = present(result.best);
  const runnerUp = present(result.runnerUp);
  const trace: LeakTrace = {
    verdict: result.verdict,
    ...(result.reason ? { reason: result.reason } : {}),
    marks: result.marks,
    candidates: candidates.length,
    ...(best ? { best } : {}),
    ...(runnerUp ? { runnerUp } : {}),
    ranking: result.ranking.slice(0, REPORTED).flatMap((s) => present(s) ?? []),
  };
  const named = result.verdict === 'identified' ? best : undefined;
  await database.db.transaction().execute((tx) =>
    appendAudit(tx, {
      processId: named?.processId ?? input.processId ?? null,
      actorId: input.actorId ?? null,
      action: 'leak.trace',
      subjectType: 'fingerprint',
      subjectId: named?.fingerprintId ?? null,
      detail: {
        verdict: result.verdict,
        reason: result.reason ?? null,
        candidates: candidates.length,
        marks: result.marks,
        confidence: best?.confidence ?? null,
        textSha256: createHash('sha256').update(input.text).digest('hex'),
        via: input.via ?? 'cli',
      },
    }),
  );
  return trace;
}

/** Each version's text parsed once: copies of one version then share one object, and its slots. */
async function parsedContents(database: Database, records: FingerprintRecord[]) {
  const raw = await versionContents(database.db, [...new Set(records.map((r) => r.version_id))]);
  return new Map([...raw].map(([id, json]) => [id, JSON.parse(json) as PlanContent]));
}

function tracedCopy(score: CandidateScore, record: FingerprintRecord): TracedCopy {
  return {
    fingerprintId: record.id,
    confidence: score.confidence,
    chance: score.chance,
    matched: score.matched,
    compared: score.compared,
    channels: score.channels,
    recipient: {
      userId: record.user_id,
      email: record.user_email,
      name: record.user_name,
      partyId: record.party_id,
      partyName: record.party_name,
    },
    channel: record.channel,
    copiedAt: record.created_at,
    processId: record.process_id,
    plan: { id: record.plan_id, title: record.plan_title },
    version: { id: record.version_id, label: record.version_label },
  };
}

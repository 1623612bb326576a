import { can } from '../../domain/access/policies.ts';
import { type SafeAuditDetail, safeAuditDetail } from '../../domain/audit/audit-detail.ts';
import { summariseAuditEntry } from '../../domain/audit/audit-summary.ts';
import { invalid } from '../../domain/shared/app-error.ts';
import {
  type AuditQueryRow,
  auditSubjectLabels,
  listProcessAuditActions,
  queryProcessAudit,
} from '../../store/audit/audit-query.repository.ts';
import type { Database } from '../../store/database.ts';
import { findProcess, listParties, type PartyRow } from '../../store/processes/processes.repository.ts';
import { authorize, viewerIn } from '../access/authorize.ts';
import type { Actor } from '../access/sessions.ts';
import { processNotFound } from '../processes/add-party.ts';
import { AUDIT_PAGE_DEFAULT, type AuditLogQuery } from './audit-log.schema.ts';

/** Enough of the entry hash to find it in `entente audit verify --json` or the database. */
const SHORT_HASH = 12;

export interface AuditLogEntry {
  seq: number;
  at: string;
  actor: {
    id: string;
    name: string;
    email: string;
    party: { id: string; name: string; code: string; colour: string } | null;
  } | null;
  action: string;
  summary: string;
  subject: { type: string; id: string | null; label: string | null; planId: string | null };
  detail: SafeAuditDetail;
  hash: string;
}

/**
 * A page of a process's audit log for the mediator team, newest first, with the filters applied.
 * Only entries recorded in this process appear: sign-ins belong to no process. Each entry is
 * presented from its whitelisted detail and the current labels of its subject, never from stored
 * text, so the view cannot show confidential text even if a writer put some in a detail.
 */
export async function listAuditLog(database: Database, actor: Actor, processId: string, q: AuditLogQuery) {
  const tx = database.db;
  const process = await findProcess(tx, processId);
  if (!process) throw processNotFound(processId);
  const viewer = await viewerIn(tx, actor, processId);
  authorize(viewer, 'audit.read', () => processNotFound(processId));

  const parties = await listParties(tx, processId);
  if (q.party !== undefined && !parties.some((p) => p.id === q.party))
    throw invalid('query.party', 'is not a party of this process');

  const limit = q.limit ?? AUDIT_PAGE_DEFAULT;
  const rows = await queryProcessAudit(tx, {
    processId,
    actorId: q.actor,
    partyId: q.party,
    action: q.action,
    from: q.from,
    to: q.to,
    before: q.before,
    readerPartyId: viewer.membership?.partyId ?? '',
    // One more than shown, to know whether an older page exists without counting.
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const [labels, actions] = await Promise.all([
    subjectLabelsFor(database, processId, page, can(viewer, 'draft.read')),
    // The filter's choices are needed once, with the first page.
    q.before === undefined
      ? listProcessAuditActions(tx, processId, viewer.membership?.partyId ?? '')
      : undefined,
  ]);
  labels.set(`process:${processId}`, { label: process.title, planId: null });
  const partyName = partyNamer(parties);

  return {
    entries: page.map((row) => presentEntry(row, labels, partyName)),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
    ...(actions === undefined ? {} : { actions }),
  };
}

type Labels = Map<string, { label: string; planId: string | null }>;

/** The current names of the plans, versions, parties and members the entries are about. */
async function subjectLabelsFor(
  database: Database,
  processId: string,
  rows: AuditQueryRow[],
  mayReadPlans: boolean,
): Promise<Labels> {
  const idsOf = (type: string) => [
    ...new Set(rows.filter((r) => r.subject_type === type && r.subject_id).map((r) => r.subject_id ?? '')),
  ];
  // Titles and labels are shown only to whoever may read the plans; the policy says so, not this view.
  const found = await auditSubjectLabels(database.db, processId, {
    plans: mayReadPlans ? idsOf('plan') : [],
    versions: mayReadPlans ? idsOf('version') : [],
    users: idsOf('user'),
  });
  const labels: Labels = new Map();
  for (const p of found.plans) labels.set(`plan:${p.id}`, { label: p.label, planId: p.id });
  for (const v of found.versions) labels.set(`version:${v.id}`, { label: v.label, planId: v.plan_id });
  for (const u of found.users) labels.set(`user:${u.id}`, { label: u.label, planId: null });
  return labels;
}

function partyNamer(parties: PartyRow[]): (key: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const p of parties) {
    byKey.set(p.id, p.name);
    byKey.set(p.code, p.name);
  }
  return (key) => byKey.get(key);
}

function presentEntry(
  row: AuditQueryRow,
  labels: Labels,
  partyName: (key: string) => string | undefined,
): AuditLogEntry {
  const detail = safeAuditDetail(row.detail);
  const known = row.subject_id === null ? undefined : labels.get(`${row.subject_type}:${row.subject_id}`);
  const subjectLabel =
    known?.label ??
    (row.subject_type === 'party' && row.subject_id !== null ? (partyName(row.subject_id) ?? null) : null);
  return {
    seq: row.seq,
    at: row.at,
    actor:
      row.actor_id === null
        ? null
        : {
            id: row.actor_id,
            name: row.actor_name ?? 'Removed account',
            email: row.actor_email ?? '',
            party:
              row.party_id === null
                ? null
                : {
                    id: row.party_id,
                    name: row.party_name ?? '',
                    code: row.party_code ?? '',
                    colour: row.party_colour ?? '#999999',
                  },
          },
    action: row.action,
    summary: summariseAuditEntry({ action: row.action, detail, subjectLabel, partyName }),
    subject: {
      type: row.subject_type,
      id: row.subject_id,
      label: subjectLabel,
      planId: known?.planId ?? detail.planId ?? null,
    },
    detail,
    hash: row.hash.slice(0, SHORT_HASH),
  };
}

import type { Schema } from '../../store/schema.ts';

export type TableName = keyof Schema;

/** How a table is copied: its key (for paging in a stable order) and whether migrations seed it. */
export interface BackupTable {
  name: TableName;
  /** Primary-key columns: rows are read in this order, a page at a time. */
  key: readonly string[];
  /** A migration inserts a row (audit_head's genesis), so restore replaces it instead of adding one. */
  seeded?: boolean;
}

/**
 * Every table a backup holds, parents before children so that a restore satisfies each foreign
 * key as it goes.
 */
export const BACKUP_TABLES = [
  { name: 'users', key: ['id'] },
  { name: 'api_tokens', key: ['id'] },
  { name: 'processes', key: ['id'] },
  { name: 'parties', key: ['id'] },
  { name: 'memberships', key: ['process_id', 'user_id'] },
  { name: 'plans', key: ['id'] },
  { name: 'versions', key: ['id'] },
  { name: 'releases', key: ['id'] },
  { name: 'party_notes', key: ['id'] },
  { name: 'text_fingerprints', key: ['id'] },
  { name: 'positions', key: ['id'] },
  { name: 'amendments', key: ['id'] },
  { name: 'comments', key: ['id'] },
  { name: 'meetings', key: ['id'] },
  { name: 'meeting_status_history', key: ['id'] },
  { name: 'meeting_participants', key: ['id'] },
  { name: 'meeting_versions', key: ['meeting_id', 'version_id', 'role'] },
  { name: 'calendar_feeds', key: ['id'] },
  { name: 'analysis_points', key: ['id'] },
  { name: 'point_options', key: ['id'] },
  { name: 'option_constraints', key: ['id'] },
  { name: 'party_preferences', key: ['id'] },
  { name: 'agreements', key: ['id'] },
  { name: 'agreement_signatures', key: ['id'] },
  { name: 'agreement_phases', key: ['id'] },
  { name: 'commitments', key: ['id'] },
  { name: 'commitment_parties', key: ['commitment_id', 'party_id'] },
  { name: 'event_imports', key: ['id'] },
  { name: 'event_reports', key: ['id'] },
  { name: 'event_status_history', key: ['id'] },
  { name: 'event_commitment_links', key: ['event_report_id', 'commitment_id'] },
  { name: 'commitment_progress', key: ['id'] },
  { name: 'commitment_scores', key: ['id'] },
  { name: 'zones', key: ['id'] },
  { name: 'webhooks', key: ['id'] },
  { name: 'webhook_deliveries', key: ['id'] },
  { name: 'commitment_status_notices', key: ['commitment_id'] },
  { name: 'audit_log', key: ['seq'] },
  { name: 'audit_head', key: ['id'], seeded: true },
] as const satisfies readonly BackupTable[];

/**
 * Tables a backup leaves out on purpose, and why. A restored instance starts with nobody signed
 * in and no sign-in lockouts: both are short-lived state about the old server, not data, and a
 * copy of live sessions in a backup file would be one more credential to guard.
 */
export const EXCLUDED_TABLES = {
  sessions: 'sign-in sessions; everyone signs in again on the restored instance',
  sign_in_throttle: 'failed sign-in counters; lockouts do not carry over',
} as const satisfies Partial<Record<TableName, string>>;

// Compile-time guard: a table added to Schema must be listed above, copied or excluded with a reason.
type Unlisted = Exclude<TableName, (typeof BACKUP_TABLES)[number]['name'] | keyof typeof EXCLUDED_TABLES>;
const everyTableListed: [Unlisted] extends [never] ? true : { missing: Unlisted } = true;
void everyTableListed;

export const BACKUP_TABLE_NAMES: readonly string[] = BACKUP_TABLES.map((t) => t.name);

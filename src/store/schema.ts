import type { AuditEntry } from '../domain/audit/audit-chain.ts';

/**
 * Row types of every table. Portable across SQLite and PostgreSQL: timestamps are ISO-8601
 * text, booleans are 0/1 integers, structured values are JSON text.
 */

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scope: 'read' | 'write';
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ProcessTable {
  id: string;
  title: string;
  description: string;
  created_at: string;
  created_by: string;
}

export interface PartyTable {
  id: string;
  process_id: string;
  name: string;
  code: string;
  kind: string;
  colour: string;
  created_at: string;
}

export interface MembershipTable {
  process_id: string;
  user_id: string;
  party_id: string;
  role: string;
  created_at: string;
}

export interface PlanTable {
  id: string;
  process_id: string;
  title: string;
  /** The working draft, the only mutable text: PlanContent as JSON. */
  draft_content: string;
  draft_revision: number;
  point_count: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface VersionTable {
  id: string;
  plan_id: string;
  seq: number;
  label: string;
  note: string;
  content: string;
  content_hash: string;
  point_count: number;
  author_id: string;
  created_at: string;
}

/** An audit row is exactly the entry the chain verifier checks. */
export type AuditTable = AuditEntry;

/** One row holding the head of the audit chain; locking it serialises appends across instances. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Schema {
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  processes: ProcessTable;
  parties: PartyTable;
  memberships: MembershipTable;
  plans: PlanTable;
  versions: VersionTable;
  audit_log: AuditTable;
  audit_head: AuditHeadTable;
}

/** The audit log view's response (GET /processes/:id/audit); see services/audit/list-audit-log.ts. */
export interface AuditParty {
  id: string;
  name: string;
  code: string;
  colour: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  /** Null for entries written by the command line, which acts as no signed-in user. */
  actor: { id: string; name: string; email: string; party: AuditParty | null } | null;
  action: string;
  summary: string;
  subject: { type: string; id: string | null; label: string | null; planId: string | null };
  detail: Record<string, unknown>;
  /** The first 12 hex digits of the entry's hash in the chain. */
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor for the next, older page; null at the start of the log. */
  nextBefore: number | null;
  /** The actions recorded in the process (first page only). */
  actions?: string[];
}

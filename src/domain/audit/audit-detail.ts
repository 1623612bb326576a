/**
 * The part of an audit entry's detail that may be shown. Writers record what happened, not the
 * text it happened to; still, the view lets through only keys it knows, each of a shape that cannot
 * hold prose (ids, numbers, codes, short labels), so that nothing a writer adds later can carry plan
 * text, notes or amendments to a screen.
 */
export interface SafeAuditDetail {
  planId?: string;
  versionId?: string;
  /** The party a release, note or record concerns. */
  partyId?: string;
  partyIds?: string[];
  /** A party's short code ("KRF"), as member and party entries record it. */
  partyCode?: string;
  /** A version label ("Draft 2"). */
  label?: string;
  revision?: number;
  fromRevision?: number;
  /** How many points an edit touched, or a new plan holds. */
  pointCount?: number;
  /** The kind of draft edit ("updatePoint"). */
  op?: string;
  /** An export format ("pdf"). */
  format?: string;
  /** The interface used when it was not the web app ("cli"). */
  via?: string;
  /** Where a new plan came from ("text", "docx", "blank"). */
  source?: string;
  role?: string;
  scope?: string;
  /** A content hash (SHA-256, hex). */
  hash?: string;
  /** When a release says the version was handed over, if not at the time of the entry. */
  releasedAt?: string;
  demo?: boolean;
  /** Whether a party's note is shared with the mediator team. */
  shared?: boolean;
  /** Whether a note's text changed (its text itself is never recorded). */
  textChanged?: boolean;
  /** A stance code ("reservations"), an amendment's kind, state or decision, a meeting's status. */
  stance?: string;
  priority?: number;
  kind?: string;
  state?: string;
  decision?: string;
  status?: string;
  /** Whether the mediator changed the wording while accepting (the wording itself is not kept). */
  textEdited?: boolean;
  /** What a counter-proposal import made: counts per kind of change. */
  replaced?: number;
  added?: number;
  deleted?: number;
  /** Whether a new calendar feed address replaced an older one. */
  replacedFeed?: boolean;
  /** What an event import did: reports written, rows already known, rows refused. */
  imported?: number;
  duplicates?: number;
  rejected?: number;
  /** The agreement a commitment entry belongs to, and an implementation score (0–3). */
  agreementId?: string;
  score?: number;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const WORD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const CODE = /^[A-Za-z0-9_-]{1,16}$/;
const HASH = /^[0-9a-f]{64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/**
 * A version label is the one free string kept: the mediators typed it, and the cut-version schema
 * bounds it to one line of 100 characters. Free text of any other kind (a release's channel or
 * note, a title) stays out; the view shows subjects by their current names instead.
 */
const LABEL_MAX = 100;

const id = (v: unknown) => (typeof v === 'string' && ID.test(v) ? v : undefined);
const word = (v: unknown) => (typeof v === 'string' && WORD.test(v) ? v : undefined);
const code = (v: unknown) => (typeof v === 'string' && CODE.test(v) ? v : undefined);
const count = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);
const flag = (v: unknown) => (typeof v === 'boolean' ? v : undefined);
const label = (v: unknown) =>
  // A label is one line of printable text.
  typeof v === 'string' && v.length <= LABEL_MAX && !/[\u0000-\u001f\u007f]/.test(v) ? v : undefined;
const ids = (v: unknown) => {
  if (!Array.isArray(v) || v.length > 100) return undefined;
  const kept = v.map(id);
  return kept.every((x): x is string => x !== undefined) ? kept : undefined;
};

/**
 * Reads an entry's stored detail (JSON text) and keeps only the known, non-textual keys, each
 * checked for its shape. Anything else, or a detail that is not a JSON object, is dropped.
 */
export function safeAuditDetail(json: string): SafeAuditDetail {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const d = raw as Record<string, unknown>;
  const out: SafeAuditDetail = {
    planId: id(d.planId),
    versionId: id(d.versionId),
    partyId: id(d.partyId),
    partyIds: ids(d.partyIds),
    // member.add records the party's code as `party`, party.create as `code`.
    partyCode: code(d.party) ?? code(d.code) ?? code(d.partyCode),
    label: label(d.label),
    revision: count(d.revision),
    fromRevision: count(d.fromRevision),
    // plan.create records a count, draft.edit the ids of the points it touched: only the count is shown.
    pointCount:
      count(d.points) ?? (Array.isArray(d.points) ? d.points.length : undefined) ?? count(d.pointCount),
    op: word(d.op),
    format: word(d.format),
    via: word(d.via),
    source: word(d.source),
    role: word(d.role),
    scope: word(d.scope),
    hash: typeof d.hash === 'string' && HASH.test(d.hash) ? d.hash : undefined,
    releasedAt: typeof d.releasedAt === 'string' && INSTANT.test(d.releasedAt) ? d.releasedAt : undefined,
    demo: flag(d.demo),
    shared: flag(d.shared) ?? flag(d.sharedWithMediator) ?? flag(d.rationaleShared),
    textChanged: flag(d.textChanged),
    stance: word(d.stance),
    priority: count(d.priority),
    kind: word(d.kind),
    state: word(d.state),
    decision: word(d.decision),
    // meeting.create records the status as `status`, meeting.status the new one as `to`.
    status: word(d.status) ?? word(d.to),
    textEdited: flag(d.textEdited),
    replaced: typeof d.replaced === 'number' ? count(d.replaced) : undefined,
    added: count(d.added),
    deleted: count(d.deleted),
    replacedFeed: typeof d.replaced === 'boolean' ? d.replaced : undefined,
    imported: count(d.imported),
    duplicates: count(d.duplicates),
    rejected: count(d.rejected),
    agreementId: id(d.agreementId),
    score: typeof d.score === 'number' && [0, 1, 2, 3].includes(d.score) ? d.score : undefined,
  };
  for (const key of Object.keys(out) as (keyof SafeAuditDetail)[])
    if (out[key] === undefined) delete out[key];
  return out;
}

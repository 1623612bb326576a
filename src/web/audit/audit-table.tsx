import { Link } from 'wouter';
import { PartySwatch } from '../process/party-swatch.tsx';
import type { AuditEntry } from './audit-types.ts';

// Explicit fields: dateStyle/timeStyle cannot be combined with the zone name.
const TIME = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : TIME.format(d);
}

const SUBJECT_TYPES: Record<string, string> = {
  process: 'Process',
  party: 'Party',
  user: 'Member',
  plan: 'Plan',
  version: 'Version',
  party_note: 'Party note',
};

/** The entries as a table: when, who (with their party's colour), what, about what, and which entry. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <table className="table audit-table">
      <caption className="visually-hidden">Audit log entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Subject</th>
          <th scope="col" className="num">
            Entry
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td className="date">
              <time dateTime={e.at} title={e.at}>
                {localTime(e.at)}
              </time>
            </td>
            <td>
              <Who entry={e} />
            </td>
            <td className="audit-what">
              <span className="audit-summary">{e.summary}</span>
              <code className="audit-action">{e.action}</code>
            </td>
            <td className="audit-subject">
              <Subject entry={e} />
            </td>
            <td className="num audit-entry">
              <span className="audit-seq">#{e.seq}</span>
              <code className="audit-hash" title="The start of this entry’s hash in the audit chain">
                {e.hash}
              </code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Who({ entry }: { entry: AuditEntry }) {
  const a = entry.actor;
  if (a === null) {
    return (
      <>
        <span className="member-name">Command line</span>
        <span className="member-email">no signed-in user</span>
      </>
    );
  }
  return (
    <>
      <span className="member-name">
        {a.party !== null && <PartySwatch colour={a.party.colour} />} {a.name}
      </span>
      <span className="member-email">
        {a.party === null ? 'no longer a member' : a.party.code} · {a.email}
      </span>
    </>
  );
}

function Subject({ entry }: { entry: AuditEntry }) {
  const { type, id, label, planId } = entry.subject;
  const kind = SUBJECT_TYPES[type] ?? type;
  const name = label ?? (typeof entry.detail.label === 'string' ? entry.detail.label : null);
  const href =
    id === null
      ? null
      : type === 'plan'
        ? `/plans/${id}`
        : type === 'version' && planId !== null && label !== null
          ? `/plans/${planId}/versions/${id}`
          : null;
  return (
    <>
      <span className="audit-subject-kind">{kind}</span>
      {name !== null && (href === null ? <span>{name}</span> : <Link href={href}>{name}</Link>)}
    </>
  );
}

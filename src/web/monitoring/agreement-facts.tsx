import { Link } from 'wouter';
import { formatDay, formatInZone, formatLocal } from './monitoring-format.ts';
import type { Agreement } from './monitoring-types.ts';

/** What was adopted and when: the text, the signatures, entry into force and the phases. */
export function AgreementFacts({ agreement: a }: { agreement: Agreement }) {
  const phases = [...a.phases].sort((x, y) => x.position - y.position);
  return (
    <dl className="mon-facts">
      <dt>Adopted text</dt>
      <dd>
        <Link href={`/plans/${a.planId}/versions/${a.versionId}`}>{a.versionLabel}</Link>, adopted on{' '}
        {formatDay(a.adoptedOn)}
      </dd>
      <dt>Entry into force</dt>
      <dd>
        {a.entryIntoForce === null ? (
          <span className="muted">Not set yet</span>
        ) : (
          <>
            {formatLocal(a.entryIntoForce.local)} {a.entryIntoForce.zone.replace(/_/g, ' ')}
            <span className="muted"> · {formatInZone(a.entryIntoForce.at, 'UTC')}</span>
          </>
        )}
      </dd>
      <dt>Signed</dt>
      <dd>
        {a.signatures.length === 0 ? (
          <span className="muted">No signature recorded</span>
        ) : (
          <ul className="plain-list">
            {a.signatures.map((s) => (
              <li key={s.partyId}>
                {s.partyName}{' '}
                <span className="muted">
                  · {s.kind === 'signature' ? 'signed' : 'endorsed'} on {formatDay(s.signedOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </dd>
      {phases.length > 0 && (
        <>
          <dt>Phases</dt>
          <dd>
            <ol className="plain-list phase-names">
              {phases.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.description !== '' && <span className="muted"> · {p.description}</span>}
                </li>
              ))}
            </ol>
          </dd>
        </>
      )}
    </dl>
  );
}

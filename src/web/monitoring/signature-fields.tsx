import type { Party } from '../api/types.ts';
import { InlineError } from '../components/status.tsx';
import { PartySwatch } from '../process/party-swatch.tsx';
import type { SignatureKind } from './monitoring-types.ts';

/** A party's signature as the form holds it; `signedOn` empty while the party has not signed. */
export interface SignatureDraft {
  kind: SignatureKind;
  signedOn: string;
}

/**
 * One row per party: whether it signed or endorsed the agreement, and on which day. A row left
 * without a date is a party that has not signed (it is not sent).
 */
export function SignatureFields({
  parties,
  value,
  onChange,
  fieldError,
}: {
  parties: readonly Party[];
  value: ReadonlyMap<string, SignatureDraft>;
  onChange: (next: Map<string, SignatureDraft>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const set = (partyId: string, change: Partial<SignatureDraft>) => {
    const next = new Map(value);
    next.set(partyId, { ...(value.get(partyId) ?? { kind: 'signature', signedOn: '' }), ...change });
    onChange(next);
  };
  // The server numbers the signatures in the order sent: the parties with a date, in this order.
  const sent = parties.filter((p) => (value.get(p.id)?.signedOn ?? '') !== '');
  return (
    <fieldset className="field">
      <legend className="field-label">Signatures and endorsements</legend>
      <p className="hint">Leave the date empty for a party that has not signed (yet).</p>
      <table className="table signature-table">
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">How</th>
            <th scope="col">On</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((p) => {
            const row = value.get(p.id) ?? { kind: 'signature' as const, signedOn: '' };
            const index = sent.indexOf(p);
            const error =
              index < 0
                ? undefined
                : (fieldError(`signatures.${index}.signedOn`) ?? fieldError(`signatures.${index}`));
            return (
              <tr key={p.id}>
                <th scope="row">
                  <PartySwatch colour={p.colour} /> {p.name}
                </th>
                <td>
                  <select
                    aria-label={`${p.name}: signature or endorsement`}
                    value={row.kind}
                    onChange={(e) => set(p.id, { kind: e.target.value as SignatureKind })}
                  >
                    <option value="signature">Signature</option>
                    <option value="endorsement">Endorsement</option>
                  </select>
                </td>
                <td>
                  <input
                    type="date"
                    aria-label={`${p.name}: date signed`}
                    value={row.signedOn}
                    aria-invalid={error !== undefined}
                    onChange={(e) => set(p.id, { signedOn: e.target.value })}
                  />
                  <InlineError message={error} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <InlineError message={fieldError('signatures')} />
    </fieldset>
  );
}

/** The signatures to send: the parties with a date, in the parties' order. */
export function signaturesBody(parties: readonly Party[], value: ReadonlyMap<string, SignatureDraft>) {
  return parties.flatMap((p) => {
    const row = value.get(p.id);
    return row === undefined || row.signedOn === ''
      ? []
      : [{ partyId: p.id, kind: row.kind, signedOn: row.signedOn }];
  });
}

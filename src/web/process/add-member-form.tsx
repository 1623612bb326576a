import { useState } from 'react';
import { api } from '../api/client.ts';
import { type Member, type Party, ROLE_LABELS, type Role } from '../api/types.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';

const ROLES: Role[] = ['delegate', 'observer', 'monitor', 'mediator'];

interface Props {
  processId: string;
  parties: Party[];
  onAdded: (member: Member) => void;
  onCancel: () => void;
}

/** Gives an existing account a party and a role in this process (mediators only). */
export function AddMemberForm({ processId, parties, onAdded, onCancel }: Props) {
  const [email, setEmail] = useState('');
  const [partyId, setPartyId] = useState(parties[0]?.id ?? '');
  const [role, setRole] = useState<Role>('delegate');
  const { busy, onSubmit, fieldError, general } = useFormSubmit(
    () =>
      api.post<{ member: Member }>(`/processes/${processId}/members`, { email: email.trim(), partyId, role }),
    ({ member }) => onAdded(member),
    'Could not add the member.',
  );

  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="Add member">
      <label className="field">
        <span className="field-label">E-mail of an existing account</span>
        <input required autoFocus type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        <InlineError message={fieldError('email')} />
      </label>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">Party</span>
          <select value={partyId} onChange={(e) => setPartyId(e.target.value)}>
            {parties.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} — {p.name}
              </option>
            ))}
          </select>
          <InlineError message={fieldError('partyId')} />
        </label>
        <label className="field">
          <span className="field-label">Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <InlineError message={fieldError('role')} />
        </label>
      </div>
      <InlineError message={general} />
      <FormButtons busy={busy} label="Add member" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}

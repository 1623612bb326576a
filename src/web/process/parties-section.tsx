import { useState } from 'react';
import { api } from '../api/client.ts';
import { PARTY_KIND_LABELS, type Party, type PartyKind } from '../api/types.ts';
import { FormButtons } from '../components/form-buttons.tsx';
import { plural } from '../components/format.ts';
import { InlineError } from '../components/status.tsx';
import { useFormSubmit } from '../components/use-form-submit.ts';
import { PartySwatch } from './party-swatch.tsx';

interface Props {
  processId: string;
  parties: Party[];
  canAdd: boolean;
  onAdded: (party: Party) => void;
}

export function PartiesSection({ processId, parties, canAdd, onAdded }: Props) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="parties-heading">
      <div className="section-head">
        <h2 id="parties-heading">Parties</h2>
        {canAdd && !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add party
          </button>
        )}
      </div>
      <ul className="party-list">
        {parties.map((p) => (
          <li key={p.id}>
            <PartySwatch colour={p.colour} />
            <span className="party-code">{p.code}</span>
            <span className="party-name">{p.name}</span>
            <span className="party-kind">{PARTY_KIND_LABELS[p.kind]}</span>
            {p.memberCount !== null && <span className="party-count">{plural(p.memberCount, 'member')}</span>}
          </li>
        ))}
      </ul>
      {adding && (
        <AddPartyForm
          processId={processId}
          onCancel={() => setAdding(false)}
          onAdded={(party) => {
            setAdding(false);
            onAdded(party);
          }}
        />
      )}
    </section>
  );
}

const KINDS: PartyKind[] = ['state', 'bloc', 'organisation', 'armed_group', 'mediator'];

function AddPartyForm({
  processId,
  onAdded,
  onCancel,
}: {
  processId: string;
  onAdded: (p: Party) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<PartyKind>('state');
  const [colour, setColour] = useState('#4a6fa5');
  const { busy, onSubmit, fieldError, general } = useFormSubmit(
    () =>
      api.post<{ party: Party }>(`/processes/${processId}/parties`, {
        name: name.trim(),
        code: code.trim(),
        kind,
        colour,
      }),
    ({ party }) => onAdded(party),
    'Could not add the party.',
  );

  return (
    <form className="inline-form" onSubmit={onSubmit} aria-label="Add party">
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">Name</span>
          <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
          <InlineError message={fieldError('name')} />
        </label>
        <label className="field code-field">
          <span className="field-label">Code</span>
          <input
            required
            maxLength={12}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
          <InlineError message={fieldError('code')} />
        </label>
      </div>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as PartyKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {PARTY_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <InlineError message={fieldError('kind')} />
        </label>
        <label className="field">
          <span className="field-label">Colour</span>
          <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
          <InlineError message={fieldError('colour')} />
        </label>
      </div>
      <InlineError message={general} />
      <FormButtons busy={busy} label="Add party" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}

import { useState } from 'react';
import { type Member, type Party, ROLE_LABELS } from '../api/types.ts';
import { AddMemberForm } from './add-member-form.tsx';
import { PartySwatch } from './party-swatch.tsx';

interface Props {
  processId: string;
  members: Member[];
  parties: Party[];
  canAdd: boolean;
  onAdded: (member: Member) => void;
}

export function MembersTable({ processId, members, parties, canAdd, onAdded }: Props) {
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="members-heading">
      <div className="section-head">
        <h2 id="members-heading">Members</h2>
        {canAdd && !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add member
          </button>
        )}
      </div>
      {adding && (
        <AddMemberForm
          processId={processId}
          parties={parties}
          onCancel={() => setAdding(false)}
          onAdded={(member) => {
            setAdding(false);
            onAdded(member);
          }}
        />
      )}
      {members.length === 0 ? (
        <p className="empty">No members yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Party</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const party = partyById.get(m.partyId);
              return (
                <tr key={`${m.userId}-${m.partyId}`}>
                  <td>
                    <span className="member-name">{m.name}</span>
                    <span className="member-email">{m.email}</span>
                  </td>
                  <td>
                    {party !== undefined && <PartySwatch colour={party.colour} />} {party?.code ?? '—'}
                  </td>
                  <td>{ROLE_LABELS[m.role]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { type Member, type Party, ROLE_LABELS } from '../api/types.ts';
import { PartySwatch } from './party-swatch.tsx';

export function MembersTable({ members, parties }: { members: Member[]; parties: Party[] }) {
  const partyById = new Map(parties.map((p) => [p.id, p]));
  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
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

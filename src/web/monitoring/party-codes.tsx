import { PartySwatch } from '../process/party-swatch.tsx';

interface PartyRef {
  id: string;
  name: string;
  code: string;
  colour: string;
}

/** The obligated parties as short codes with their colour; the full name for screen readers and on hover. */
export function PartyCodes({
  ids,
  parties,
  full = false,
}: {
  ids: readonly string[];
  parties: readonly PartyRef[];
  /** Whole names instead of codes, where there is room. */
  full?: boolean;
}) {
  if (ids.length === 0) return <span className="muted small">No party named</span>;
  if (full)
    return (
      <ul className="party-codes party-names">
        {ids.map((id) => {
          const p = parties.find((x) => x.id === id);
          return (
            <li key={id}>
              {p && <PartySwatch colour={p.colour} />} {p?.name ?? 'A party no longer in the process'}
            </li>
          );
        })}
      </ul>
    );
  return (
    <ul className="party-codes">
      {ids.map((id) => {
        const p = parties.find((x) => x.id === id);
        return (
          <li key={id} title={p?.name}>
            {p && <PartySwatch colour={p.colour} />}
            <abbr title={p?.name ?? 'A party'}>{p?.code ?? '?'}</abbr>
            <span className="visually-hidden">{p?.name}</span>
          </li>
        );
      })}
    </ul>
  );
}

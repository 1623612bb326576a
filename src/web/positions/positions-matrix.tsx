import { PartySwatch } from '../process/party-swatch.tsx';
import { PRIORITY_LABELS, STANCE_LABELS, STANCE_SHORT } from './stance.ts';
import type { MatrixPoint, PositionParty } from './types.ts';

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const shortDate = (iso: string) => dayMonth.format(new Date(iso));

export interface SelectedCell {
  pointId: string;
  partyId: string;
}

interface Props {
  points: MatrixPoint[];
  parties: PositionParty[];
  tagLabel: (key: string) => string;
  selected: SelectedCell | null;
  onSelect: (cell: SelectedCell) => void;
  /** The reader's own party, whose empty cells invite a first stance. */
  ownPartyId: string | undefined;
}

/**
 * Points (rows) × parties (columns), each cell coloured by the party's current stance and naming
 * it in words too, with its priority and the version it was stated on. Every cell is a button that
 * opens its history, so the matrix is walked with Tab and opened with Enter.
 */
export function PositionsMatrix({ points, parties, tagLabel, selected, onSelect, ownPartyId }: Props) {
  const firstCalm = points.findIndex((p) => !p.contested);
  return (
    <div className="matrix-scroll">
      <table className="table positions-matrix">
        <caption className="visually-hidden">
          Each party’s current stance on each point; contested points first. Choose a cell for its history.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="point-col">
              Point
            </th>
            {parties.map((p) => (
              <th scope="col" key={p.id} className="party-col" title={p.name}>
                <PartySwatch colour={p.colour} /> {p.code}
                <span className="party-col-name">{p.name}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((point, i) => (
            <tr
              key={point.id}
              className={[
                point.contested ? 'contested-row' : '',
                i === firstCalm && i > 0 ? 'first-calm' : '',
                point.inReference ? '' : 'former-row',
              ].join(' ')}
            >
              <th scope="row" className="point-cell">
                <span className="point-head">
                  <span className="point-number">{point.number}</span>
                  {point.contested && <span className="contested-tag">contested</span>}
                  {!point.inReference && <span className="former-tag">in {point.shownIn} only</span>}
                </span>
                <span className="point-excerpt">{point.excerpt}</span>
                <span className="point-meta">
                  {point.area && <span>{point.area}</span>}
                  {point.tags.map((t) => (
                    <span key={t} className="point-tag">
                      {tagLabel(t)}
                    </span>
                  ))}
                </span>
              </th>
              {parties.map((party) => {
                const cell = point.cells[party.id] ?? null;
                const isSelected = selected?.pointId === point.id && selected.partyId === party.id;
                const label = cell
                  ? `${party.name} on point ${point.number}: ${STANCE_LABELS[cell.stance]}, priority ${cell.priority} (${PRIORITY_LABELS[cell.priority]}), stated on ${cell.version.label}. Show history.`
                  : `${party.name} on point ${point.number}: no stance yet.${party.id === ownPartyId && point.recordable ? ' State one.' : ' Show history.'}`;
                return (
                  <td
                    key={party.id}
                    className={`stance-cell ${cell ? `stance-${cell.stance}` : 'stance-none'}`}
                  >
                    <button
                      type="button"
                      className={isSelected ? 'cell-button selected' : 'cell-button'}
                      aria-label={label}
                      aria-pressed={isSelected}
                      title={label}
                      onClick={() => onSelect({ pointId: point.id, partyId: party.id })}
                    >
                      {cell ? (
                        <>
                          <span className="cell-stance">{STANCE_SHORT[cell.stance]}</span>
                          <span className="cell-meta">
                            <span className="cell-priority" aria-hidden="true">
                              P{cell.priority}
                            </span>
                            <span className="cell-version">
                              {cell.version.label} · {shortDate(cell.recordedAt)}
                            </span>
                          </span>
                        </>
                      ) : (
                        <span className="cell-empty">
                          {party.id === ownPartyId && point.recordable ? '+ state' : '—'}
                        </span>
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The colour key of the matrix, with what each stance means. */
export function StanceLegend() {
  return (
    <ul className="stance-legend" aria-label="Stance colours">
      {(['support', 'reservations', 'undecided', 'oppose'] as const).map((s) => (
        <li key={s}>
          <span className={`legend-swatch stance-${s}`} aria-hidden="true" />
          {STANCE_LABELS[s]}
        </li>
      ))}
      <li>
        <span className="legend-swatch stance-none" aria-hidden="true" />
        No stance yet
      </li>
      <li className="legend-note">P1–P5: priority, minor to vital</li>
    </ul>
  );
}

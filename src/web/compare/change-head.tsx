import type { RedlineChange } from '../../domain/plans/redline/redline-types.ts';
import { changeNumber, KIND_LABELS, lineage } from './kinds.ts';

/** Number, kind badge, lineage ("was 5, now 7") and non-text notes of one change. */
export function ChangeHead({ change }: { change: RedlineChange }) {
  const where = lineage(change);
  const area = (change.new[0] ?? change.old[0])?.area;
  return (
    <header className="change-head">
      <span className="point-number">{changeNumber(change)}</span>
      {change.kind !== 'unchanged' && (
        <span className={`kind-badge kind-${change.kind}`}>
          {change.kind === 'moved' ? '↕ ' : ''}
          {KIND_LABELS[change.kind]}
        </span>
      )}
      {change.renumbered && change.kind !== 'moved' && (
        <span className="kind-badge kind-renumbered">Renumbered</span>
      )}
      {where !== null && <span className="lineage">{where}</span>}
      {area !== null && area !== undefined && <span className="change-area">{area}</span>}
    </header>
  );
}

export function ChangeNotes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="change-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}

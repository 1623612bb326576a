import { plural } from '../components/format.ts';
import { AmendmentCard } from './amendment-card.tsx';
import type { Amendment, AmendmentGroup } from './amendment-types.ts';
import type { AmendmentActions } from './use-amendments.ts';

interface Props {
  group: AmendmentGroup;
  /** The numbering most groups follow; a group numbered otherwise says so. */
  numberedIn: string | null;
  actions: AmendmentActions;
  onEdit: (a: Amendment) => void;
  onDecide: (a: Amendment) => void;
}

/** The amendments on one point (or proposing new points at one place), side by side. */
export function AmendmentGroupSection({ group, numberedIn, actions, onEdit, onDecide }: Props) {
  const title =
    group.kind === 'new'
      ? group.number === null
        ? `New point${group.area ? ` in ${group.area}` : ''}`
        : `New point after point ${group.number}`
      : `Point ${group.number ?? '?'}`;
  const id = `group-${group.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const baseText = group.kind === 'point' ? group.amendments[0]?.baseText : undefined;
  return (
    <section className="amendment-group" aria-labelledby={id}>
      <div className="amendment-group-head">
        <h3 id={id}>{title}</h3>
        {group.area && <span className="muted">{group.area}</span>}
        {group.numberedIn !== numberedIn && (
          <span className="muted small">(numbered as in {group.numberedIn})</span>
        )}
        <span className="muted push-right">{plural(group.amendments.length, 'amendment')}</span>
      </div>
      {baseText !== undefined && baseText !== '' && (
        <details className="amendment-base">
          <summary>Text in {group.amendments[0]?.baseVersion.label}</summary>
          <p className="redline-text">{baseText}</p>
        </details>
      )}
      <div className="amendment-columns">
        {group.amendments.map((a) => (
          <AmendmentCard key={a.id} amendment={a} actions={actions} onEdit={onEdit} onDecide={onDecide} />
        ))}
      </div>
    </section>
  );
}

import type { Redline } from '../../domain/plans/redline/redline-types.ts';
import { plural } from '../components/format.ts';
import { KIND_LABELS, SUMMARY_KINDS } from './kinds.ts';

/** Counts per kind of change as coloured chips. */
export function SummaryBar({ redline }: { redline: Redline }) {
  const renumbered = redline.changes.filter((c) => c.renumbered).length;
  const total = SUMMARY_KINDS.reduce((n, k) => n + redline.counts[k], 0);
  return (
    <section className="summary-bar" aria-label="Summary of changes">
      <span className="summary-total">{total === 0 ? 'No changes to points' : plural(total, 'change')}</span>
      <ul className="chip-row">
        {SUMMARY_KINDS.filter((k) => redline.counts[k] > 0).map((k) => (
          <li key={k} className={`kind-chip kind-${k}`}>
            {KIND_LABELS[k]} <strong>{redline.counts[k]}</strong>
          </li>
        ))}
        {renumbered > 0 && (
          <li className="kind-chip kind-renumbered">
            Renumbered <strong>{renumbered}</strong>
          </li>
        )}
        <li className="kind-chip kind-unchanged">
          Unchanged <strong>{redline.counts.unchanged}</strong>
        </li>
      </ul>
      {redline.alignment === 'content' && (
        <p className="small muted">
          These texts share no point identities; points were paired by their wording.
        </p>
      )}
    </section>
  );
}

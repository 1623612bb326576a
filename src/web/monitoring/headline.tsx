import { Link } from 'wouter';
import { plural } from '../components/format.ts';
import { formatInZone, percentLabel } from './monitoring-format.ts';
import type { MonitoringSnapshot } from './monitoring-types.ts';

/** The agreement's implementation in one number: Σ score ÷ (3 × commitments), unscored counting as 0. */
export function Headline({
  snapshot,
  zone,
  commitmentsHref,
}: {
  snapshot: MonitoringSnapshot;
  zone: string | null;
  commitmentsHref: string;
}) {
  const t = snapshot.totals;
  const unscored = t.commitments - t.scored;
  return (
    <div className="headline">
      <p className="headline-number">
        <span className="headline-percent">{percentLabel(t.percent)}</span>
        <span className="headline-caption">implemented</span>
      </p>
      <div className="headline-bar" aria-hidden="true">
        <div className="headline-fill" style={{ width: `${Math.min(100, Math.max(0, t.percent))}%` }} />
      </div>
      <p className="headline-note">
        {t.commitments === 0 ? (
          <>
            No commitments yet: <Link href={commitmentsHref}>set them up</Link>.
          </>
        ) : (
          <>
            Sum of the 0–3 scores of {plural(t.commitments, 'commitment')} over the most they could reach (
            {t.commitments * 3}){unscored > 0 && `; ${unscored} not scored yet count as 0`}.
          </>
        )}{' '}
        As of {formatInZone(snapshot.asOf, zone)}.
      </p>
    </div>
  );
}

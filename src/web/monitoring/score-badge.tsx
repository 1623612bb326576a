import { SCORE_NAMES } from './monitoring-format.ts';
import type { ImplementationScore } from './monitoring-types.ts';

/** The 0–3 implementation score as "2 · Intermediate", or "Not scored". */
export function ScoreBadge({ score }: { score: ImplementationScore | null }) {
  if (score === null) return <span className="score-badge score-none">Not scored</span>;
  return (
    <span className={`score-badge score-${score}`}>
      <span className="score-number">{score}</span> {SCORE_NAMES[score]}
    </span>
  );
}

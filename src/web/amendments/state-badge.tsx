import { type AmendmentState, STATE_LABELS } from './amendment-types.ts';

/** The amendment's state as a coloured label (the word carries the meaning, the colour helps scan). */
export function StateBadge({ state }: { state: AmendmentState }) {
  return <span className={`amendment-badge state-${state}`}>{STATE_LABELS[state]}</span>;
}

import { BUDGET } from './preferences-draft.ts';

interface Props {
  left: number;
  /** After a save attempt, an unspent budget is an error too, not just a reminder. */
  strict: boolean;
  onSpreadEvenly: () => void;
  problem: string | undefined;
}

/** The live "N points left to allocate" counter over the weights, with the spread-evenly helper. */
export function PreferencesBudget({ left, strict, onSpreadEvenly, problem }: Props) {
  const over = left < 0;
  const state = left === 0 ? 'done' : over || strict ? 'error' : 'open';
  const message =
    left === 0
      ? `All ${BUDGET} points allocated.`
      : over
        ? `${points(-left)} over budget: take ${points(-left)} off the weights so they add up to ${BUDGET}.`
        : strict
          ? `${points(left)} left to allocate: the weights must add up to exactly ${BUDGET} before you can save.`
          : `${points(left)} left to allocate.`;
  return (
    <div className={`pref-budget pref-budget-${state}`}>
      <p className="pref-budget-count" aria-live="polite" role={state === 'error' ? 'alert' : 'status'}>
        {message}
      </p>
      {problem !== undefined && state !== 'error' && <p className="field-error">{problem}</p>}
      <button type="button" className="button button-small" onClick={onSpreadEvenly}>
        Spread evenly
      </button>
    </div>
  );
}

function points(n: number): string {
  return n === 1 ? '1 point' : `${n} points`;
}

import { quantityLabel } from './monitoring-format.ts';

/** "12 of 20 living hostages" with a bar; a bar past the target stops at full and says so. */
export function QuantityBar({
  done,
  target,
  unit,
  label,
}: {
  done: number;
  target: number;
  unit: string | null;
  /** What the bar is for, for screen readers ("Release of hostages"). */
  label: string;
}) {
  const share = target <= 0 ? 0 : Math.min(1, done / target);
  const text = `${quantityLabel(done)} of ${quantityLabel(target)}${unit ? ` ${unit}` : ''}`;
  return (
    <div className="quantity">
      <div
        className="quantity-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={target}
        aria-valuenow={Math.min(done, target)}
        aria-valuetext={text}
      >
        <div
          className={`quantity-fill${share >= 1 ? ' quantity-full' : ''}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <span className="quantity-text">
        {text}
        {done > target && <span className="muted"> (more than the target)</span>}
      </span>
    </div>
  );
}

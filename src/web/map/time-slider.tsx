import { useEffect, useRef, useState } from 'react';

const DAY = 86_400;
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const day = (seconds: number) => dayFormat.format(new Date(seconds * 1000));

/**
 * The time window of the map: two sliders over the days of the data (from, to), and a play
 * button that slides the window forward a step at a time, to watch events unfold.
 */
export function TimeSlider({
  min,
  max,
  from,
  to,
  onChange,
}: {
  /** Epoch seconds of the first and last event. */
  min: number;
  max: number;
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
}) {
  const first = Math.floor(min / DAY);
  const last = Math.max(first, Math.floor(max / DAY));
  const fromDay = Math.max(first, Math.min(last, Math.floor(from / DAY)));
  const toDay = Math.max(fromDay, Math.min(last, Math.floor(to / DAY)));
  const [playing, setPlaying] = useState(false);
  const state = useRef({ fromDay, toDay, first, last, onChange });
  state.current = { fromDay, toDay, first, last, onChange };

  const set = (f: number, t: number) => onChange(f * DAY, t * DAY + DAY - 1);

  useEffect(() => {
    if (!playing) return;
    const s0 = state.current;
    const span = s0.last - s0.first;
    // From the whole range, play a window a tenth as wide, starting at the beginning.
    let width = s0.toDay - s0.fromDay;
    let start = s0.fromDay;
    if (width >= span) {
      width = Math.max(0, Math.round(span / 10));
      start = s0.first;
    }
    const step = Math.max(1, Math.round(span / 60));
    let position = start;
    const timer = setInterval(() => {
      const s = state.current;
      if (position + width >= s.last) {
        setPlaying(false);
        return;
      }
      position = Math.min(s.last - width, position + step);
      s.onChange(position * DAY, (position + width) * DAY + DAY - 1);
    }, 250);
    state.current.onChange(start * DAY, (start + width) * DAY + DAY - 1);
    return () => clearInterval(timer);
  }, [playing]);

  if (last === first)
    return <p className="hint">All events fall on {day(min)}: there is no time range to slide.</p>;
  return (
    <fieldset className="time-slider">
      <legend className="field-label">Time</legend>
      <p className="time-slider-range" aria-live="polite">
        <strong>{day(fromDay * DAY)}</strong> to <strong>{day(toDay * DAY)}</strong>{' '}
        <span className="muted">({(toDay - fromDay + 1).toLocaleString()} days)</span>
      </p>
      <label className="time-slider-row">
        <span>From</span>
        <input
          type="range"
          min={first}
          max={last}
          value={fromDay}
          aria-valuetext={day(fromDay * DAY)}
          onChange={(e) => set(Math.min(Number(e.target.value), toDay), toDay)}
        />
      </label>
      <label className="time-slider-row">
        <span>To</span>
        <input
          type="range"
          min={first}
          max={last}
          value={toDay}
          aria-valuetext={day(toDay * DAY)}
          onChange={(e) => set(fromDay, Math.max(Number(e.target.value), fromDay))}
        />
      </label>
      <div className="button-row">
        <button type="button" className="button button-small" onClick={() => setPlaying((p) => !p)}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          disabled={fromDay === first && toDay === last}
          onClick={() => {
            setPlaying(false);
            set(first, last);
          }}
        >
          All dates
        </button>
      </div>
      <p className="hint">
        {day(first * DAY)} – {day(last * DAY)}. Dates are calendar days (UTC).
      </p>
    </fieldset>
  );
}

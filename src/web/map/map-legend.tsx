import type { CSSProperties } from 'react';
import { EVENT_STATUS_LABELS } from '../events/event-format.ts';
import type { EventStatus } from '../events/event-types.ts';
import { ZONE_KIND_LABELS, ZONE_STYLES } from '../zones/zone-format.ts';
import type { ZoneKind } from '../zones/zone-types.ts';
import type { TypeLegend } from './type-colours.ts';

const swatch = (colour: string) => ({ '--swatch': colour }) as CSSProperties;

/** The colour key of event types, each a switch that shows or hides that type. */
export function TypeFilter({
  legend,
  hidden,
  onToggle,
  onOnly,
}: {
  legend: TypeLegend;
  /** Category indexes switched off. */
  hidden: ReadonlySet<number>;
  onToggle: (category: number) => void;
  onOnly: (category: number | null) => void;
}) {
  return (
    <fieldset className="map-filter">
      <legend className="field-label">Event types</legend>
      <ul className="map-legend">
        {legend.categories.map((c, i) => (
          <li key={c.label}>
            <label className="choice">
              <input type="checkbox" checked={!hidden.has(i)} onChange={() => onToggle(i)} />
              <span className="map-swatch" style={swatch(c.colour)} aria-hidden="true" />
              <span className="map-legend-label">{c.label}</span>
              <span className="map-legend-count">{c.count.toLocaleString()}</span>
            </label>
            <button
              type="button"
              className="link-button map-only"
              aria-label={`Show only ${c.label}`}
              onClick={() => onOnly(i)}
            >
              only
            </button>
          </li>
        ))}
      </ul>
      {hidden.size > 0 && (
        <button type="button" className="link-button" onClick={() => onOnly(null)}>
          Show all types
        </button>
      )}
      <p className="hint">A cluster’s ring shows its mix of types; the number is how many events it holds.</p>
    </fieldset>
  );
}

/** Switches for the verification statuses, with how many events have each. */
export function StatusFilter({
  statuses,
  counts,
  hidden,
  onToggle,
}: {
  statuses: readonly EventStatus[];
  counts: readonly number[];
  hidden: ReadonlySet<number>;
  onToggle: (status: number) => void;
}) {
  return (
    <fieldset className="map-filter">
      <legend className="field-label">Status</legend>
      <ul className="map-legend">
        {statuses.map((s, i) => (
          <li key={s}>
            <label className="choice">
              <input type="checkbox" checked={!hidden.has(i)} onChange={() => onToggle(i)} />
              <span className="map-legend-label">{EVENT_STATUS_LABELS[s]}</span>
              <span className="map-legend-count">{(counts[i] ?? 0).toLocaleString()}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The key of the zone shapes drawn, when there are any. */
export function ZoneKey({ kinds }: { kinds: readonly ZoneKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <ul className="map-legend map-zone-key" aria-label="Zones">
      {kinds.map((k) => (
        <li key={k}>
          <span
            className={`map-zone-swatch map-zone-${k}`}
            style={{ '--stroke': ZONE_STYLES[k].stroke, '--fill': ZONE_STYLES[k].fill } as CSSProperties}
            aria-hidden="true"
          />
          {ZONE_KIND_LABELS[k]}
        </li>
      ))}
    </ul>
  );
}

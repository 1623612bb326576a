import { useEffect, useRef, useState } from 'react';
import type { ClusterFilter } from './cluster-protocol.ts';
import { MapController, type MapSelection } from './map-controller.ts';
import type { MapPoints } from './map-data.ts';
import type { ZoneShape } from './zone-layer.ts';

interface Props {
  points: MapPoints;
  categoryOfType: Uint8Array;
  colours: readonly string[];
  filter: ClusterFilter;
  zones: readonly ZoneShape[];
  selected: number | null;
  /** An event to centre on once the map opens (from ?event=). */
  focus: number | null;
  onSelect: (s: MapSelection | null) => void;
  onClusters: (matched: number | null, busy: boolean) => void;
  label: string;
}

/** The map canvas with its zoom buttons; the drawing and the input live in MapController. */
export function MapCanvas(props: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    if (canvas.current === null) return;
    const c = new MapController(canvas.current, {
      onSelect: (s) => callbacks.current.onSelect(s),
      onClusters: (m, b) => callbacks.current.onClusters(m, b),
    });
    setController(c);
    return () => c.dispose();
  }, []);
  useEffect(() => {
    controller?.setData(props.points, props.categoryOfType, props.colours);
  }, [controller, props.points, props.categoryOfType, props.colours]);
  useEffect(() => {
    controller?.setFilter(props.filter);
  }, [controller, props.filter]);
  useEffect(() => {
    controller?.setZones(props.zones);
  }, [controller, props.zones]);
  useEffect(() => {
    controller?.setSelected(props.selected);
  }, [controller, props.selected]);
  useEffect(() => {
    if (props.focus !== null) controller?.focusEvent(props.focus);
  }, [controller, props.focus]);

  return (
    <div className="map-frame">
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the canvas takes the keyboard (arrows, + and −, Enter); role application hands it those keys */}
      <canvas
        ref={canvas}
        className="map-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label={props.label}
        aria-describedby="map-keys"
      />
      <div className="map-zoom">
        <button
          type="button"
          className="button button-small"
          aria-label="Zoom in"
          onClick={() => controller?.zoomBy(2)}
        >
          +
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label="Zoom out"
          onClick={() => controller?.zoomBy(0.5)}
        >
          −
        </button>
        <button type="button" className="button button-small" onClick={() => controller?.fit()}>
          Fit
        </button>
      </div>
      <p className="map-attribution">Base map: Natural Earth</p>
      <p className="visually-hidden" id="map-keys">
        Arrow keys pan, plus and minus zoom, 0 fits the events, Enter opens the cluster or event under the
        cross in the middle. Drag to pan, scroll to zoom, click a cluster to zoom into it or an event to see
        it.
      </p>
    </div>
  );
}

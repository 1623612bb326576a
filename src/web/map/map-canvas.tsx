import { useEffect } from 'react';
import type { ClusterFilter } from './cluster-protocol.ts';
import type { MapSelection } from './map-controller.ts';
import type { MapPoints } from './map-data.ts';
import { MapSurface } from './map-surface.tsx';
import { useMapController } from './use-map-controller.ts';
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
  const { canvas, controller } = useMapController({ onSelect: props.onSelect, onClusters: props.onClusters });
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
      <MapSurface canvas={canvas} controller={controller} label={props.label} describedBy="map-keys" fit />
      <p className="map-attribution">Base map: Natural Earth</p>
      <p className="visually-hidden" id="map-keys">
        Arrow keys pan, plus and minus zoom, 0 fits the events, Enter opens the cluster or event under the
        cross in the middle. Drag to pan, scroll to zoom, click a cluster to zoom into it or an event to see
        it.
      </p>
    </div>
  );
}

import { useEffect, useRef } from 'react';
import { MapSurface } from './map-surface.tsx';
import { useMapController } from './use-map-controller.ts';
import '../styles/map.css';

/** A small map for the report form: click (or Enter on the cross) to take that place's coordinates. */
export default function CoordinatePicker({
  latitude,
  longitude,
  near,
  onPick,
}: {
  latitude: number | null;
  longitude: number | null;
  /** Where to look when no place is picked yet. */
  near: { latitude: number; longitude: number } | null;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const start = useRef({ latitude, longitude, near });
  const { canvas, controller } = useMapController({ onPick: (lon, lat) => onPick(lat, lon) }, (c) => {
    const { latitude: lat, longitude: lon, near: around } = start.current;
    if (lat !== null && lon !== null) c.setMarker(lon, lat, true);
    else if (around !== null) c.lookAt(around.longitude, around.latitude);
  });
  useEffect(() => {
    controller?.setMarker(longitude, latitude);
  }, [controller, latitude, longitude]);

  return (
    <div className="map-frame map-picker">
      <MapSurface
        canvas={canvas}
        controller={controller}
        label="Pick the place on the map"
        describedBy="picker-keys"
      />
      <p className="hint" id="picker-keys">
        Click the place (or move with the arrow keys and press Enter) to fill in its coordinates; drag to pan,
        scroll or + and − to zoom.
      </p>
    </div>
  );
}

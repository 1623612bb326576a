import { useEffect, useRef, useState } from 'react';
import { MapController } from './map-controller.ts';
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
  const canvas = useRef<HTMLCanvasElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const start = useRef({ latitude, longitude, near });

  useEffect(() => {
    if (canvas.current === null) return;
    const c = new MapController(canvas.current, {
      onSelect: () => undefined,
      onClusters: () => undefined,
      onPick: (lon, lat) => pick.current(lat, lon),
    });
    const { latitude: lat, longitude: lon, near: around } = start.current;
    if (lat !== null && lon !== null) c.setMarker(lon, lat, true);
    else if (around !== null) c.lookAt(around.longitude, around.latitude);
    setController(c);
    return () => c.dispose();
  }, []);
  useEffect(() => {
    controller?.setMarker(longitude, latitude);
  }, [controller, latitude, longitude]);

  return (
    <div className="map-frame map-picker">
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the canvas takes the keyboard (arrows, + and −, Enter); role application hands it those keys */}
      <canvas
        ref={canvas}
        className="map-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label="Pick the place on the map"
        aria-describedby="picker-keys"
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
      </div>
      <p className="hint" id="picker-keys">
        Click the place (or move with the arrow keys and press Enter) to fill in its coordinates; drag to pan,
        scroll or + and − to zoom.
      </p>
    </div>
  );
}

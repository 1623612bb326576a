import { useEffect, useMemo, useRef, useState } from 'react';
import { MapController } from '../map/map-controller.ts';
import { zoneShapes } from '../map/zone-layer.ts';
import type { Zone } from './zone-types.ts';
import '../styles/map.css';

/** The zones (stored, or previewed before import) on a small map fitted to them. */
export function ZonesMap({ zones, label }: { zones: readonly Zone[]; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const shapes = useMemo(() => zoneShapes(zones), [zones]);

  useEffect(() => {
    if (canvas.current === null) return;
    const c = new MapController(canvas.current, { onSelect: () => undefined, onClusters: () => undefined });
    setController(c);
    return () => c.dispose();
  }, []);
  useEffect(() => {
    if (controller === null) return;
    controller.setZones(shapes);
    controller.fit(false);
  }, [controller, shapes]);

  return (
    <div className="map-frame map-picker zones-map">
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the canvas takes the keyboard (arrows, + and −); role application hands it those keys */}
      <canvas
        ref={canvas}
        className="map-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label={`${label}. Arrow keys pan, plus and minus zoom.`}
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
    </div>
  );
}

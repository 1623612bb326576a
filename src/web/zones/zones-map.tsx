import { useEffect, useMemo } from 'react';
import { MapSurface } from '../map/map-surface.tsx';
import { useMapController } from '../map/use-map-controller.ts';
import { zoneShapes } from '../map/zone-layer.ts';
import type { Zone } from './zone-types.ts';
import '../styles/map.css';

/** The zones (stored, or previewed before import) on a small map fitted to them. */
export function ZonesMap({ zones, label }: { zones: readonly Zone[]; label: string }) {
  const { canvas, controller } = useMapController({});
  const shapes = useMemo(() => zoneShapes(zones), [zones]);

  useEffect(() => {
    if (controller === null) return;
    controller.setZones(shapes);
    controller.fit(false);
  }, [controller, shapes]);

  return (
    <div className="map-frame map-picker zones-map">
      <MapSurface
        canvas={canvas}
        controller={controller}
        label={`${label}. Arrow keys pan, plus and minus zoom.`}
        fit
      />
    </div>
  );
}

import { type RefObject, useEffect, useRef, useState } from 'react';
import { type MapCallbacks, MapController } from './map-controller.ts';

/**
 * Opens a MapController on the returned canvas once it is mounted, and disposes of it on unmount.
 * The callbacks are read at each call, so the latest props answer; whether the map picks places
 * (`onPick`) is fixed when it opens. `onOpen` sets the first view before the controller is handed out.
 */
export function useMapController(
  callbacks: Partial<MapCallbacks>,
  onOpen?: (controller: MapController) => void,
): { canvas: RefObject<HTMLCanvasElement | null>; controller: MapController | null } {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [controller, setController] = useState<MapController | null>(null);
  const latest = useRef(callbacks);
  latest.current = callbacks;
  const open = useRef(onOpen);

  useEffect(() => {
    if (canvas.current === null) return;
    const c = new MapController(canvas.current, {
      onSelect: (s) => latest.current.onSelect?.(s),
      onClusters: (m, b) => latest.current.onClusters?.(m, b),
      ...(latest.current.onPick === undefined
        ? {}
        : { onPick: (lon: number, lat: number) => latest.current.onPick?.(lon, lat) }),
    });
    open.current?.(c);
    setController(c);
    return () => c.dispose();
  }, []);

  return { canvas, controller };
}

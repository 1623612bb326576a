import type { RefObject } from 'react';
import type { MapController } from './map-controller.ts';

/** The map's canvas and its zoom buttons (and Fit, when the map has something to fit to). */
export function MapSurface({
  canvas,
  controller,
  label,
  describedBy,
  fit = false,
}: {
  canvas: RefObject<HTMLCanvasElement | null>;
  controller: MapController | null;
  label: string;
  /** The id of the text explaining the keys, when the label does not. */
  describedBy?: string;
  fit?: boolean;
}) {
  return (
    <>
      {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: the canvas takes the keyboard (arrows, + and −, Enter); role application hands it those keys */}
      <canvas
        ref={canvas}
        className="map-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="map"
        aria-label={label}
        aria-describedby={describedBy}
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
        {fit && (
          <button type="button" className="button button-small" onClick={() => controller?.fit()}>
            Fit
          </button>
        )}
      </div>
    </>
  );
}

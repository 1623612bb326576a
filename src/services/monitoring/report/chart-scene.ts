/**
 * A chart as a list of plain shapes in a box of `width` × `height` units: built once (report-charts.ts),
 * then written as SVG (for the PNG in the Word file) or drawn with PDF vector commands, so that
 * both files show the same picture. Text `y` is the baseline, as in SVG.
 */
export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number }
  | { kind: 'polyline'; points: [number, number][]; stroke: string; strokeWidth: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
    };

export interface ChartScene {
  width: number;
  height: number;
  shapes: Shape[];
}

export const CHART_FONT = 'DejaVu Sans';

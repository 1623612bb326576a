import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT, type ChartScene } from './chart-scene.ts';
import { sceneToSvg } from './chart-svg.ts';

const require = createRequire(import.meta.url);
/** The same faces as the PDF export, so that a chart reads alike in both files and on any machine. */
const FONT_FILES = [
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
];

/** The scene rasterised to a PNG `pixelWidth` wide (twice the printed size keeps it sharp). */
export function sceneToPng(scene: ChartScene, pixelWidth = scene.width * 2): Buffer {
  const resvg = new Resvg(sceneToSvg(scene), {
    fitTo: { mode: 'width', value: Math.round(pixelWidth) },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

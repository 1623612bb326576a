import { CHART_FONT, type ChartScene, type Shape } from './chart-scene.ts';

const escapeXml = (text: string) =>
  text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

const n = (x: number) => String(Math.round(x * 100) / 100);

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}" fill="${s.fill}"/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${n(s.strokeWidth)}"/>`;
    case 'polyline':
      return `<polyline points="${s.points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}" fill="none" stroke="${s.stroke}" stroke-width="${n(s.strokeWidth)}" stroke-linejoin="round"/>`;
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" fill="${s.fill}"/>`;
    case 'text':
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}" fill="${s.fill}" text-anchor="${s.anchor}"${s.bold ? ' font-weight="bold"' : ''}>${escapeXml(s.text)}</text>`;
  }
}

/** The scene as a standalone SVG document (texts in DejaVu Sans, which the rasteriser is given). */
export function sceneToSvg(scene: ChartScene): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${CHART_FONT}">`,
    `<rect width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`,
    ...scene.shapes.map(shapeSvg),
    '</svg>',
  ].join('\n');
}

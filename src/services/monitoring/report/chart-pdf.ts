import type { Doc } from '../../../formats/export/pdf.ts';
import type { ChartScene } from './chart-scene.ts';

/**
 * Draws a scene with PDF vector commands at (`x`, `y`) scaled to `width` points: lines stay sharp
 * at any zoom and the labels are real text. The fonts are those the PDF export registers.
 */
export function drawScene(doc: Doc, scene: ChartScene, x: number, y: number, width: number): number {
  const k = width / scene.width;
  const px = (v: number) => x + v * k;
  const py = (v: number) => y + v * k;
  doc.save();
  for (const s of scene.shapes) {
    switch (s.kind) {
      case 'rect':
        doc.rect(px(s.x), py(s.y), s.width * k, s.height * k).fill(s.fill);
        break;
      case 'line':
        doc
          .moveTo(px(s.x1), py(s.y1))
          .lineTo(px(s.x2), py(s.y2))
          .lineWidth(s.strokeWidth * k)
          .stroke(s.stroke);
        break;
      case 'polyline': {
        const [first, ...rest] = s.points;
        if (!first) break;
        doc.moveTo(px(first[0]), py(first[1]));
        for (const [u, v] of rest) doc.lineTo(px(u), py(v));
        doc
          .lineWidth(s.strokeWidth * k)
          .lineJoin('round')
          .stroke(s.stroke);
        break;
      }
      case 'circle':
        doc.circle(px(s.cx), py(s.cy), s.r * k).fill(s.fill);
        break;
      case 'text': {
        doc
          .font(s.bold ? 'sansBold' : 'sans')
          .fontSize(s.size * k)
          .fillColor(s.fill);
        const w = doc.widthOfString(s.text);
        const left = s.anchor === 'start' ? px(s.x) : s.anchor === 'middle' ? px(s.x) - w / 2 : px(s.x) - w;
        doc.text(s.text, left, py(s.y), { lineBreak: false, baseline: 'alphabetic' });
        break;
      }
    }
  }
  doc.restore();
  return scene.height * k;
}

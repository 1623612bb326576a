import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** DejaVu covers Latin with diacritics, Cyrillic and Greek, which the PDF core fonts cannot show. */
export const PDF_FONTS = {
  serif: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  serifBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  serifItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
  serifBoldItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-BoldItalic.ttf'),
  sansBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  sans: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
} as const;

export type PdfFont = keyof typeof PDF_FONTS;

/** The serif face for a styled run. */
export function serifFor(bold: boolean, italic: boolean): PdfFont {
  if (bold) return italic ? 'serifBoldItalic' : 'serifBold';
  return italic ? 'serifItalic' : 'serif';
}

import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-font.js';

export interface Raster {
  png: Buffer;
  /** RGBA, row by row. */
  pixels: Buffer;
  width: number;
  height: number;
}

/**
 * An SVG to PNG with the shipped font only: system fonts are never read, so every machine draws the
 * same pixels. `withFont: false` draws no text at all, which tests use to see the font at work.
 */
export function rasterize(svg: string, { withFont = true }: { withFont?: boolean } = {}): Raster {
  const rendered = new Resvg(svg, {
    background: '#FFFFFF',
    font: { loadSystemFonts: false, fontFiles: withFont ? chartFontFiles() : [], defaultFontFamily: CHART_FONT_FAMILY },
  }).render();
  return { png: rendered.asPng(), pixels: Buffer.from(rendered.pixels), width: rendered.width, height: rendered.height };
}

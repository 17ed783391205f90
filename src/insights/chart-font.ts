import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The chart's font: Noto Sans Hans (Latin and the GB2312 Chinese characters), shipped as OpenType
 * files by an npm package, so that a fresh machine draws the same chart with no system fonts.
 * resvg reads TTF/OTF only, not the WOFF2 most web-font packages ship.
 */
export const CHART_FONT_FAMILY = 'Noto Sans S Chinese';

const require = createRequire(import.meta.url);

/** Regular for labels, Bold for titles. */
export function chartFontFiles(): string[] {
  // The package exports only its metadata module (dist/); the fonts sit beside it in fonts/.
  const fontsDir = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
  return ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'].map((file) => join(fontsDir, file));
}

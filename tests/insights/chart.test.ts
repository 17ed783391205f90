import { describe, expect, it } from 'vitest';
import { en, zh } from '../../src/i18n/index.js';
import { insightsChartSvg, renderInsightsChart, type ChartData } from '../../src/insights/chart.js';
import { rasterize, type Raster } from '../../src/insights/chart-raster.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG has first, right after the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Pixels in a column range that are not the white background. */
function inkInColumns(raster: Raster, fromX: number, toX: number): number {
  let ink = 0;
  for (let y = 0; y < raster.height; y += 1) {
    for (let x = fromX; x < toX; x += 1) {
      const i = (y * raster.width + x) * 4;
      if (raster.pixels[i]! < 200 || raster.pixels[i + 1]! < 200 || raster.pixels[i + 2]! < 200) ink += 1;
    }
  }
  return ink;
}

const english: ChartData = {
  mix: [
    { label: 'The Angry Customer', count: 42 },
    { label: 'The Bargain Hunter', count: 17 },
    { label: 'The Confused First-Timer', count: 5 },
  ],
  accuracy: [
    { label: 'The Angry Customer', answers: 30, accuracy: 0.8 },
    { label: 'The Skeptic', answers: 12, accuracy: 0.5 },
  ],
};

const chinese: ChartData = {
  mix: [
    { label: '愤怒的客户', count: 42 },
    { label: '精打细算的客户', count: 17 },
  ],
  accuracy: [{ label: '愤怒的客户', answers: 30, accuracy: 0.8 }],
};

describe('renderInsightsChart', () => {
  it('renders English labels to a valid PNG of the size it reports, quickly', async () => {
    const started = performance.now();
    const chart = await renderInsightsChart(english, en.chart);
    const elapsedMs = performance.now() - started;
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    expect(chart.width).toBe(760);
    // Title, two section titles and five rows: taller than a chart with two rows.
    const smaller = await renderInsightsChart({ mix: english.mix.slice(0, 1), accuracy: english.accuracy.slice(0, 1) }, en.chart);
    expect(chart.height).toBe(smaller.height + 3 * 28);
    // Measured at 50-120 ms on a shared 2-core machine (the first render loads the font).
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('renders Chinese labels to a valid PNG', async () => {
    const chart = await renderInsightsChart(chinese, zh.chart);
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
  });

  it('draws Chinese glyphs with the shipped font, and nothing without it', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" font-size="24">愤怒的客户</text></svg>';
    const withFont = rasterize(svg);
    const withoutFont = rasterize(svg, { withFont: false });
    expect(inkInColumns(withFont, 0, 200)).toBeGreaterThan(300);
    expect(inkInColumns(withoutFont, 0, 200)).toBe(0);
  });

  it('draws the Chinese type names left of the bars, none cut at the left edge', async () => {
    const long = { ...chinese, mix: [...chinese.mix, { label: '特别特别在意细节而且总是问很多问题的客户类型', count: 3 }] };
    const { svg, width } = await insightsChartSvg(long, zh.chart);
    const raster = rasterize(svg);
    const labelsOnly = rasterize(svg.replace(/<path[^>]*>/gu, ''));
    expect(inkInColumns(labelsOnly, 20, 200)).toBeGreaterThan(500);
    // The page keeps its 20 px margin: a label too wide for its column would run into it.
    expect(inkInColumns(raster, 0, 16)).toBe(0);
    expect(inkInColumns(raster, width - 8, width)).toBe(0);
  });

  it('keeps very long and wide English labels inside the image', async () => {
    const wide = { mix: [{ label: 'W'.repeat(300), count: 1 }, { label: 'MMMM MMMM MMMM', count: 2 }], accuracy: [] };
    const { svg } = await insightsChartSvg(wide, en.chart);
    expect(inkInColumns(rasterize(svg), 0, 16)).toBe(0);
    const chart = await renderInsightsChart(wide, en.chart);
    expect(chart.alt).toContain('W'.repeat(300));
  });

  it('carries every number in the alt text, in the catalogue language', async () => {
    expect((await renderInsightsChart(english, en.chart)).alt).toBe(
      "This week's customers and quiz. Customers met by type: The Angry Customer 42; The Bargain Hunter 17; The Confused First-Timer 5. " +
        'Quiz accuracy by type: The Angry Customer 80% right of 30 answers; The Skeptic 50% right of 12 answers.',
    );
    expect((await renderInsightsChart(chinese, zh.chart)).alt).toBe(
      '本周客户类型和测验情况。遇到的客户：愤怒的客户 42 次，精打细算的客户 17 次。测验正确率：愤怒的客户 答对 80%（共 30 题）。',
    );
  });

  it('says so when the week is empty, without crashing', async () => {
    for (const labels of [en.chart, zh.chart]) {
      const chart = await renderInsightsChart({ mix: [], accuracy: [] }, labels);
      expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
      expect(chart.alt).toContain(labels.noClassifications);
      expect(chart.alt).toContain(labels.noAnswers);
    }
  });

  it('ignores zero rows and clamps impossible accuracies', async () => {
    const chart = await renderInsightsChart(
      { mix: [{ label: 'A', count: 0 }], accuracy: [{ label: 'B', answers: 4, accuracy: 1.7 }, { label: 'C', answers: 2, accuracy: Number.NaN }] },
      en.chart,
    );
    expect(chart.alt).toBe("This week's customers and quiz. No classifications in this period. Quiz accuracy by type: B 100% right of 4 answers; C 0% right of 2 answers.");
  });
});

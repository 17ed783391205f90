import * as vega from 'vega';
import type { Catalogue } from '../i18n/en.js';
import { CHART_FONT_FAMILY } from './chart-font.js';
import { rasterize } from './chart-raster.js';
import { estimateTextWidth } from './text-width.js';

/** What the chart shows: the week's type mix and quiz accuracy per type, with the types' display names. */
export interface ChartData {
  mix: readonly { label: string; count: number }[];
  accuracy: readonly { label: string; answers: number; accuracy: number }[];
}

export type ChartLabels = Catalogue['chart'];

export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
  /** The chart's numbers in words, in the labels' language: for screen readers and a failed upload. */
  alt: string;
}

const WIDTH = 760;
const PADDING = 20;
const LABEL_SIZE = 14;
const TITLE_SIZE = 18;
const SECTION_SIZE = 15;
const ROW = 28;
/** Room right of the longest bar for its value ("100% · 1,234"). */
const VALUE_ROOM = 110;
/** A type name longer than this is cut with an ellipsis rather than squeezing the bars. */
const MAX_LABEL_WIDTH = 280;
/** Slack shows a few rows well; more types than this are summed up in the alt text and blocks only. */
const MAX_ROWS = 12;
const BAR_COLOUR = '#4A6FE3';
const ACCURACY_COLOUR = '#2E9E6A';
const BACKGROUND = '#FFFFFF';

/**
 * The insights chart as a PNG: a Vega spec rendered to SVG by Vega's headless renderer, then to PNG by
 * resvg with the font shipped in node_modules. No network, no browser, no canvas. Empty data draws a
 * chart that says so.
 */
export async function renderInsightsChart(data: ChartData, labels: ChartLabels): Promise<RenderedChart> {
  const { svg, width, height } = await insightsChartSvg(data, labels);
  const raster = rasterize(svg);
  if (raster.width !== width || raster.height !== height) throw new Error(`The chart rendered at ${raster.width}x${raster.height}, not ${width}x${height}`);
  return { png: raster.png, width, height, alt: altText(data, labels) };
}

/** The chart as SVG text, before rasterising, with the size it is drawn at. */
export async function insightsChartSvg(data: ChartData, labels: ChartLabels): Promise<{ svg: string; width: number; height: number }> {
  const mix = data.mix.filter((row) => row.count > 0).slice(0, MAX_ROWS);
  const accuracy = data.accuracy.filter((row) => row.answers > 0).slice(0, MAX_ROWS);
  const layout = layOut(mix, accuracy);
  const view = new vega.View(vega.parse(buildSpec(mix, accuracy, labels, layout)), { renderer: 'none' });
  try {
    return { svg: await view.toSVG(), width: layout.width, height: layout.height };
  } finally {
    view.finalize();
  }
}

interface Layout {
  width: number;
  height: number;
  labelWidth: number;
  plotX: number;
  barWidth: number;
  mixY: number;
  mixHeight: number;
  accuracyY: number;
  accuracyHeight: number;
}

function layOut(mix: ChartData['mix'], accuracy: ChartData['accuracy']): Layout {
  const names = [...mix, ...accuracy].map((row) => fitLabel(row.label));
  const labelWidth = Math.max(60, ...names.map((name) => estimateTextWidth(name, LABEL_SIZE)));
  const plotX = PADDING + labelWidth + 12;
  const barWidth = WIDTH - plotX - VALUE_ROOM - PADDING;
  const sectionTop = PADDING + TITLE_SIZE + 20;
  const mixHeight = Math.max(1, mix.length) * ROW;
  const mixY = sectionTop + SECTION_SIZE + 12;
  const accuracyTitleY = mixY + mixHeight + 24;
  const accuracyY = accuracyTitleY + SECTION_SIZE + 12;
  const accuracyHeight = Math.max(1, accuracy.length) * ROW;
  return { width: WIDTH, height: accuracyY + accuracyHeight + PADDING, labelWidth, plotX, barWidth, mixY, mixHeight, accuracyY, accuracyHeight };
}

/** A label cut to fit MAX_LABEL_WIDTH, by the same estimate the layout uses. */
function fitLabel(label: string): string {
  const name = label.replace(/\s+/gu, ' ').trim();
  if (estimateTextWidth(name, LABEL_SIZE) <= MAX_LABEL_WIDTH) return name;
  const chars = [...name];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('')}…`, LABEL_SIZE) > MAX_LABEL_WIDTH) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

const text = (value: string, x: number, y: number, size: number, weight: 'normal' | 'bold' = 'normal') => ({
  type: 'text',
  encode: { enter: { x: { value: x }, y: { value: y }, text: { value: value }, fontSize: { value: size }, fontWeight: { value: weight }, baseline: { value: 'top' }, fill: { value: '#1D1C1D' } } },
});

function barSection(
  name: string,
  rows: { label: string; value: number; caption: string }[],
  top: number,
  height: number,
  layout: Layout,
  colour: string,
  domainMax: number,
  emptyText: string,
): unknown {
  if (rows.length === 0) return { type: 'group', marks: [text(emptyText, layout.plotX, top + 6, LABEL_SIZE)] };
  return {
    type: 'group',
    encode: { enter: { x: { value: layout.plotX }, y: { value: top }, width: { value: layout.barWidth }, height: { value: height } } },
    data: [{ name, values: rows }],
    scales: [
      { name: 'y', type: 'band', domain: { data: name, field: 'label' }, range: [0, height], paddingInner: 0.25, paddingOuter: 0.1 },
      { name: 'x', type: 'linear', domain: [0, domainMax], range: [0, layout.barWidth], nice: false, zero: true },
    ],
    marks: [
      {
        type: 'rect',
        from: { data: name },
        encode: { enter: { x: { value: 0 }, x2: { scale: 'x', field: 'value' }, y: { scale: 'y', field: 'label' }, height: { scale: 'y', band: 1 }, fill: { value: colour } } },
      },
      {
        type: 'text',
        from: { data: name },
        encode: {
          enter: {
            x: { value: -8 },
            y: { scale: 'y', field: 'label', band: 0.5 },
            text: { field: 'label' },
            align: { value: 'right' },
            baseline: { value: 'middle' },
            fontSize: { value: LABEL_SIZE },
            fill: { value: '#1D1C1D' },
            limit: { value: 0 },
          },
        },
      },
      {
        type: 'text',
        from: { data: name },
        encode: {
          enter: {
            x: { scale: 'x', field: 'value', offset: 6 },
            y: { scale: 'y', field: 'label', band: 0.5 },
            text: { field: 'caption' },
            baseline: { value: 'middle' },
            fontSize: { value: LABEL_SIZE - 1 },
            fill: { value: '#454245' },
          },
        },
      },
    ],
  };
}

function buildSpec(mix: ChartData['mix'], accuracy: ChartData['accuracy'], labels: ChartLabels, layout: Layout): vega.Spec {
  const mixMax = Math.max(1, ...mix.map((row) => row.count));
  const mixRows = mix.map((row) => ({ label: fitLabel(row.label), value: row.count, caption: labels.countCaption(row.count) }));
  const accuracyRows = accuracy.map((row) => ({
    label: fitLabel(row.label),
    value: clamp01(row.accuracy),
    caption: labels.accuracyCaption(clamp01(row.accuracy), row.answers),
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: layout.width,
    height: layout.height,
    padding: 0,
    autosize: 'none',
    background: BACKGROUND,
    config: { text: { font: CHART_FONT_FAMILY }, title: { font: CHART_FONT_FAMILY } },
    marks: [
      text(labels.title, PADDING, PADDING, TITLE_SIZE, 'bold'),
      text(labels.mixTitle, PADDING, layout.mixY - SECTION_SIZE - 12, SECTION_SIZE, 'bold'),
      barSection('mix', mixRows, layout.mixY, layout.mixHeight, layout, BAR_COLOUR, mixMax, labels.noClassifications),
      text(labels.accuracyTitle, PADDING, layout.accuracyY - SECTION_SIZE - 12, SECTION_SIZE, 'bold'),
      barSection('accuracy', accuracyRows, layout.accuracyY, layout.accuracyHeight, layout, ACCURACY_COLOUR, 1, labels.noAnswers),
    ],
  } as vega.Spec;
}

const clamp01 = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/** Every number the chart draws (and the rows it had no room for), in sentences. */
function altText(data: ChartData, labels: ChartLabels): string {
  const mix = data.mix.filter((row) => row.count > 0);
  const accuracy = data.accuracy.filter((row) => row.answers > 0);
  const mixText = mix.length === 0 ? labels.noClassifications : labels.altMix(mix.map((row) => labels.altMixItem(row.label, row.count)).join(labels.altSeparator));
  const accuracyText =
    accuracy.length === 0
      ? labels.noAnswers
      : labels.altAccuracy(accuracy.map((row) => labels.altAccuracyItem(row.label, clamp01(row.accuracy), row.answers)).join(labels.altSeparator));
  return labels.alt(labels.title, mixText, accuracyText);
}

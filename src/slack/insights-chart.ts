import { cutAtWord } from '../classifier/classifier.js';
import type { Catalogue } from '../i18n/index.js';
import type { InsightsReport } from '../insights/report.js';
import { typeName } from '../playbooks/localize.js';
import type { PlaybookSet } from '../playbooks/playbook-set.js';
import type { InsightsChart } from './listeners/deps.js';

const SLACK_ALT_TEXT_MAX = 1000;

/** The report's type mix and quiz accuracy per type as a PNG, with type names in the reader's language. */
export async function chartOfReport(report: InsightsReport, playbooks: PlaybookSet, t: Catalogue): Promise<InsightsChart> {
  const name = (id: string) => typeName(playbooks, id, t.lang);
  // Vega, resvg and the font load on the first chart, not at start-up: they hold some 28 MB that a
  // bot nobody asks for insights never needs.
  const { renderInsightsChart } = await import('../insights/chart.js');
  const chart = await renderInsightsChart(
    {
      mix: report.classifications.byType.map((type) => ({ label: name(type.typeId), count: type.count })),
      accuracy: report.quiz.byType.map((type) => ({ label: name(type.typeId), answers: type.answers, accuracy: type.accuracy })),
    },
    // The chart's font has no emoji: the title's 📊 would be drawn as an empty box.
    { ...t.chart, title: t.insights.title(t.insights.periods[report.period]).replace(/\p{Extended_Pictographic}\uFE0F?\s*/gu, '') },
  );
  // Slack refuses an upload whose alt text is over 1,000 characters; the blocks carry every number anyway.
  return { png: chart.png, altText: chart.alt.length > SLACK_ALT_TEXT_MAX ? `${cutAtWord(chart.alt, SLACK_ALT_TEXT_MAX - 1)}…` : chart.alt };
}

import type { Catalogue } from '../../../i18n/index.js';
import { classificationsCsv, quizAnswersCsv } from '../../../insights/export.js';
import type { InsightsPeriod } from '../../../insights/period.js';
import { typeName } from '../../../playbooks/localize.js';
import { buildInsightsMessage, describeDays, lastDay } from '../../blocks/insights.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { sendFilesByDirectMessage } from '../../dm-files.js';
import { describeError, failureForAgent } from '../../slack-error.js';
import { isLead, type ListenerDeps } from '../deps.js';
import type { CommandArgs } from './customertype.js';

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(text)] });

/**
 * `/customertype insights [period]`, for leads. Acked before it runs: it reads weeks of rows, a
 * few milliseconds on a team's real data, but a large workspace's last 4 weeks should never be
 * what makes Slack time out. The chart, when a renderer is given, follows in the lead's DM.
 */
export async function insightsCommand(period: InsightsPeriod | 'unknown', args: CommandArgs, deps: ListenerDeps, t: Catalogue): Promise<RenderedMessage> {
  const { command } = args;
  if (!isLead(deps, command.user_id)) return plain(t.insights.leadsOnly);
  if (period === 'unknown') return plain(t.insights.unknownPeriod);
  const report = await deps.insights.report(command.team_id, period);
  const render = deps.renderInsightsChart;
  if (render) {
    // After the answer, never before it: the blocks carry every number, the chart is a picture of them.
    setImmediate(() => {
      void (async () => {
        const chart = await render(report, deps.playbooks, t);
        await sendFilesByDirectMessage(args.client, command.user_id, [{ filename: `customertype-insights-${report.range.from}.png`, title: t.insights.title(t.insights.periods[period]), content: chart.png, altText: chart.altText }], t.insights.fallback(t.insights.periods[period], report.classifications.total, report.quiz.answers));
      })().catch((error: unknown) => deps.logger.warn(`insights chart for ${command.user_id} not sent: ${describeError(error)}`));
    });
  }
  return buildInsightsMessage(report, { audience: 'lead' }, deps.playbooks, t);
}

/** `/customertype export [period]`, for leads: two CSV files by DM, then a private line saying so. */
export async function exportCommand(period: InsightsPeriod | 'unknown', args: CommandArgs, deps: ListenerDeps, t: Catalogue): Promise<RenderedMessage> {
  const { command } = args;
  if (!isLead(deps, command.user_id)) return plain(t.export.leadsOnly);
  if (period === 'unknown') return plain(t.export.unknownPeriod);
  const { range, answers, classifications } = await deps.insights.exportRows(command.team_id, period);
  const name = (typeId: string) => typeName(deps.playbooks, typeId, t.lang);
  const timeZone = deps.insights.timeZone;
  const days = `${range.from}-to-${lastDay(range)}`;
  const described = describeDays(range, t);
  try {
    await sendFilesByDirectMessage(
      args.client,
      command.user_id,
      [
        { filename: `customertype-quiz-answers-${days}.csv`, title: t.export.quizFile, content: Buffer.from(quizAnswersCsv(answers, t.export.columns, name, timeZone), 'utf8') },
        { filename: `customertype-classifications-${days}.csv`, title: t.export.classificationsFile, content: Buffer.from(classificationsCsv(classifications, t.export.columns, name, timeZone), 'utf8') },
      ],
      t.export.comment(described),
    );
  } catch (error) {
    deps.logger.error(`export: could not send the files to ${command.user_id}: ${describeError(error)}`);
    const failure = failureForAgent(error, t);
    return plain(t.export.failed(failure.code, failure.whatToDo));
  }
  return plain(t.export.sent(answers.length, classifications.length, described));
}

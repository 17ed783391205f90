import type { KnownBlock } from '@slack/types';
import { en, type Catalogue } from '../../i18n/index.js';
import type { Escaped } from '../../i18n/escaped.js';
import type { DateRange } from '../../insights/period.js';
import type { InsightsReport } from '../../insights/report.js';
import { dayjs } from '../../insights/zoned-dayjs.js';
import { typeName } from '../../playbooks/localize.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import { escapeMrkdwn, mentionUser } from './mrkdwn.js';
import { context, header, sectionsOf } from './text.js';
import type { RenderedMessage } from './types.js';

/** Who reads it: a lead privately (with each agent's figures), or a channel (team figures only). */
export type InsightsAudience = 'lead' | 'channel';

/** Enough to act on, and inside Slack's 50 blocks whatever the team's size. */
const SHOWN = { types: 12, accuracy: 10, confusions: 5, agents: 25, pairs: 8 } as const;

const divider: KnownBlock = { type: 'divider' };

/** The last day of a range, which ends before `until`. */
export const lastDay = (range: DateRange) => dayjs(range.until).subtract(1, 'day').format('YYYY-MM-DD');

/** A range as days a person reads: "7 December – 9 December". */
export const describeDays = (range: DateRange, t: Catalogue) => t.insights.days(t.format.day(range.from), t.format.day(lastDay(range)));

/** The period and what it is compared with. */
export const describeRange = (report: InsightsReport, t: Catalogue) => t.insights.range(describeDays(report.range, t), describeDays(report.previousRange, t));

const points = (now: number, before: number | null) => (before === null ? null : Math.round(now * 100) - Math.round(before * 100));

function withMore(lines: string[], total: number, shown: number, t: Catalogue): string[] {
  return total > shown ? [...lines, t.insights.more(total - shown)] : lines;
}

function customers(report: InsightsReport, name: (id: string | null) => Escaped, t: Catalogue): string[] {
  const { classifications: c } = report;
  const { insights: i, format } = t;
  if (c.total === 0 && c.previousTotal === 0) return [i.customersHeading, i.noClassifications];
  const types = c.byType.slice(0, SHOWN.types).map((type) => i.typeLine(name(type.typeId), type.count, format.percent(type.share), i.change(type.count, type.previousCount)));
  const surfaces = c.bySurface
    .filter((surface) => surface.total > 0)
    .map((surface) => i.surfacePart(i.surfaces[surface.surface], surface.total, surface.abstained))
    .join(i.surfaceSeparator);
  return [
    i.customersHeading,
    i.customersTotal(c.total, i.change(c.total, c.previousTotal)),
    ...withMore(types, c.byType.length, SHOWN.types, t),
    i.abstained(c.abstained.count, format.percent(c.abstained.share), i.change(c.abstained.count, c.abstained.previousCount)),
    ...(surfaces ? [i.bySurface(surfaces)] : []),
  ];
}

function quiz(report: InsightsReport, name: (id: string | null) => Escaped, t: Catalogue): string[] {
  const { quiz: q } = report;
  const { insights: i, format } = t;
  if (q.answers === 0) return [i.quizHeading, i.noQuiz];
  const accuracy = q.answers === 0 ? 0 : q.correct / q.answers;
  const previous = q.previousAnswers === 0 ? null : q.previousCorrect / q.previousAnswers;
  const byType = q.byType
    .slice(0, SHOWN.accuracy)
    .map((type) => i.typeAccuracy(name(type.typeId), format.percent(type.accuracy), type.correct, type.answers, i.trend(points(type.accuracy, type.previousAccuracy))));
  const confusions = q.confusions.slice(0, SHOWN.confusions).map((confusion) => i.confusion(name(confusion.answered), name(confusion.actual), confusion.count));
  return [
    i.quizHeading,
    i.quizTotals(q.agents, q.answers, format.percent(accuracy), i.trend(points(accuracy, previous))),
    i.accuracyHeading,
    ...withMore(byType, q.byType.length, SHOWN.accuracy, t),
    ...(confusions.length ? [i.confusionsHeading, ...confusions] : []),
  ];
}

function coach(report: InsightsReport, name: (id: string | null) => Escaped, t: Catalogue): string[] {
  const { insights: i, format } = t;
  if (report.quiz.answers === 0) return [];
  const picks = report.quiz.coachNext.map((pick) => {
    switch (pick.reason) {
      case 'falling':
        return i.coach.falling(name(pick.typeId), format.percent(pick.previousAccuracy), format.percent(pick.accuracy));
      case 'confused':
        return i.coach.confused(name(pick.typeId), name(pick.confusedWith), pick.count, format.percent(pick.accuracy));
      case 'low-accuracy':
        return i.coach['low-accuracy'](name(pick.typeId), format.percent(pick.accuracy), pick.answers);
    }
  });
  return [i.coachHeading, ...(picks.length ? picks : [i.noCoach]), i.coachRule];
}

function agents(report: InsightsReport, t: Catalogue): string[] {
  const { insights: i, format } = t;
  if (report.agents.length === 0) return [];
  const lines = report.agents
    .slice(0, SHOWN.agents)
    .map((agent) => i.agentLine(mentionUser(agent.userId), agent.answers, agent.correct, format.percent(agent.accuracy), agent.streak));
  return [i.agentsHeading, ...withMore(lines, report.agents.length, SHOWN.agents, t)];
}

function corrections(report: InsightsReport, name: (id: string | null) => Escaped, t: Catalogue): string[] {
  const { corrections: c, classifications } = report;
  const { insights: i, format } = t;
  if (c.pairs.length === 0) return [i.correctionsHeading, i.noCorrections];
  const pairs = c.pairs.slice(0, SHOWN.pairs).map((pair) => i.pair(name(pair.predicted), name(pair.corrected), pair.count));
  return [
    i.correctionsHeading,
    i.correctionsShare(c.correctedClassifications, classifications.total, format.percent(c.share)),
    ...withMore(pairs, c.pairs.length, SHOWN.pairs, t),
  ];
}

/**
 * A support lead's insights for one period, or the same for a channel's weekly digest: `channel`
 * leaves out every agent's own figures. Type names come from the playbooks in the reader's
 * language; every value is escaped here. A chart, when there is one, is sent beside this message,
 * which carries every number itself, for a failed upload and for screen readers.
 */
export function buildInsightsMessage(
  report: InsightsReport,
  /** `title` replaces the period's ("Team insights: last week"), as the weekly digest names its week. */
  options: { audience: InsightsAudience; title?: string },
  playbooks: PlaybookSet,
  t: Catalogue = en,
): RenderedMessage {
  const name = (id: string | null): Escaped => {
    if (id === null) return escapeMrkdwn(t.insights.noType);
    return escapeMrkdwn(typeName(playbooks, id, t.lang));
  };
  const period = t.insights.periods[report.period];
  const parts = [customers(report, name, t), quiz(report, name, t), coach(report, name, t), ...(options.audience === 'lead' ? [agents(report, t)] : []), corrections(report, name, t)]
    .filter((lines) => lines.length > 0)
    .flatMap((lines, index): KnownBlock[] => [...(index > 0 ? [divider] : []), ...sectionsOf(lines)]);
  return {
    text: [options.title, t.insights.fallback(period, report.classifications.total, report.quiz.answers)].filter(Boolean).join('\n'),
    blocks: [
      header(options.title ?? t.insights.title(period)),
      context(describeRange(report, t)),
      ...parts,
      context(options.audience === 'lead' ? t.insights.leadFooter : t.insights.channelFooter),
    ],
  };
}

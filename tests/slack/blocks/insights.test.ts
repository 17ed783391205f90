import { describe, expect, it } from 'vitest';
import { en, zh } from '../../../src/i18n/index.js';
import { InsightsService } from '../../../src/insights/insights-service.js';
import { buildInsightsReport, type InsightsReport } from '../../../src/insights/report.js';
import { periodRanges } from '../../../src/insights/period.js';
import { loadPlaybooks } from '../../../src/playbooks/load.js';
import { buildInsightsMessage } from '../../../src/slack/blocks/insights.js';
import { openSqliteDatabase } from '../../../src/store/database.js';
import { InsightsStore } from '../../../src/store/insights-store.js';
import type { TeamAnswer } from '../../../src/store/insights-store.js';
import { expectWithinBlockKitLimits } from '../../helpers/block-kit.js';
import { allText, LIVE_MARKUP } from '../../helpers/block-text.js';
import { chineseTypographyProblems } from '../../helpers/chinese-text.js';
import { KNOWN_NOW, seedKnownWeek, TEAM } from '../../insights/known-week.js';

const playbooks = loadPlaybooks().set;

async function knownReport(): Promise<InsightsReport> {
  const db = await openSqliteDatabase(':memory:');
  await seedKnownWeek(db);
  return new InsightsService({ store: new InsightsStore(db), clock: () => KNOWN_NOW, timeZone: 'UTC' }).report(TEAM, 'this-week');
}

/** Every one of the 19 types met, quizzed, confused and corrected, by 300 agents. */
function hugeReport(): InsightsReport {
  const ids = playbooks.ids;
  const { current, previous } = periodRanges('last-4-weeks', KNOWN_NOW, 'UTC');
  const answers: TeamAnswer[] = [];
  for (let agent = 0; agent < 300; agent += 1) {
    ids.forEach((typeId, index) => {
      const options = [typeId, ids[(index + 1) % ids.length]!, ids[(index + 2) % ids.length]!, ids[(index + 3) % ids.length]!];
      const choice = (agent + index) % 4;
      answers.push({
        quizId: index,
        userId: `U${String(agent).padStart(6, '0')}`,
        channelId: 'C1',
        localDate: '2026-12-08',
        question: { kind: 'which-type', typeId, questionKey: typeId, prompt: 'p', options: options.map((id) => ({ label: id, typeId: id })), answer: 0, why: '', keyAction: '' },
        choice,
        correct: choice === 0,
        msToAnswer: 1000,
        answeredAt: '2026-12-08T10:00:00Z',
      });
    });
  }
  return buildInsightsReport({
    period: 'last-4-weeks',
    range: current,
    previousRange: previous,
    classifications: [
      ...ids.flatMap((typeId, index) => [
        { surface: 'command' as const, typeId, count: 1000 + index },
        { surface: 'shortcut' as const, typeId, count: 10 },
      ]),
      { surface: 'message' as const, typeId: null, count: 77 },
    ],
    previousClassifications: ids.map((typeId) => ({ surface: 'command' as const, typeId, count: 900 })),
    correctionPairs: ids.flatMap((predicted, index) => ids.filter((other) => other !== predicted).map((corrected) => ({ predicted, corrected, count: 50 - index }))),
    correctedClassifications: 4321,
    answers,
    previousAnswers: answers.filter((_, index) => index % 2 === 0).map((answer) => ({ ...answer, correct: true })),
    streaks: new Map(answers.map((answer) => [answer.userId, 3])),
  });
}

describe('buildInsightsMessage', () => {
  it('shows the known week with its exact figures for a lead', async () => {
    const message = buildInsightsMessage(await knownReport(), { audience: 'lead' }, playbooks, en);
    expectWithinBlockKitLimits(message.blocks);
    const text = allText(message.blocks).join('\n');
    const angry = playbooks.get('angry')!.name;
    const skeptic = playbooks.get('skeptic')!.name;
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: '📊 Team insights: this week' } });
    expect(text).toContain('7 December – 9 December, compared with 30 November – 2 December');
    expect(text).toContain('10 classifications (+5)');
    expect(text).toContain(`• *${angry}*: 5 (50%, +3)`);
    expect(text).toContain(`• *${skeptic}*: 2 (20%, −1)`);
    expect(text).toContain('• _Not enough to go on_: 2 (20%, +2)');
    expect(text).toContain('By surface: command 7 (1 not enough to go on) · shortcut 2 · direct message 1 (1 not enough to go on)');
    expect(text).toContain('3 agents took part, 8 answers, 38% right (▼ 62 pts)');
    expect(text).toContain(`• *${angry}*: 40% (2/5, ▼ 60 pts)`);
    expect(text).toContain(`• *${skeptic}*: 33% (1/3, new)`);
    expect(text).toContain(`• answered *${skeptic}* when it was *${angry}*: 2×`);
    expect(text).toContain(`• *${skeptic}*: taken for *${angry}* 2 times; 33% right.`);
    expect(text).toContain(`• *${angry}*: accuracy fell from 100% to 40%.`);
    expect(text).toContain('• <@U1>: 2/3 right (67%), streak 1');
    expect(text).toContain('2 of 10 classifications corrected (20%)');
    expect(text).toContain(`• *${angry}* → *${skeptic}*: 2`);
  });

  it('leaves every agent out for a channel', async () => {
    const message = buildInsightsMessage(await knownReport(), { audience: 'channel' }, playbooks, en);
    const text = allText(message.blocks).join('\n');
    expect(text).not.toMatch(/<@U|streak/);
    expect(JSON.stringify(message)).not.toContain('U1');
    expect(text).toContain('Team figures only');
    expect(text).toContain('3 agents took part');
  });

  it('names the types in Chinese for a Chinese lead, in clean Chinese typography', async () => {
    const message = buildInsightsMessage(await knownReport(), { audience: 'lead' }, playbooks, zh);
    const text = allText(message.blocks).join('\n');
    const angry = playbooks.get('angry')!.zh!.name;
    expect(text).toContain('12月7日至12月9日，对比11月30日至12月2日');
    expect(text).toContain(`• ${angry}：5 次（50%，+3）`);
    expect(text).toContain('3 人参加，答题 8 次，正确率 38%（▼ 62 个百分点）');
    for (const line of allText(message.blocks)) expect(chineseTypographyProblems(line.replace(/<@U\w+>/g, '某人'))).toEqual([]);
  });

  it('stays inside Block Kit limits with 19 types, 300 agents and every pair corrected, in both languages', async () => {
    const report = hugeReport();
    for (const t of [en, zh]) {
      for (const audience of ['lead', 'channel'] as const) {
        const message = buildInsightsMessage(report, { audience }, playbooks, t);
        expectWithinBlockKitLimits(message.blocks);
        for (const text of allText(message.blocks)) expect(text).not.toMatch(/\u0000/);
      }
    }
    const text = allText(buildInsightsMessage(report, { audience: 'lead' }, playbooks, en).blocks).join('\n');
    expect(text).toContain('…and 275 more.');
    expect(text).toContain(`…and ${19 * 18 - 8} more.`);
  });

  it('says so, briefly, when there is nothing yet', async () => {
    const db = await openSqliteDatabase(':memory:');
    const report = await new InsightsService({ store: new InsightsStore(db), clock: () => KNOWN_NOW, timeZone: 'UTC' }).report(TEAM, 'last-week');
    const text = allText(buildInsightsMessage(report, { audience: 'lead' }, playbooks, en).blocks).join('\n');
    expect(text).toContain('No classifications in this period.');
    expect(text).toContain('No quiz answers in this period.');
    expect(text).toContain('No corrections in this period.');
  });

  it('escapes a type id no playbook knows', async () => {
    const report = await knownReport();
    report.classifications.byType[0]!.typeId = '<!channel>';
    const message = buildInsightsMessage(report, { audience: 'channel' }, playbooks, en);
    for (const text of allText(message.blocks)) expect(text).not.toMatch(LIVE_MARKUP);
    expect(allText(message.blocks).join('\n')).toContain('&lt;!channel&gt;');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { InsightsService } from '../../src/insights/insights-service.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { insightsDigest } from '../../src/slack/insights-digest.js';
import { chartOfReport } from '../../src/slack/insights-chart.js';
import { catalogue } from '../../src/i18n/index.js';
import { openSqliteDatabase } from '../../src/store/database.js';
import { InsightsStore } from '../../src/store/insights-store.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { allText } from '../helpers/block-text.js';
import { KNOWN_NOW, seedKnownWeek, TEAM } from '../insights/known-week.js';

const playbooks = loadPlaybooks().set;

async function insights(now: Date) {
  const db = await openSqliteDatabase(':memory:');
  await seedKnownWeek(db);
  return new InsightsService({ store: new InsightsStore(db), clock: () => now, timeZone: 'UTC' });
}

describe('the weekly digest is the week\'s insights', () => {
  // Sent the Monday after an outage: still the week it names, not the days since.
  let content: ReturnType<typeof insightsDigest>;
  beforeAll(async () => {
    content = insightsDigest(await insights(new Date('2026-12-14T08:00:00Z')), playbooks);
  });

  it('gives a channel the team\'s figures for the whole week, and never an agent\'s own', async () => {
    const message = await content(TEAM, '2026-12-07', 'channel', 'en');
    const text = allText(message.blocks).join('\n');
    expectWithinBlockKitLimits(message.blocks as never);
    expect(message.text).toContain('Weekly digest: the week of 7 Dec 2026');
    // The whole week: the known set's row on Thursday 10 December counts here, not in "this week so far".
    expect(text).toContain('11 classifications (+5)');
    expect(text).toContain('3 agents took part, 8 answers, 38% right');
    expect(text).not.toMatch(/<@U/);
  });

  it('gives a lead, in their own language, every agent\'s figures as well', async () => {
    const message = await content(TEAM, '2026-12-07', 'lead', 'zh');
    const text = allText(message.blocks).join('\n');
    expect(text).toContain('<@U1>');
    expect(message.text).toContain(catalogue('zh').digest.title('2026-12-07'));
  });

  it('a week is compared with the week before it, whatever day the digest goes out', async () => {
    const onTheDay = await insightsDigest(await insights(KNOWN_NOW), playbooks)(TEAM, '2026-12-07', 'channel', 'en');
    const later = await content(TEAM, '2026-12-07', 'channel', 'en');
    expect(allText(later.blocks)).toEqual(allText(onTheDay.blocks));
  });
});

describe('the insights chart of a report', () => {
  it('is a PNG whose alt text names the types in the reader\'s language and stays within Slack\'s 1,000 characters', async () => {
    const report = await (await insights(KNOWN_NOW)).report(TEAM, 'this-week');
    const chart = await chartOfReport(report, playbooks, catalogue('zh'));
    expect(chart.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(chart.altText.length).toBeLessThanOrEqual(1000);
    expect(chart.altText).toMatch(/[\u4e00-\u9fff]/);
    expect(chart.altText).not.toContain('📊');
  });
});

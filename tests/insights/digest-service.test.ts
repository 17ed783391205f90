import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestService, type DigestContent, type DigestDelivery, type DigestMessage } from '../../src/insights/digest-service.js';
import type { Lang } from '../../src/lang.js';
import { createLogger } from '../../src/logging/logger.js';
import { openDatabase, type DatabaseTarget } from '../../src/store/database.js';
import type { SqlDatabase } from '../../src/store/sql.js';
import { ENGINES } from '../helpers/engines.js';
import { freshPostgresUrl } from '../helpers/postgres.js';
import { DigestStore } from '../../src/store/digest-store.js';
import { QuizStore, type QuizSchedule } from '../../src/store/quiz-store.js';

let dir: string;
let path: string;
let open: SqlDatabase[];
/** The database every instance of a test shares: the SQLite file, or a PostgreSQL database. */
let target: DatabaseTarget;
let now: Date;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-digest-'));
  path = join(dir, 'bot.db');
  open = [];
  now = new Date('2026-11-23T08:00:00Z'); // a Monday
});
afterEach(async () => {
  for (const db of open) await db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  to: string;
  audience: string;
  lang: Lang;
  week: string;
  key: string;
  checkFirst?: boolean;
}

/** A test provider: says who it was written for, so a test sees the channel never gets the lead view. */
const content: DigestContent = async (teamId, week, audience, lang) => ({ text: `${teamId} ${week} ${audience} ${lang}`, blocks: [{ audience }] });

function recordingDelivery(sent: Sent[], failFor = new Set<string>()): DigestDelivery {
  const record = (to: string, message: DigestMessage, key: string, checkFirst?: boolean) => {
    if (failFor.has(to)) throw Object.assign(new Error('An API error occurred: channel_not_found'), { data: { error: 'channel_not_found' } });
    const [, week, audience, lang] = message.text.split(' ');
    sent.push({ to, week: week!, audience: audience!, lang: lang as Lang, key, ...(checkFirst === undefined ? {} : { checkFirst }) });
  };
  return {
    postToChannel: async (channelId, message, key, { checkFirst }) => record(channelId, message, key, checkFirst),
    sendToUser: async (userId, message, key) => record(userId, message, key),
  };
}

/** One instance of the bot: its own connection to the shared database. */
async function instance(sent: Sent[], options: { leads?: string[]; failFor?: Set<string>; logs?: string[]; languages?: Record<string, Lang> } = {}) {
  const db = await openDatabase(target);
  open.push(db);
  const clock = () => now;
  const quizStore = new QuizStore(db, clock);
  const store = new DigestStore(db, clock);
  const logs = options.logs ?? [];
  const service = new DigestService({
    store,
    schedules: () => quizStore.enabledSchedules(),
    content,
    delivery: recordingDelivery(sent, options.failFor),
    leads: options.leads ?? ['U0LEAD1', 'U0LEAD2'],
    languageFor: async (userId) => options.languages?.[userId] ?? 'en',
    defaultLanguage: 'en',
    defaultTimeZone: 'UTC',
    logger: createLogger('warn', { write: (line) => logs.push(line) }),
    clock,
  });
  return { db, quizStore, store, service };
}

const weekdays: QuizSchedule = { channelId: 'C0QUIZ', teamId: 'T0TEAM', postTime: '09:30', timeZone: 'Asia/Shanghai', days: '1-5', closeTime: '18:00', enabled: true, lang: 'zh' };

describe.each(ENGINES)('DigestService on %s', (engine) => {
  beforeEach(async () => {
    target = engine === 'sqlite' ? { path } : { url: await freshPostgresUrl() };
  });

  it('sends the channel digest once, after the last quiz day closes, across a restart and two instances', async () => {
    const sent: Sent[] = [];
    const first = await instance(sent);
    await first.quizStore.saveSchedule(weekdays, 'U0LEAD1');
    await first.store.saveSetting('T0TEAM', { kind: 'channel', channelId: 'C0TEAM' }, 'U0LEAD1');

    // Friday 17:59 in Shanghai: the last quiz of the week is still open.
    now = new Date('2026-11-27T09:59:00Z');
    await first.service.runDue();
    expect(sent).toEqual([]);

    // 18:00 there: due. A second instance on the same file runs the same pass at the same moment.
    now = new Date('2026-11-27T10:00:00Z');
    const second = await instance(sent);
    await Promise.all([first.service.runDue(), second.service.runDue()]);
    expect(sent).toEqual([{ to: 'C0TEAM', week: '2026-11-23', audience: 'channel', lang: 'zh', key: 'digest:T0TEAM:2026-11-23', checkFirst: false }]);

    // A restart later the same weekend, then the following Monday: nothing again.
    const restarted = await instance(sent);
    for (const moment of ['2026-11-28T03:00:00Z', '2026-11-30T01:00:00Z']) {
      now = new Date(moment);
      await restarted.service.runDue();
      await second.service.runDue();
    }
    expect(sent).toHaveLength(1);

    // The next week's comes the next Friday.
    now = new Date('2026-12-04T10:00:30Z');
    await restarted.service.runDue();
    expect(sent.map((entry) => entry.week)).toEqual(['2026-11-23', '2026-11-30']);
  });

  it('sends the lead view to each lead by DM, in each one\'s language, and one failure does not stop the others', async () => {
    const sent: Sent[] = [];
    const logs: string[] = [];
    const bot = await instance(sent, { leads: ['U0LEAD1', 'U0GONE', 'U0LEAD2'], failFor: new Set(['U0GONE']), logs, languages: { U0LEAD2: 'zh' } });
    await bot.store.saveSetting('T0TEAM', { kind: 'dm' }, 'U0LEAD1');

    // No quiz schedule: Friday 17:00 in the default time zone.
    now = new Date('2026-11-27T17:00:00Z');
    await bot.service.runDue();
    await bot.service.runDue();
    expect(sent).toEqual([
      { to: 'U0LEAD1', week: '2026-11-23', audience: 'lead', lang: 'en', key: 'digest:T0TEAM:2026-11-23:U0LEAD1' },
      { to: 'U0LEAD2', week: '2026-11-23', audience: 'lead', lang: 'zh', key: 'digest:T0TEAM:2026-11-23:U0LEAD2' },
    ]);
    expect(logs.join('')).toContain('Weekly digest for T0TEAM to U0GONE failed: channel_not_found');
    expect(logs.join('')).not.toMatch(/xoxb|token/iu);
  });

  it('DMs whoever turned it on when no leads are configured', async () => {
    const sent: Sent[] = [];
    const bot = await instance(sent, { leads: [] });
    await bot.store.saveSetting('T0TEAM', { kind: 'dm' }, 'U0ANYONE');
    now = new Date('2026-11-27T17:00:00Z');
    await bot.service.runDue();
    expect(sent.map((entry) => [entry.to, entry.audience])).toEqual([['U0ANYONE', 'lead']]);
  });

  it('does not send a week that was over before the digest was turned on', async () => {
    const sent: Sent[] = [];
    const bot = await instance(sent);
    now = new Date('2026-11-25T12:00:00Z'); // Wednesday: last week's digest fell due last Friday
    await bot.store.saveSetting('T0TEAM', { kind: 'channel', channelId: 'C0TEAM' }, 'U0LEAD1');
    await bot.service.runDue();
    expect(sent).toEqual([]);
    now = new Date('2026-11-27T17:00:00Z');
    await bot.service.runDue();
    expect(sent.map((entry) => entry.week)).toEqual(['2026-11-23']);
  });

  it('sends nothing when off, and only the latest week after long downtime', async () => {
    const sent: Sent[] = [];
    const bot = await instance(sent);
    await bot.store.saveSetting('T0TEAM', { kind: 'channel', channelId: 'C0TEAM' }, 'U0LEAD1');
    await bot.store.saveSetting('T0OFF', { kind: 'off' }, 'U0LEAD1');
    now = new Date('2026-12-16T12:00:00Z'); // three weeks later
    await bot.service.runDue();
    expect(sent.map((entry) => [entry.to, entry.week])).toEqual([['C0TEAM', '2026-12-07']]);
  });

  it('gives the claim back when the channel post fails, and retries later checking the history first', async () => {
    const sent: Sent[] = [];
    const failFor = new Set(['C0TEAM']);
    const logs: string[] = [];
    const bot = await instance(sent, { failFor, logs });
    await bot.store.saveSetting('T0TEAM', { kind: 'channel', channelId: 'C0TEAM' }, 'U0LEAD1');
    now = new Date('2026-11-27T17:00:00Z');
    await bot.service.runDue();
    expect(logs.join('')).toContain('Weekly digest for T0TEAM failed: posting to C0TEAM: channel_not_found');
    failFor.clear();
    // Within the first minute's backoff nothing is tried; after it, once, and history is checked first.
    now = new Date('2026-11-27T17:00:30Z');
    await bot.service.runDue();
    expect(sent).toEqual([]);
    now = new Date('2026-11-27T17:01:30Z');
    await bot.service.runDue();
    await bot.service.runDue();
    expect(sent).toEqual([{ to: 'C0TEAM', week: '2026-11-23', audience: 'channel', lang: 'en', key: 'digest:T0TEAM:2026-11-23', checkFirst: true }]);
  });

  it('a channel digest uses the quiz channel\'s language, else the workspace default', async () => {
    const sent: Sent[] = [];
    const bot = await instance(sent);
    await bot.quizStore.saveSchedule({ ...weekdays, channelId: 'C0OTHER', lang: 'en' }, 'U0LEAD1');
    await bot.quizStore.saveSchedule(weekdays, 'U0LEAD1');
    await bot.store.saveSetting('T0TEAM', { kind: 'channel', channelId: 'C0QUIZ' }, 'U0LEAD1');
    now = new Date('2026-11-27T10:00:00Z');
    await bot.service.runDue();
    expect(sent.map((entry) => entry.lang)).toEqual(['zh']);
  });
});

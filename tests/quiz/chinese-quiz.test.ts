import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { typeDefinitions } from '../../src/playbooks/training.js';
import { createLogger } from '../../src/logging/logger.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { chooseQuestion } from '../../src/quiz/choose.js';
import { QuizService, type Leaderboards, type QuizPublisher } from '../../src/quiz/quiz-service.js';
import type { QuizQuestion } from '../../src/quiz/question.js';
import { mulberry32 } from '../../src/random.js';
import { openSqliteDatabase } from '../../src/store/database.js';
import { QuizStore, type QuizSchedule } from '../../src/store/quiz-store.js';
import type { Lang } from '../../src/lang.js';
import { CHINESE_TYPES, chinesePlaybooksDir } from '../helpers/chinese-playbooks.js';
import { englishLeftIn, hasHan } from '../helpers/chinese-text.js';

let playbooks: PlaybookSet;
let englishOnly: PlaybookSet;
let classifier: Classifier;
const fixture = chinesePlaybooksDir();
const noChinese = chinesePlaybooksDir([]);
beforeAll(async () => {
  playbooks = loadPlaybooks(fixture.dir).set;
  englishOnly = loadPlaybooks(noChinese.dir).set;
  classifier = Classifier.train(typeDefinitions(playbooks.all));
});
afterAll(async () => {
  fixture.remove();
  noChinese.remove();
});

const noHistory = { recentByType: new Map(), recentKeys: new Set<string>() };
const isChinese = (text: string) => hasHan(text) && englishLeftIn(text).length === 0;

function questions(lang: Lang, count: number, seed = 5, extra: { onlyTypes?: string[] } = {}): QuizQuestion[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => chooseQuestion(playbooks, classifier, { ...noHistory, random, lang, ...extra }));
}

describe('a Chinese quiz', () => {
  it('asks "which type" only with the Chinese quiz messages of types that have them, in Chinese throughout', async () => {
    const asked = questions('zh', 80).filter((question) => question.kind === 'which-type');
    expect(asked.length).toBeGreaterThan(30);
    for (const question of asked) {
      expect(question.lang).toBe('zh');
      expect(CHINESE_TYPES).toContain(question.typeId);
      expect(playbooks.get(question.typeId)!.zh!.quiz!.messages).toContain(question.message);
      expect(question.questionKey).toMatch(new RegExp(`^which:${question.typeId}:zh:\\d+$`));
      expect(question.prompt).toBe('这位客户属于哪种类型？');
      // Five types have Chinese names: every option of a four-option question can be one.
      for (const option of question.options) expect(isChinese(option.label), option.label).toBe(true);
      expect(isChinese(question.why)).toBe(true);
      expect(isChinese(question.keyAction)).toBe(true);
      expect(new Set(question.options.map((option) => option.typeId)).size).toBe(4);
      expect(question.options[question.answer]!.typeId).toBe(question.typeId);
    }
  });

  it('offers the types\' Chinese actions as the options of "what to do first"', async () => {
    const asked = questions('zh', 80).filter((question) => question.kind === 'what-to-do');
    expect(asked.length).toBeGreaterThan(10);
    for (const question of asked) {
      expect(question.prompt).toBe(`遇到“${playbooks.get(question.typeId)!.zh!.name}”，第一步该做什么？`);
      expect(question.questionKey).toBe(`do:${question.typeId}:zh`);
      for (const option of question.options) expect(option.label).toBe(playbooks.get(option.typeId)!.zh!.actions![0]);
      expect(question.options[question.answer]!.typeId).toBe(question.typeId);
    }
  });

  it('still asks, in English, when no type has Chinese material', async () => {
    const random = mulberry32(2);
    for (let i = 0; i < 20; i += 1) {
      const question = chooseQuestion(englishOnly, classifier, { ...noHistory, random, lang: 'zh' });
      expect(question.lang).toBe('en');
      expect(question.prompt).toMatch(/^(Which type is this customer\?|A customer is .+\. What should you do first\?)$/);
    }
  });

  it('practises on Chinese material when the weakest types have none', async () => {
    for (const question of questions('zh', 10, 8, { onlyTypes: ['skeptic', 'chatty'] })) {
      expect(question.lang).toBe('zh');
      expect(CHINESE_TYPES).toContain(question.typeId);
    }
  });

  it('keeps English questions as they were: English material and keys', async () => {
    for (const question of questions('en', 40)) {
      expect(question.lang).toBe('en');
      expect(question.questionKey).not.toContain(':zh');
      if (question.kind === 'which-type') expect(playbooks.get(question.typeId)!.quiz.messages).toContain(question.message);
    }
  });
});

class RecordingPublisher implements QuizPublisher {
  posted: QuizQuestion[] = [];
  boards: Array<Lang | undefined> = [];
  async post(_channelId: string, _quizId: number, question: QuizQuestion): Promise<string> {
    this.posted.push(question);
    return `ts-${this.posted.length}`;
  }
  async updateCount(): Promise<void> {}
  async reveal(): Promise<void> {}
  async postLeaderboard(_channelId: string, _boards: Leaderboards, lang?: Lang): Promise<void> {
    this.boards.push(lang);
  }
  async directChannel(userId: string): Promise<string> {
    return `D${userId}`;
  }
}

describe('a channel\'s quiz language', () => {
  async function setup(now: string, defaultLanguage: Lang = 'en') {
    const db = await openSqliteDatabase(':memory:');
    let moment = new Date(now);
    const clock = () => moment;
    const store = new QuizStore(db, clock);
    const publisher = new RecordingPublisher();
    const service = new QuizService({
      store,
      playbooks,
      classifier,
      publisher,
      logger: createLogger('error', { write: () => {} }),
      clock,
      random: mulberry32(3),
      defaultLanguage,
    });
    return { db, store, publisher, service, setNow: (iso: string) => (moment = new Date(iso)) };
  }
  const schedule = (channelId: string, lang?: Lang): QuizSchedule => ({
    channelId,
    teamId: 'T1',
    postTime: '09:30',
    timeZone: 'Asia/Shanghai',
    days: '*',
    closeTime: null,
    enabled: true,
    ...(lang ? { lang } : {}),
  });

  it('is stored with the schedule, and an older schedule without one reads as the workspace default', async () => {
    const { store, db } = await setup('2026-11-23T01:00:00Z');
    await store.saveSchedule(schedule('C1', 'zh'), 'U1');
    await store.saveSchedule(schedule('C2'), 'U1');
    expect((await store.schedule('C1'))?.lang).toBe('zh');
    expect((await store.schedule('C2'))?.lang).toBeUndefined();
    await expect(db.run("UPDATE quiz_schedules SET language = 'fr'")).rejects.toThrow(/CHECK/);
  });

  it('decides the questions posted and the weekly board; a schedule without one follows DEFAULT_LANGUAGE', async () => {
    const { store, publisher, service, setNow } = await setup('2026-11-22T01:40:00Z', 'zh'); // Sunday 09:40 in Shanghai
    await store.saveSchedule(schedule('C1', 'en'), 'U1');
    await store.saveSchedule(schedule('C2'), 'U1');
    await service.runSchedules(await store.enabledSchedules());
    expect(publisher.posted.map((question) => question.lang)).toEqual(['en', 'zh']);
    setNow('2026-11-22T17:00:00Z'); // Monday 01:00 in Shanghai, before its quiz: last week's boards go out
    await service.runSchedules(await store.enabledSchedules());
    expect(publisher.boards).toEqual(['en', 'zh']);
  });

  it('gives practice questions in the language asked for', async () => {
    const { publisher, service } = await setup('2026-11-23T01:00:00Z');
    expect((await service.practice('U1', 'T1', 'zh')).status).toBe('posted');
    expect(publisher.posted[0]!.lang).toBe('zh');
  });
});

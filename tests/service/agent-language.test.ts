import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../src/lang.js';
import { createLogger } from '../../src/logging/logger.js';
import { AgentLanguages, langOfLocale, LOCALE_BUDGET_MS, type LanguageChoices } from '../../src/service/agent-language.js';
import { AgentStore } from '../../src/store/agent-store.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';

afterEach(async () => vi.useRealTimers());

function memoryChoices(): LanguageChoices & { chosen: Map<string, Lang> } {
  const chosen = new Map<string, Lang>();
  return {
    chosen,
    chosenLanguage: async (userId) => chosen.get(userId),
    chooseLanguage: async (userId, choice) => void (choice === 'auto' ? chosen.delete(userId) : chosen.set(userId, choice)),
  };
}

function setup(lookup: (userId: string) => Promise<string | undefined>, defaultLanguage: Lang = 'en', choices = memoryChoices()) {
  let now = 1_000_000;
  const logs: string[] = [];
  const calls: string[] = [];
  const languages = new AgentLanguages({
    choices,
    lookupLocale: (userId) => {
      calls.push(userId);
      return lookup(userId);
    },
    defaultLanguage,
    logger: createLogger('debug', { write: (line) => logs.push(line) }),
    now: () => now,
  });
  return { languages, choices, calls, logs, advance: (ms: number) => (now += ms) };
}

describe('langOfLocale', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['zh-HK', 'zh'],
    ['zh_CN', 'zh'],
    ['ZH-cn', 'zh'],
    ['zh', 'zh'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ja-JP', undefined],
    ['zhx-CN', undefined],
    ['', undefined],
    [undefined, undefined],
  ] as const)('%s reads %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });
});

describe('the language an agent is answered in', () => {
  it('follows the Slack locale, then the workspace default for a locale that is neither language', async () => {
    const locales: Record<string, string> = { U1: 'zh-CN', U2: 'en-GB', U3: 'ja-JP', U4: 'zh-TW' };
    const { languages } = setup(async (userId) => locales[userId], 'zh');
    expect(await languages.explain('U1')).toEqual({ lang: 'zh', source: 'slack' });
    expect(await languages.explain('U2')).toEqual({ lang: 'en', source: 'slack' });
    expect(await languages.explain('U3')).toEqual({ lang: 'zh', source: 'workspace' });
    expect(await languages.forAgent('U4')).toBe('zh');
    expect(await languages.explain(undefined)).toEqual({ lang: 'zh', source: 'workspace' });
  });

  it('lets the agent\'s own choice win, without asking Slack, until they choose auto', async () => {
    const { languages, calls } = setup(async () => 'zh-CN');
    await languages.choose('U1', 'en');
    expect(await languages.explain('U1')).toEqual({ lang: 'en', source: 'chosen' });
    expect(calls).toEqual([]);
    await languages.choose('U1', 'auto');
    expect(await languages.explain('U1')).toEqual({ lang: 'zh', source: 'slack' });
  });

  it('asks Slack about an agent about once a day, refreshing in the background after that', async () => {
    let locale = 'zh-CN';
    const { languages, calls, advance } = setup(async () => locale);
    for (let i = 0; i < 5; i += 1) expect(await languages.forAgent('U1')).toBe('zh');
    expect(calls).toEqual(['U1']);
    advance(23 * 3600_000);
    await languages.forAgent('U1');
    expect(calls).toHaveLength(1);
    locale = 'en-US';
    advance(2 * 3600_000);
    // A day old: this answer uses what is known, and the fresh locale serves the next one.
    expect(await languages.forAgent('U1')).toBe('zh');
    expect(calls).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await languages.forAgent('U1')).toBe('en');
  });

  it('asks once for an agent however many answers wait on it at the same moment', async () => {
    let resolve: ((locale: string) => void) | undefined;
    const { languages, calls } = setup(() => new Promise((done) => (resolve = done)));
    const waiting = Array.from({ length: 20 }, () => languages.forAgent('U1'));
    // Slack is asked once the stored choice has been read (none here).
    await vi.waitFor(() => expect(resolve).toBeDefined());
    resolve!('zh-HK');
    expect(await Promise.all(waiting)).toEqual(Array(20).fill('zh'));
    expect(calls).toEqual(['U1']);
  });

  it('never holds an answer past the budget when Slack is slow: default now, the real locale next time', async () => {
    vi.useFakeTimers();
    let resolve!: (locale: string) => void;
    const { languages } = setup(() => new Promise((done) => (resolve = done)));
    let answered: Lang | undefined;
    void languages.forAgent('U1').then((lang) => (answered = lang));
    await vi.advanceTimersByTimeAsync(LOCALE_BUDGET_MS - 1);
    expect(answered).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answered).toBe('en');
    resolve('zh-CN');
    await vi.advanceTimersByTimeAsync(0);
    let next: Lang | undefined;
    void languages.forAgent('U1').then((lang) => (next = lang));
    await vi.advanceTimersByTimeAsync(0);
    expect(next).toBe('zh');
  });

  it('falls back to the default when Slack fails, asks again only after a while, and explains a missing scope once', async () => {
    const failure = Object.assign(new Error('An API error occurred: missing_scope'), { data: { ok: false, error: 'missing_scope' } });
    const { languages, calls, logs, advance } = setup(async () => Promise.reject(failure), 'zh');
    expect(await languages.forAgent('U1')).toBe('zh');
    expect(await languages.forAgent('U1')).toBe('zh');
    expect(await languages.forAgent('U2')).toBe('zh');
    expect(calls).toEqual(['U1', 'U2']);
    expect(logs.filter((line) => line.includes('users:read'))).toHaveLength(1);
    advance(11 * 60_000);
    await languages.forAgent('U1');
    expect(calls).toEqual(['U1', 'U2', 'U1']);
  });

  it('uses the locale when the stored choice cannot be read', async () => {
    const broken: LanguageChoices = {
      chosenLanguage: async () => {
        throw new Error('database is locked');
      },
      chooseLanguage: async () => {},
    };
    const { languages, logs } = setup(async () => 'zh-CN', 'en', broken as never);
    expect(await languages.forAgent('U1')).toBe('zh');
    expect(logs.some((line) => line.includes('database is locked'))).toBe(true);
  });

  it('keeps memory bounded however many user ids it is asked about', async () => {
    const { languages, calls } = setup(async () => 'zh-CN');
    for (let i = 0; i <= 20_000; i += 1) await languages.forAgent(`U${i}`);
    await languages.forAgent('U0');
    // The first agent was forgotten to make room, so Slack is asked again.
    expect(calls.filter((id) => id === 'U0')).toHaveLength(2);
    await languages.forAgent('U20000');
    expect(calls.filter((id) => id === 'U20000')).toHaveLength(1);
  });
});

describe.each(ENGINES)('AgentStore on %s', (engine) => {
  it('stores a choice, replaces it, forgets it on auto, and refuses a language it does not know', async () => {
    const db = await freshDatabase(engine);
    const store = new AgentStore(db, () => new Date('2026-11-23T09:00:00Z'));
    expect(await store.chosenLanguage('U1')).toBeUndefined();
    await store.chooseLanguage('U1', 'zh');
    await store.chooseLanguage('U1', 'en');
    expect(await store.chosenLanguage('U1')).toBe('en');
    expect(await db.get('SELECT COUNT(*) AS n FROM agent_languages')).toEqual({ n: 1 });
    await store.chooseLanguage('U1', 'auto');
    expect(await store.chosenLanguage('U1')).toBeUndefined();
    await expect(store.chooseLanguage('U1', 'fr' as Lang)).rejects.toThrow(/check/i);
  });
});

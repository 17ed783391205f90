import { retryWhileBusy } from '../store/busy.js';
import type { LanguageSource } from '../i18n/en.js';
import type { Lang } from '../lang.js';
import type { Logger } from '../logging/logger.js';

/** An agent's locale as their chat tool knows it (`zh-CN`, `en-US`), or undefined if it does not say. */
export type LocaleLookup = (userId: string) => Promise<string | undefined>;

/** Where agents' own choices are kept (the store). */
export interface LanguageChoices {
  chosenLanguage(userId: string): Promise<Lang | undefined>;
  chooseLanguage(userId: string, choice: Lang | 'auto'): Promise<void>;
}

export interface AgentLanguagesOptions {
  choices: LanguageChoices;
  lookupLocale: LocaleLookup;
  /** DEFAULT_LANGUAGE: for agents whose locale is unknown, or neither Chinese nor English. */
  defaultLanguage: Lang;
  logger: Logger;
  now?: () => number;
  /** How long an answer may wait for a locale it has not seen: well inside Slack's 3 seconds. */
  budgetMs?: number;
}

/**
 * A few hundred milliseconds: an agent's first answer of the day may wait this long for their
 * locale, and every other answer not at all. A Slack slower than that is not waited for: the answer
 * goes out in the workspace's language and the locale arrives for the next one.
 */
export const LOCALE_BUDGET_MS = 250;
/** Slack is asked about an agent's locale about once a day. */
const LOCALE_TTL_MS = 24 * 60 * 60 * 1000;
/** After a failed lookup, ask again after this long, not on every request. */
const FAILURE_TTL_MS = 10 * 60 * 1000;
/** Bounds the memory a flood of user ids can take: a team has far fewer agents. */
const MAX_CACHED = 20_000;

/** zh-CN, zh-TW, zh-HK (and any zh) read Chinese; en-* English; anything else is not ours to guess. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const tag = (locale ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return undefined;
}

interface Cached {
  lang: Lang | undefined;
  until: number;
}

/**
 * The language to answer an agent in: the one they chose (`/customertype language`), else their
 * Slack language when it is Chinese or English, else the workspace's default. Locales are cached
 * per agent for a day; a lookup never holds an answer longer than the budget.
 */
export class AgentLanguages {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<Lang | undefined>>();
  private readonly now: () => number;
  private readonly budgetMs: number;
  private warnedScope = false;

  constructor(private readonly options: AgentLanguagesOptions) {
    this.now = options.now ?? Date.now;
    this.budgetMs = options.budgetMs ?? LOCALE_BUDGET_MS;
  }

  get defaultLanguage(): Lang {
    return this.options.defaultLanguage;
  }

  async forAgent(userId: string | undefined): Promise<Lang> {
    return (await this.explain(userId)).lang;
  }

  /** The language and why it is that one. */
  async explain(userId: string | undefined): Promise<{ lang: Lang; source: LanguageSource }> {
    if (!userId) return { lang: this.options.defaultLanguage, source: 'workspace' };
    const chosen = await this.chosen(userId);
    if (chosen) return { lang: chosen, source: 'chosen' };
    const fromSlack = await this.fromSlack(userId);
    return fromSlack ? { lang: fromSlack, source: 'slack' } : { lang: this.options.defaultLanguage, source: 'workspace' };
  }

  /** Stores the agent's choice, waiting briefly for a locked database; throws if it cannot be stored, so the agent can be told. */
  async choose(userId: string, choice: Lang | 'auto'): Promise<void> {
    await retryWhileBusy(() => this.options.choices.chooseLanguage(userId, choice));
  }

  private async chosen(userId: string): Promise<Lang | undefined> {
    try {
      return await this.options.choices.chosenLanguage(userId);
    } catch (error) {
      // A choice that cannot be read right now is no reason to fail the answer: use the locale.
      this.options.logger.warn(`Could not read the language chosen by ${userId}: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async fromSlack(userId: string): Promise<Lang | undefined> {
    const cached = this.cache.get(userId);
    if (cached) {
      // Out of date: answer with it now, and refresh for next time.
      if (cached.until <= this.now()) void this.lookup(userId);
      return cached.lang;
    }
    return this.withinBudget(this.lookup(userId));
  }

  private async withinBudget(lookup: Promise<Lang | undefined>): Promise<Lang | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.budgetMs);
      timer.unref?.();
    });
    try {
      return await Promise.race([lookup, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One lookup per agent at a time; the cache is filled whenever it ends, answered in time or not. */
  private lookup(userId: string): Promise<Lang | undefined> {
    let running = this.pending.get(userId);
    if (running) return running;
    running = this.options
      .lookupLocale(userId)
      .then(
        (locale) => {
          const lang = langOfLocale(locale);
          this.remember(userId, lang, LOCALE_TTL_MS);
          return lang;
        },
        (error: unknown) => {
          this.remember(userId, this.cache.get(userId)?.lang, FAILURE_TTL_MS);
          this.logFailure(userId, error);
          return this.cache.get(userId)?.lang;
        },
      )
      .finally(() => this.pending.delete(userId));
    this.pending.set(userId, running);
    return running;
  }

  private remember(userId: string, lang: Lang | undefined, ttlMs: number): void {
    this.cache.delete(userId);
    this.cache.set(userId, { lang, until: this.now() + ttlMs });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
  }

  private logFailure(userId: string, error: unknown): void {
    const code = (error as { data?: { error?: unknown } }).data?.error;
    if (code === 'missing_scope') {
      if (this.warnedScope) return;
      this.warnedScope = true;
      this.options.logger.warn(
        "Slack refused users.info (missing_scope): add the users:read scope and reinstall the app so agents are answered in their Slack language; until then they get DEFAULT_LANGUAGE",
      );
      return;
    }
    this.options.logger.warn(`Could not read ${userId}'s Slack language (${typeof code === 'string' ? code : (error as Error).message}); using the default for now`);
  }
}

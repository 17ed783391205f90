import type { Lang } from '../lang.js';
import type { PlaybookSet } from './playbook-set.js';
import type { Playbook, SharedGuidance } from './schema.js';

/** What a person reads of a playbook, in one language. */
export interface PlaybookText {
  name: string;
  summary: string;
  signals: readonly string[];
  actions: readonly string[];
  do: readonly string[];
  dont: readonly string[];
  openers: readonly string[];
  quizWhy: string;
  quizMessages: readonly string[];
  /** The language the text is really in: a type without Chinese text is shown in English. */
  lang: Lang;
}

const english = new WeakMap<Playbook, PlaybookText>();
const chinese = new WeakMap<Playbook, PlaybookText>();

/**
 * The playbook's display text in `lang`, field by field: a Chinese field that is missing is the
 * English one, so a half-translated type still reads whole. Built once per playbook.
 */
export function playbookText(playbook: Playbook, lang: Lang): PlaybookText {
  const cache = lang === 'zh' && playbook.zh ? chinese : english;
  let text = cache.get(playbook);
  if (!text) {
    const zh = lang === 'zh' ? playbook.zh : undefined;
    text = {
      name: zh?.name ?? playbook.name,
      summary: zh?.summary ?? playbook.summary,
      signals: zh?.signals ?? playbook.signals,
      actions: zh?.actions ?? playbook.actions,
      do: zh?.do ?? playbook.do,
      dont: zh?.dont ?? playbook.dont,
      openers: zh?.openers ?? playbook.openers,
      quizWhy: zh?.quiz?.why ?? playbook.quiz.why,
      quizMessages: zh && zh.quiz && zh.quiz.messages.length > 0 ? zh.quiz.messages : playbook.quiz.messages,
      lang: zh?.name !== undefined ? 'zh' : 'en',
    };
    cache.set(playbook, text);
  }
  return text;
}

/** Openers in the customer's language when the playbook has them, whatever the agent reads. */
export function openersIn(playbook: Playbook, lang: Lang): { openers: readonly string[]; lang: Lang } {
  if (lang === 'zh' && playbook.zh?.openers) return { openers: playbook.zh.openers, lang: 'zh' };
  return { openers: playbook.openers, lang: 'en' };
}

/** Quiz messages written in `lang`; empty when the type has none in that language. */
export function quizMessagesIn(playbook: Playbook, lang: Lang): readonly string[] {
  return lang === 'zh' ? (playbook.zh?.quiz?.messages ?? []) : playbook.quiz.messages;
}

/** What every customer wants, in `lang` when the shared file has it. */
export function everyCustomerWants(shared: SharedGuidance, lang: Lang): readonly string[] {
  return (lang === 'zh' ? shared.zh?.every_customer_wants : undefined) ?? shared.every_customer_wants;
}

/** The display fields a Chinese-reading agent would still see in English. */
const CHINESE_FIELDS = ['name', 'summary', 'signals', 'actions', 'do', 'dont', 'openers'] as const;

/** The Chinese text a playbook lacks, as field names; empty when it is complete. */
export function missingChinese(playbook: Playbook): string[] {
  const zh = playbook.zh;
  if (!zh) return ['zh'];
  const missing: string[] = CHINESE_FIELDS.filter((field) => zh[field] === undefined).map((field) => `zh.${field}`);
  if (zh.quiz?.why === undefined) missing.push('zh.quiz.why');
  if ((zh.quiz?.messages.length ?? 0) === 0) missing.push('zh.quiz.messages');
  if (zh.examples.length === 0) missing.push('zh.examples');
  if (zh.cues.length === 0) missing.push('zh.cues');
  return missing;
}

/** A type's name in `lang`, or its id when no playbook has it (a type removed since a row named it). */
export function typeName(playbooks: PlaybookSet, id: string, lang: Lang): string {
  const playbook = playbooks.get(id);
  return playbook ? playbookText(playbook, lang).name : id;
}

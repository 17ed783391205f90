import { catalogue, type Catalogue } from '../../../i18n/index.js';
import type { Lang } from '../../../lang.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import type { ListenerDeps } from '../deps.js';

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(text)] });

/**
 * `/customertype language zh|en|auto` (语言 中文|英文|自动): stores the agent's choice and answers in
 * the language now in force; without a choice, says which language is in use and why.
 */
export async function languageCommand(choice: Lang | 'auto' | undefined, userId: string, deps: ListenerDeps, t: Catalogue): Promise<RenderedMessage> {
  if (choice === undefined) {
    const { lang, source } = await deps.languages.explain(userId);
    const now = catalogue(lang);
    return plain(now.language.current(now.languageNames[lang], now.language.sources[source]));
  }
  try {
    await deps.languages.choose(userId, choice);
  } catch (error) {
    deps.logger.error(`language: could not store ${userId}'s choice: ${(error as Error).message}`);
    return plain(t.language.notSaved);
  }
  if (choice !== 'auto') return plain(catalogue(choice).language.set);
  const now = catalogue(await deps.languages.forAgent(userId));
  return plain(now.language.auto(now.languageNames[now.lang]));
}

import { en, type Catalogue } from '../../i18n/index.js';
import { trusted } from '../../i18n/escaped.js';
import { playbookText } from '../../playbooks/localize.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { Playbook } from '../../playbooks/schema.js';
import { handlingBlocks, notTranslatedNote } from './guidance.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { context, header, joinEscaped, list, section, sectionsOf } from './text.js';
import type { RenderedMessage } from './types.js';

/** `/customertype list`: every type on one line, in as many sections as Slack's limits need. */
export function buildTypeList(playbooks: PlaybookSet, t: Catalogue = en): RenderedMessage {
  const lines = playbooks.all.map((playbook) => {
    const text = playbookText(playbook, t.lang);
    return t.list.line(escapeMrkdwn(text.name), playbook.id, escapeMrkdwn(text.summary));
  });
  // The example is a name the agent could type: in Chinese, the first Chinese name there is.
  const translated = t.lang === 'en' ? undefined : playbooks.all.find((playbook) => playbook.zh?.name !== undefined)?.zh?.name;
  const example = translated ? escapeMrkdwn(translated) : trusted(playbooks.all[0]?.id ?? 'angry');
  return {
    text: t.list.title(playbooks.all.length),
    blocks: [header(t.list.title(playbooks.all.length)), ...sectionsOf(lines), context(t.list.hint(example))],
  };
}

/** Other names the agent may know the type by, in their language; a Chinese reader also sees the English name. */
function otherNames(playbook: Playbook, t: Catalogue): string[] {
  const name = playbookText(playbook, t.lang).name;
  const names = t.lang === 'zh' && playbook.zh ? [...playbook.zh.aliases, playbook.name] : playbook.aliases;
  const seen = new Set([name.toLowerCase()]);
  return names.filter((alias) => !seen.has(alias.toLowerCase()) && seen.add(alias.toLowerCase()));
}

/** `/customertype <type>`: the whole playbook for one type. */
export function buildPlaybookMessage(playbook: Playbook, t: Catalogue = en): RenderedMessage {
  const text = playbookText(playbook, t.lang);
  const aliases = otherNames(playbook, t);
  return {
    text: t.playbook.fallback(escapeMrkdwn(text.name)),
    blocks: [
      header(text.name),
      section(escapeMrkdwn(text.summary)),
      ...notTranslatedNote(playbook, t),
      section(list(t.playbook.recognise, text.signals)),
      ...handlingBlocks(playbook, t),
      ...(text.openers.length > 1 ? [section(list(t.playbook.moreOpeners, text.openers.slice(1)))] : []),
      context(t.playbook.footer(playbook.id, aliases.length ? joinEscaped(aliases.map(escapeMrkdwn), t.format.listSeparator) : undefined)),
    ],
  };
}

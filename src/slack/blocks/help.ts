import { en, type Catalogue } from '../../i18n/index.js';
import { COMMAND } from '../../i18n/command.js';
import { context, header, section } from './text.js';
import type { RenderedMessage } from './types.js';

export { COMMAND };

/** What the command does and how to use it; also the answer to an empty command. */
export function buildHelpMessage(t: Catalogue = en): RenderedMessage {
  return {
    text: t.help.fallback,
    blocks: [
      header(t.help.title),
      section(t.help.intro),
      section(t.help.usage.map((line) => `• ${line}`).join('\n')),
      section(t.help.example),
      context(t.help.footer),
    ],
  };
}

import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { Playbook } from '../../playbooks/schema.js';
import { handlingBlocks } from './guidance.js';
import { COMMAND } from './help.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { context, header, list, section, sectionsOf } from './text.js';
import type { RenderedMessage } from './types.js';

/** `/customertype list`: every type on one line, in as many sections as Slack's limits need. */
export function buildTypeList(playbooks: PlaybookSet): RenderedMessage {
  const lines = playbooks.all.map((playbook) => `• *${escapeMrkdwn(playbook.name)}* \`${playbook.id}\`: ${escapeMrkdwn(playbook.summary)}`);
  return {
    text: `${playbooks.all.length} customer types`,
    blocks: [
      header(`${playbooks.all.length} customer types`),
      ...sectionsOf(lines),
      context(`\`${COMMAND} <type>\` shows one playbook, e.g. \`${COMMAND} ${playbooks.all[0]?.id ?? 'angry'}\`.`),
    ],
  };
}

/** `/customertype <type>`: the whole playbook for one type. */
export function buildPlaybookMessage(playbook: Playbook): RenderedMessage {
  const aliases = playbook.aliases.filter((alias) => alias.toLowerCase() !== playbook.name.toLowerCase());
  return {
    text: `Playbook: ${escapeMrkdwn(playbook.name)}`,
    blocks: [
      header(playbook.name),
      section(escapeMrkdwn(playbook.summary)),
      section(list('How to recognise them', playbook.signals)),
      ...handlingBlocks(playbook),
      ...(playbook.openers.length > 1 ? [section(list('More opening lines', playbook.openers.slice(1)))] : []),
      context(`\`${playbook.id}\`${aliases.length ? ` · also called ${aliases.map(escapeMrkdwn).join(', ')}` : ''}`),
    ],
  };
}

import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { z } from 'zod';
import { en, type Catalogue } from '../../i18n/index.js';
import { typeName } from '../../playbooks/localize.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { TeamExample } from '../../store/team-example-store.js';
import { parseJsonValue } from '../json-value.js';
import { escapeMrkdwn, mentionUser, truncate } from './mrkdwn.js';
import { built, context, dangerButton, header, LIMITS, section } from './text.js';
import type { RenderedMessage } from './types.js';

export const TEACH_ACTION = 'teach_example';
export const EXAMPLE_REMOVE_ACTION = 'team_example_remove';
export const TEACHING_OFF_ACTION = 'teaching_off';
export const TEACHING_ON_ACTION = 'teaching_on';

/** What the tick carries (an option value holds 150 characters): the held text's key and the type picked. */
const teachSchema = z.object({ k: z.string().min(1).max(24), x: z.string().min(1).max(100) });
export const parseTeachChoice = (value: unknown) => parseJsonValue(teachSchema, value, 150);

/** A shown example is cut to this many characters: enough to recognise it, and 40 of them fit a message. */
const SHOWN_TEXT_CHARS = 280;
/** Header, intro, a note, the "more" line and the switch: the rest of Slack's 50 blocks hold examples. */
const EXAMPLE_BLOCKS = LIMITS.blocks - 6;

/** The answer to "Not right?" with the tick that keeps the message as a team example of the chosen type. */
export function buildTeachOffer(answer: string, teachKey: string, typeId: string, t: Catalogue = en): RenderedMessage {
  const value = JSON.stringify({ k: teachKey, x: typeId });
  return {
    text: answer,
    blocks: [
      section(answer),
      {
        type: 'actions',
        block_id: 'teach',
        elements: [{ type: 'checkboxes', action_id: TEACH_ACTION, options: [{ text: { type: 'plain_text', text: truncate(t.teach.checkbox, LIMITS.option) }, value }] }],
      },
      context(escapeMrkdwn(t.teach.checkboxHint)),
    ],
  };
}

/** `/customertype examples`: a workspace's team examples by type, each with who taught it, when, and a Remove button. */
export function buildTeamExamplesMessage(
  examples: readonly TeamExample[],
  enabled: boolean,
  playbooks: PlaybookSet,
  t: Catalogue = en,
  notice?: string,
): RenderedMessage {
  const blocks: KnownBlock[] = [header(t.examples.title)];
  if (notice) blocks.push(section(escapeMrkdwn(notice)));
  blocks.push(section(examples.length === 0 ? t.examples.none : escapeMrkdwn(t.examples.intro(examples.length))));
  if (!enabled) blocks.push(context(escapeMrkdwn(t.examples.offNote)));

  const byType = new Map<string, TeamExample[]>();
  for (const example of examples) {
    let list = byType.get(example.typeId);
    if (!list) byType.set(example.typeId, (list = []));
    list.push(example);
  }
  let shown = 0;
  let budget = EXAMPLE_BLOCKS;
  for (const [typeId, list] of byType) {
    // A heading needs room for at least one example under it.
    if (budget < 2) break;
    blocks.push(section(t.examples.typeHeading(escapeMrkdwn(typeName(playbooks, typeId, t.lang)), list.length)));
    budget -= 1;
    for (const example of list) {
      if (budget < 1) break;
      // Escaped first, then quoted line by line: the quote marks are ours.
      const text = built(escapeMrkdwn(truncate(example.text, SHOWN_TEXT_CHARS)).replace(/\n/g, '\n>'));
      const remove: Button = { type: 'button', action_id: EXAMPLE_REMOVE_ACTION, text: { type: 'plain_text', text: t.examples.remove }, value: String(example.id) };
      blocks.push({ ...section(t.examples.line(text, mentionUser(example.taughtBy), t.format.day(example.createdAt))), accessory: remove });
      budget -= 1;
      shown += 1;
    }
  }
  if (shown < examples.length) blocks.push(context(escapeMrkdwn(t.examples.more(examples.length - shown))));
  blocks.push(switchBlock(enabled, t));
  return { text: t.examples.fallback(examples.length), blocks };
}

function switchBlock(enabled: boolean, t: Catalogue): ActionsBlock {
  const button: Button = enabled
    ? dangerButton(TEACHING_OFF_ACTION, t.examples.switchOff, 'off', {
        title: t.examples.confirmTitle,
        text: t.examples.confirmText,
        yes: t.examples.confirmYes,
        no: t.examples.confirmNo,
      })
    : { type: 'button', action_id: TEACHING_ON_ACTION, text: { type: 'plain_text', text: t.examples.switchOn }, value: 'on' };
  return { type: 'actions', block_id: 'teaching_switch', elements: [button] };
}

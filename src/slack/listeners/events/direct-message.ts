import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { buildGuidanceMessage, buildNothingToReadMessage } from '../../blocks/guidance.js';
import { findCustomerText, notedSource } from '../../message-text.js';
import { describeError } from '../../slack-error.js';
import { section } from '../../blocks/text.js';
import type { ListenerDeps } from '../deps.js';

const LEARNING_WAIT_MS = 10_000;

export type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** Subtypes that are still a person's message; edits, joins and bot posts are not. */
const READABLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** A direct message to the bot (App Home, Messages tab) is classified like the command. */
export function directMessage(deps: ListenerDeps) {
  return async ({ message, say }: MessageArgs): Promise<void> => {
    const event = message as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; channel?: string; team?: string };
    if (event.channel_type !== 'im' || event.bot_id || !READABLE_SUBTYPES.has(event.subtype)) return;
    const found = findCustomerText(message);
    const t = catalogue(await deps.languages.forAgent(event.user));
    let answer;
    if (found.text.trim() === '') answer = buildNothingToReadMessage(t);
    // Acked already and answered with a post: this can wait for learning to end.
    else if (!(await deps.classifierReady(LEARNING_WAIT_MS))) answer = { text: t.failures.learning, blocks: [section(t.failures.learning)] };
    else {
      const where = { surface: 'message', teamId: event.team, channelId: event.channel, userId: event.user } as const;
      const { result, classificationId, teachKey } = await deps.classification.classify(found.text, where);
      answer = buildGuidanceMessage(result, deps.playbooks, { source: notedSource(found), ref: { classificationId, teachKey, channelId: event.channel } }, t);
    }
    try {
      await say(answer);
    } catch (error) {
      deps.logger.error(`direct message: could not answer user ${event.user ?? 'unknown'}: ${describeError(error)}`);
    }
  };
}

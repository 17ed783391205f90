import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { buildGuidanceMessage, buildGuidanceModal, buildNothingToReadMessage } from '../../blocks/guidance.js';
import { findCustomerText, notedSource } from '../../message-text.js';
import { describeError, failureForAgent } from '../../slack-error.js';
import { section } from '../../blocks/text.js';
import type { ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';

export const CLASSIFY_MESSAGE = 'classify_message';

/** Already acked; the modal fallback needs the trigger, valid 3 seconds from the click, so wait less than that. */
const LEARNING_WAIT_MS = 1500;

export type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Classify customer type" on any message: the answer goes privately into that message's thread;
 * where the bot cannot post (a DM, a channel it is not in) it opens a modal instead, and if even that
 * fails the agent is told why. Never silent.
 */
export function classifyMessageShortcut(deps: ListenerDeps) {
  return async ({ ack, shortcut, client, respond: givenRespond }: MessageShortcutArgs): Promise<void> => {
    const respond = respondOrLog(givenRespond, deps.logger, 'classify_message');
    await ack();
    const channelId = shortcut.channel?.id;
    const userId = shortcut.user?.id;
    const message = shortcut.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs = message?.thread_ts ?? message?.ts;
    const found = findCustomerText(shortcut.message);
    const t = catalogue(await deps.languages.forAgent(userId));

    let answer;
    if (found.text.trim() === '') {
      answer = buildNothingToReadMessage(t);
    } else if (!(await deps.classifierReady(LEARNING_WAIT_MS))) {
      answer = { text: t.failures.learning, blocks: [section(t.failures.learning)] };
    } else {
      const where = { surface: 'shortcut', teamId: shortcut.team?.id, channelId, userId } as const;
      const { result, classificationId, teachKey } = await deps.classification.classify(found.text, where);
      answer = buildGuidanceMessage(result, deps.playbooks, { source: notedSource(found), ref: { classificationId, teachKey, channelId, threadTs } }, t);
    }

    if (channelId && userId) {
      try {
        // No retries: if Slack fails, the modal below must open while the trigger is still valid.
        await (await deps.clientWithoutRetries(shortcut.team?.id)).chat.postEphemeral({ channel: channelId, user: userId, ...(threadTs ? { thread_ts: threadTs } : {}), ...answer });
        return;
      } catch (error) {
        deps.logger.info(`classify_message: cannot post in ${channelId} (${describeError(error)}); opening a modal`);
      }
    }
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: buildGuidanceModal(answer, t) });
    } catch (error) {
      deps.logger.error(`classify_message: views.open failed too: ${describeError(error)}`);
      await respond({
        response_type: 'ephemeral',
        text: t.shortcut.failed(failureForAgent(error, t).code),
      }).catch((respondError: unknown) => deps.logger.error(`classify_message: could not tell the user: ${describeError(respondError)}`));
    }
  };
}

import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { buildSharedGuidance, parseGuidanceRef } from '../../blocks/guidance.js';
import { describeError, failureForAgent, slackErrorCode } from '../../slack-error.js';
import type { ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Where the bot itself may not post; answering through the response URL still works there. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/**
 * "Share in channel": posts the guidance visibly, in the thread it came from, never the customer's
 * text. It is in the sharer's language: they share it with their own team.
 */
export function shareGuidance(deps: ListenerDeps) {
  return async ({ ack, action, body, client, respond: givenRespond }: ButtonArgs): Promise<void> => {
    const respond = respondOrLog(givenRespond, deps.logger, 'share_guidance');
    await ack();
    const t = catalogue(await deps.languages.forAgent(body.user?.id));
    const ref = parseGuidanceRef(action.value);
    const shared = ref && body.user?.id ? buildSharedGuidance(ref, deps.playbooks, body.user.id, t) : undefined;
    const channel = ref?.channelId ?? body.channel?.id;
    if (!ref || !shared || !channel) {
      deps.logger.warn(`share_guidance: unusable button value from user ${body.user?.id ?? 'unknown'}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.share.outOfDate });
      return;
    }
    try {
      await client.chat.postMessage({ channel, ...(ref.threadTs ? { thread_ts: ref.threadTs } : {}), ...shared, unfurl_links: false });
    } catch (error) {
      if (!CANNOT_POST.has(slackErrorCode(error) ?? '')) {
        deps.logger.error(`share_guidance: chat.postMessage failed: ${describeError(error)}`);
        const failure = failureForAgent(error, t);
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.share.failed(failure.code, failure.whatToDo) });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...shared });
    }
  };
}

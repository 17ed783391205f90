import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpMessage } from '../../blocks/help.js';
import type { ListenerDeps } from '../deps.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function customertypeCommand(deps: ListenerDeps) {
  return async ({ ack, respond, command }: CommandArgs): Promise<void> => {
    await ack();
    try {
      await respond({ response_type: 'ephemeral', ...buildHelpMessage() });
    } catch (error) {
      deps.logger.error(`/customertype failed for user ${command.user_id}: ${(error as Error).message}`);
    }
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommandText } from '../../../service/command-text.js';
import { buildPlaybookMessage, buildTypeList } from '../../blocks/catalog.js';
import { buildLeaderboardMessage, buildStatsMessage } from '../../blocks/quiz.js';
import { quizCommand } from './quiz.js';
import { buildGuidanceMessage } from '../../blocks/guidance.js';
import { buildHelpMessage } from '../../blocks/help.js';
import type { RenderedMessage } from '../../blocks/types.js';
import type { ListenerDeps } from '../deps.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export function customertypeCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, respond, command } = args;
    await ack();
    const request = parseCommandText(typeof command.text === 'string' ? command.text : '', deps.playbooks);
    let message: RenderedMessage | undefined;
    switch (request.kind) {
      case 'help':
        message = buildHelpMessage();
        break;
      case 'list':
        message = buildTypeList(deps.playbooks);
        break;
      case 'stats':
        message = buildStatsMessage(deps.quiz.stats(command.user_id), deps.playbooks);
        break;
      case 'leaderboard':
        message = buildLeaderboardMessage(deps.quiz.leaderboards(command.team_id));
        break;
      case 'quiz':
        message = await quizCommand(request.action, args, deps);
        break;
      case 'playbook':
        message = buildPlaybookMessage(request.playbook);
        break;
      case 'classify': {
        const where = { surface: 'command', teamId: command.team_id, channelId: command.channel_id, userId: command.user_id } as const;
        const { result, classificationId } = deps.classification.classify(request.text, where);
        message = buildGuidanceMessage(result, deps.playbooks, { ref: { classificationId, channelId: command.channel_id } });
        break;
      }
    }
    if (!message) return;
    try {
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      deps.logger.error(`/customertype: could not answer user ${command.user_id}: ${(error as Error).message}`);
    }
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { parseCommandText, type CommandRequest } from '../../../service/command-text.js';
import { buildPlaybookMessage, buildTypeList } from '../../blocks/catalog.js';
import { buildCorrectionsMessage } from '../../blocks/corrections.js';
import { buildLeaderboardMessage, buildStatsMessage } from '../../blocks/quiz.js';
import { quizCommand } from './quiz.js';
import { buildGuidanceMessage } from '../../blocks/guidance.js';
import { buildHelpMessage } from '../../blocks/help.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import type { ListenerDeps } from '../deps.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/**
 * Everything but the quiz answers at once, in the acknowledgement itself: classifying takes well
 * under a millisecond, and answering in the ack spares a second request to the response URL.
 */
function answerNow(request: Exclude<CommandRequest, { kind: 'quiz' }>, command: CommandArgs['command'], deps: ListenerDeps): RenderedMessage {
  switch (request.kind) {
    case 'help':
      return buildHelpMessage();
    case 'list':
      return buildTypeList(deps.playbooks);
    case 'stats':
      return buildStatsMessage(deps.quiz.stats(command.user_id), deps.playbooks);
    case 'leaderboard':
      return buildLeaderboardMessage(deps.quiz.leaderboards(command.team_id));
    case 'corrections':
      return buildCorrectionsMessage(deps.classification.corrections(command.team_id), deps.playbooks);
    case 'playbook':
      return buildPlaybookMessage(request.playbook);
    case 'classify': {
      const where = { surface: 'command', teamId: command.team_id, channelId: command.channel_id, userId: command.user_id } as const;
      const { result, classificationId } = deps.classification.classify(request.text, where);
      return buildGuidanceMessage(result, deps.playbooks, { ref: { classificationId, channelId: command.channel_id } });
    }
  }
}

export function customertypeCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, respond, command } = args;
    const request = parseCommandText(typeof command.text === 'string' ? command.text : '', deps.playbooks);
    if (request.kind === 'quiz') {
      // Posting a quiz or opening a form talks to Slack first: ack now, answer when done.
      await ack();
      const message = await quizCommand(request.action, args, deps);
      if (!message) return;
      await respond({ response_type: 'ephemeral', ...message }).catch((error: unknown) =>
        deps.logger.error(`/customertype quiz: could not answer user ${command.user_id}: ${(error as Error).message}`),
      );
      return;
    }
    let message: RenderedMessage;
    try {
      message = answerNow(request, command, deps);
    } catch (error) {
      deps.logger.error(`/customertype failed for user ${command.user_id}: ${(error as Error).message}`);
      message = { text: 'Sorry, something went wrong. Please try again.', blocks: [section('Sorry, something went wrong. Please try again.')] };
    }
    await ack({ response_type: 'ephemeral', ...message });
  };
}

import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { catalogue, type Catalogue } from '../../../i18n/index.js';
import { parseCommandText, type CommandRequest } from '../../../service/command-text.js';
import { buildPlaybookMessage, buildTypeList } from '../../blocks/catalog.js';
import { buildCorrectionsMessage } from '../../blocks/corrections.js';
import { buildLeaderboardMessage, buildStatsMessage } from '../../blocks/quiz.js';
import { quizCommand } from './quiz.js';
import { digestCommand } from './digest.js';
import { languageCommand } from './language.js';
import { exportCommand, insightsCommand } from './insights.js';
import { buildGuidanceMessage } from '../../blocks/guidance.js';
import { buildHelpMessage } from '../../blocks/help.js';
import { teamExamplesAnswer } from '../actions/team-examples.js';
import { eraseOffer } from '../actions/erase-workspace-data.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import type { ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

type AnsweredNow = Exclude<CommandRequest, AnsweredLater | { kind: 'language' } | { kind: 'digest' }>;

/**
 * Everything but the quiz and language commands at once, in the acknowledgement itself:
 * classifying takes well under a millisecond, and answering in the ack spares a second request to
 * the response URL.
 */
async function answerNow(request: AnsweredNow, command: CommandArgs['command'], deps: ListenerDeps, t: Catalogue): Promise<RenderedMessage> {
  switch (request.kind) {
    case 'help':
      return buildHelpMessage(t);
    case 'list':
      return buildTypeList(deps.playbooks, t);
    case 'stats':
      return buildStatsMessage(await deps.quiz.stats(command.user_id), deps.playbooks, t);
    case 'leaderboard':
      return buildLeaderboardMessage(await deps.quiz.leaderboards(command.team_id), 'current', t);
    case 'corrections':
      return buildCorrectionsMessage(await deps.classification.corrections(command.team_id), deps.playbooks, t);
    case 'examples':
      return teamExamplesAnswer(deps, command.team_id, command.user_id, t);
    case 'delete-data':
      return eraseOffer(deps, command.team_id, command.user_id, t);
    case 'playbook':
      return buildPlaybookMessage(request.playbook, t);
    case 'classify': {
      const where = { surface: 'command', teamId: command.team_id, channelId: command.channel_id, userId: command.user_id } as const;
      const { result, classificationId, teachKey } = await deps.classification.classify(request.text, where);
      return buildGuidanceMessage(result, deps.playbooks, { ref: { classificationId, teachKey, channelId: command.channel_id } }, t);
    }
  }
}

/** How long an answer in the ack may wait for learning at start-up: well inside Slack's 3 seconds. */
const COMMAND_LEARNING_WAIT_MS = 1500;

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(text)] });

/**
 * The requests answered on the response URL after an empty ack, as work not yet started (so that
 * none of it runs before the ack), with what to say if it fails.
 */
type AnsweredLater = Extract<CommandRequest, { kind: 'quiz' } | { kind: 'insights' } | { kind: 'export' }>;
const isAnsweredLater = (request: CommandRequest): request is AnsweredLater => request.kind === 'quiz' || request.kind === 'insights' || request.kind === 'export';

function answeredLater(request: AnsweredLater, args: CommandArgs, deps: ListenerDeps, t: Catalogue): { run: () => Promise<RenderedMessage | undefined>; failed: string } {
  switch (request.kind) {
    case 'quiz':
      // Posting a quiz or opening a form talks to Slack first.
      return { run: () => quizCommand(request.action, args, deps, t), failed: t.failures.generic };
    case 'insights':
      return { run: () => insightsCommand(request.period, args, deps, t), failed: t.insights.failed };
    case 'export':
      // An upload to Slack.
      return { run: () => exportCommand(request.period, args, deps, t), failed: t.failures.generic };
  }
}

export function customertypeCommand(deps: ListenerDeps) {
  return async (args: CommandArgs): Promise<void> => {
    const { ack, command } = args;
    const respond = respondOrLog(args.respond, deps.logger, '/customertype');
    const request = parseCommandText(typeof command.text === 'string' ? command.text : '', deps.playbooks);
    // At most a few hundred milliseconds, and only for an agent not seen today.
    const t = catalogue(await deps.languages.forAgent(command.user_id));
    if (isAnsweredLater(request)) {
      const later = answeredLater(request, args, deps, t);
      // It talks to Slack or reads weeks of rows: ack now, answer when done.
      await ack();
      let reply: RenderedMessage | undefined;
      try {
        reply = await later.run();
      } catch (error) {
        deps.logger.error(`/customertype ${request.kind} failed for user ${command.user_id}: ${(error as Error).message}`);
        reply = plain(later.failed);
      }
      if (!reply) return;
      await respond({ response_type: 'ephemeral', ...reply }).catch((error: unknown) =>
        deps.logger.error(`/customertype ${request.kind}: could not answer user ${command.user_id}: ${(error as Error).message}`),
      );
      return;
    }
    let message: RenderedMessage;
    try {
      message = request.kind === 'classify' && !(await deps.classifierReady(COMMAND_LEARNING_WAIT_MS))
        ? plain(t.failures.learning)
        : request.kind === 'language' ? await languageCommand(request.choice, command.user_id, deps, t)
        : request.kind === 'digest' ? await digestCommand(request.action, command, deps, t)
        : await answerNow(request, command, deps, t);
    } catch (error) {
      deps.logger.error(`/customertype failed for user ${command.user_id}: ${(error as Error).message}`);
      message = plain(t.failures.generic);
    }
    await ack({ response_type: 'ephemeral', ...message });
  };
}

import type { Catalogue } from '../../../i18n/index.js';
import { buildQuizSetupModal } from '../../blocks/quiz.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { mentionChannel } from '../../blocks/mrkdwn.js';
import { section } from '../../blocks/text.js';
import { isDirectMessage } from '../../conversations.js';
import { ChannelAccessError } from '../../quiz-publisher.js';
import { describeError, failureForAgent } from '../../slack-error.js';
import { canConfigureQuiz, type ListenerDeps } from '../deps.js';
import type { CommandArgs } from './customertype.js';

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(text)] });

/** Acked already, so a quiz asked for at start-up may wait this long for learning to end. */
const QUIZ_LEARNING_WAIT_MS = 10_000;

/** `/customertype quiz now | off | setup`; returns the private answer, or undefined when a modal opened. */
export async function quizCommand(
  action: 'now' | 'off' | 'setup' | 'help',
  args: CommandArgs,
  deps: ListenerDeps,
  t: Catalogue,
): Promise<RenderedMessage | undefined> {
  const { command, client } = args;
  const inDirectMessage = isDirectMessage(command.channel_id, command.channel_name);
  if (action === 'help') return plain(t.quizCommand.help);
  if (!canConfigureQuiz(deps, command.user_id)) return plain(t.quizCommand.adminsOnly);
  switch (action) {
    case 'now': {
      // A quiz belongs to a team channel; in a DM it would be one agent's quiz on the team's leaderboard.
      if (inDirectMessage) return plain(t.quizCommand.channelOnly);
      // Acked already: choosing a question needs the classifier, which may still be learning at start-up.
      if (!(await deps.classifierReady(QUIZ_LEARNING_WAIT_MS))) return plain(t.failures.learning);
      const schedule = await deps.quizStore.schedule(command.channel_id);
      const outcome = await deps.quiz.postQuiz({
        teamId: command.team_id,
        channelId: command.channel_id,
        timeZone: schedule?.timeZone,
        // The channel's quiz language when it has a schedule; otherwise the language of whoever asked.
        lang: schedule?.lang ?? t.lang,
      });
      if (outcome.status === 'posted') return plain(t.quizCommand.posted);
      if (outcome.status === 'already') return plain(t.quizCommand.already);
      if (outcome.error instanceof ChannelAccessError) return plain(t.quizCommand.notInChannel(mentionChannel(outcome.error.channelId)));
      const failure = failureForAgent(outcome.error, t);
      return plain(t.quizCommand.postFailed(failure.code, failure.whatToDo));
    }
    case 'off':
      return plain((await deps.quiz.turnOff(command.channel_id, command.user_id)) ? t.quizCommand.off : t.quizCommand.noQuiz);
    case 'setup':
      try {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: buildQuizSetupModal(
            {
              // From a DM the form starts empty: the quiz needs a team channel, picked there.
              channelId: inDirectMessage ? undefined : command.channel_id,
              schedule: inDirectMessage ? undefined : await deps.quizStore.schedule(command.channel_id),
              timeZone: deps.quiz.defaultTimeZone,
              language: deps.quiz.defaultLanguage,
            },
            t,
          ),
        });
        return undefined;
      } catch (error) {
        deps.logger.error(`quiz setup: views.open failed for ${command.user_id}: ${describeError(error)}`);
        const failure = failureForAgent(error, t);
        return plain(t.quizCommand.settingsFailed(failure.code, failure.whatToDo));
      }
  }
}

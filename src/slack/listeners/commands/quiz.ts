import { buildQuizSetupModal } from '../../blocks/quiz.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { section } from '../../blocks/text.js';
import { isDirectMessage } from '../../conversations.js';
import { ChannelAccessError } from '../../quiz-publisher.js';
import { describeError } from '../../slack-error.js';
import { canConfigureQuiz, type ListenerDeps } from '../deps.js';
import type { CommandArgs } from './customertype.js';

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(text)] });


const QUIZ_HELP = plain(
  '*Daily quiz*\n• `/customertype quiz setup`: choose the channel, time, time zone and days\n• `/customertype quiz now`: post a quiz here now\n• `/customertype quiz off`: stop the daily quiz in this channel\n• `/customertype stats` and `/customertype leaderboard`: results',
);

/** `/customertype quiz now | off | setup`; returns the private answer, or undefined when a modal opened. */
export async function quizCommand(action: 'now' | 'off' | 'setup' | 'help', args: CommandArgs, deps: ListenerDeps): Promise<RenderedMessage | undefined> {
  const { command, client } = args;
  const inDirectMessage = isDirectMessage(command.channel_id, command.channel_name);
  if (action === 'help') return QUIZ_HELP;
  if (!canConfigureQuiz(deps, command.user_id)) return plain('Only the quiz admins set in QUIZ_ADMINS can change the quiz. Ask one of them.');
  switch (action) {
    case 'now': {
      // A quiz belongs to a team channel; in a DM it would be one agent's quiz on the team's leaderboard.
      if (inDirectMessage) {
        return plain('The quiz runs in a channel: use this command there. For a question just for you, open my Home tab and press *Practice*.');
      }
      const outcome = await deps.quiz.postQuiz({
        teamId: command.team_id,
        channelId: command.channel_id,
        timeZone: deps.quizStore.schedule(command.channel_id)?.timeZone,
      });
      if (outcome.status === 'posted') return plain('Posted a quiz in this channel.');
      if (outcome.status === 'already') return plain("Today's quiz is already posted in this channel; one a day keeps it fair.");
      return plain(
        outcome.error instanceof ChannelAccessError ? outcome.error.message : `Sorry, posting the quiz failed (${describeError(outcome.error)}). Try again in a minute.`,
      );
    }
    case 'off':
      return plain(
        (await deps.quiz.turnOff(command.channel_id, command.user_id))
          ? 'The daily quiz is off in this channel, and its open quiz is closed. Answers and stats are kept.'
          : 'There is no daily quiz in this channel. `/customertype quiz setup` starts one.',
      );
    case 'setup':
      try {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: buildQuizSetupModal({
            // From a DM the form starts empty: the quiz needs a team channel, picked there.
            channelId: inDirectMessage ? undefined : command.channel_id,
            schedule: inDirectMessage ? undefined : deps.quizStore.schedule(command.channel_id),
            timeZone: deps.quiz.defaultTimeZone,
          }),
        });
        return undefined;
      } catch (error) {
        return plain(`Sorry, I couldn't open the quiz settings (${describeError(error)}).`);
      }
  }
}

import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isCronDays, isTimeZone, TIME_OF_DAY } from '../../../quiz/schedule.js';
import { DAY_CHOICES } from '../../blocks/quiz.js';
import { isDirectMessage } from '../../conversations.js';
import { describeError } from '../../slack-error.js';
import { canConfigureQuiz, type ListenerDeps } from '../deps.js';

export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type Values = Record<string, Record<string, { selected_conversation?: string; selected_time?: string; value?: string; selected_option?: { value?: string } }>>;

/** Saves the quiz settings; invalid fields are shown next to the field, as Slack expects. */
export function quizSetupSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const values = (view.state?.values ?? {}) as Values;
    const channelId = values.channel?.value?.selected_conversation;
    const time = values.time?.value?.selected_time;
    const timeZone = values.time_zone?.value?.value?.trim() ?? '';
    const days = values.days?.value?.selected_option?.value ?? '';
    const closeTime = values.close_time?.value?.selected_time ?? null;
    const errors: Record<string, string> = {};
    if (!channelId) errors.channel = 'Pick a channel.';
    else if (isDirectMessage(channelId)) errors.channel = 'Pick a channel: the quiz is for a team, not a direct message.';
    if (!time || !TIME_OF_DAY.test(time)) errors.time = 'Pick a time.';
    if (!isTimeZone(timeZone)) errors.time_zone = 'Use an IANA time zone such as Europe/London or America/New_York.';
    if (!isCronDays(days)) errors.days = 'Pick the days.';
    if (closeTime !== null && (!TIME_OF_DAY.test(closeTime) || (time !== undefined && closeTime <= time))) {
      errors.close_time = 'Pick a time after the quiz time, or leave it empty.';
    }
    if (!canConfigureQuiz(deps, body.user?.id)) errors.channel = 'Only the quiz admins set in QUIZ_ADMINS can change the quiz.';
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    deps.quizStore.saveSchedule(
      { channelId: channelId!, teamId: body.team?.id, postTime: time!, timeZone, days, closeTime, enabled: true },
      body.user.id,
    );
    deps.quiz.scheduleChanged(channelId!);
    const dayText = DAY_CHOICES.find((choice) => choice.value === days)?.text.toLowerCase() ?? days;
    let note = `The daily quiz is set: ${time} ${timeZone}, ${dayText}, in <#${channelId}>.`;
    try {
      await client.conversations.join({ channel: channelId! });
    } catch (error) {
      note += `\nI can't join that channel by myself (${describeError(error)}): type \`/invite @customertype\` there so I can post.`;
    }
    try {
      await client.chat.postMessage({ channel: body.user.id, text: note });
    } catch (error) {
      deps.logger.warn(`quiz setup: could not confirm to ${body.user.id}: ${describeError(error)}`);
    }
  };
}

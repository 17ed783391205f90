import { retryWhileBusy } from '../../../store/busy.js';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { isLang } from '../../../lang.js';
import { isCronDays, isTimeZone, TIME_OF_DAY } from '../../../quiz/schedule.js';
import { escapeMrkdwn, mentionChannel } from '../../blocks/mrkdwn.js';
import { dayNames } from '../../blocks/quiz.js';
import { isDirectMessage } from '../../conversations.js';
import { describeError, slackErrorReference } from '../../slack-error.js';
import { canConfigureQuiz, type ListenerDeps } from '../deps.js';

export type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

type Values = Record<string, Record<string, { selected_conversation?: string; selected_time?: string; value?: string; selected_option?: { value?: string } }>>;

/** Saves the quiz settings; invalid fields are shown next to the field, as Slack expects, in the lead's language. */
export function quizSetupSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const t = catalogue(await deps.languages.forAgent(body.user?.id));
    const values = (view.state?.values ?? {}) as Values;
    const channelId = values.channel?.value?.selected_conversation;
    const time = values.time?.value?.selected_time;
    const timeZone = values.time_zone?.value?.value?.trim() ?? '';
    const days = values.days?.value?.selected_option?.value ?? '';
    const closeTime = values.close_time?.value?.selected_time ?? null;
    // A form opened before the language field existed has none: the channel then follows the workspace's default.
    const chosen = values.language?.value?.selected_option?.value;
    const language = chosen === undefined ? undefined : isLang(chosen) ? chosen : null;
    const errors: Record<string, string> = {};
    if (!channelId) errors.channel = t.quizSetup.errors.channel;
    else if (isDirectMessage(channelId)) errors.channel = t.quizSetup.errors.directMessage;
    if (!time || !TIME_OF_DAY.test(time)) errors.time = t.quizSetup.errors.time;
    if (!isTimeZone(timeZone)) errors.time_zone = t.quizSetup.errors.timeZone;
    if (!isCronDays(days)) errors.days = t.quizSetup.errors.days;
    if (language === null) errors.language = t.quizSetup.errors.language;
    if (closeTime !== null && (!TIME_OF_DAY.test(closeTime) || (time !== undefined && closeTime <= time))) {
      errors.close_time = t.quizSetup.errors.closeTime;
    }
    if (!canConfigureQuiz(deps, body.user?.id)) errors.channel = t.quizSetup.errors.adminsOnly;
    if (Object.keys(errors).length > 0 || language === null) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    try {
      // Saved before the ack, so a database that cannot take it right now is said on the form itself.
      await retryWhileBusy(() =>
        deps.quizStore.saveSchedule(
          { channelId: channelId!, teamId: body.team?.id, postTime: time!, timeZone, days, closeTime, enabled: true, lang: language },
          body.user.id,
        ),
      );
    } catch (error) {
      deps.logger.error(`quiz setup: could not save the schedule of ${channelId}: ${(error as Error).message}`);
      await ack({ response_action: 'errors', errors: { channel: t.quizSetup.errors.notSaved } });
      return;
    }
    await ack();
    deps.quiz.scheduleChanged(channelId!);
    let note = t.quizSetup.saved(escapeMrkdwn(time!), escapeMrkdwn(timeZone), dayNames(days, t), mentionChannel(channelId!), t.languageNames[language ?? deps.quiz.defaultLanguage]);
    try {
      await client.conversations.join({ channel: channelId! });
    } catch (error) {
      deps.logger.info(`quiz setup: cannot join ${channelId} (${describeError(error)})`);
      const code = slackErrorReference(error);
      note += t.quizSetup.cannotJoin(code ? t.failures.code(code) : '');
    }
    try {
      await client.chat.postMessage({ channel: body.user.id, text: note });
    } catch (error) {
      deps.logger.warn(`quiz setup: could not confirm to ${body.user.id}: ${describeError(error)}`);
    }
  };
}

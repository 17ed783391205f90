import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { playbookText } from '../../../playbooks/localize.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { parseCorrectionChoice } from '../../blocks/guidance.js';
import { buildTeachOffer } from '../../blocks/teaching.js';
import type { ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';

export type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/**
 * "Not right?": stores who corrected what to what (never the text) and thanks the agent. Where the
 * workspace teaches and the message is still held, the thanks carry the tick that would keep it.
 */
export function correctType(deps: ListenerDeps) {
  return async ({ ack, action, body, respond: givenRespond }: SelectArgs): Promise<void> => {
    const respond = respondOrLog(givenRespond, deps.logger, 'correct_type');
    await ack();
    const choice = parseCorrectionChoice(action.selected_option?.value);
    const corrected = choice ? deps.playbooks.get(choice.corrected) : undefined;
    const userId = body.user?.id;
    const t = catalogue(await deps.languages.forAgent(userId));
    if (!choice || !corrected || !userId) {
      deps.logger.warn(`correct_type: unusable selection from user ${userId ?? 'unknown'}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.correction.outOfDate });
      return;
    }
    const stored = await deps.classification.correct({
      classificationId: choice.classificationId,
      teamId: body.team?.id,
      userId,
      predictedType: choice.predicted,
      correctedType: corrected.id,
      confidence: choice.confidence,
    });
    const name = escapeMrkdwn(playbookText(corrected, t.lang).name);
    const text = !stored ? t.correction.notSaved : corrected.id === choice.predicted ? t.correction.confirmed(name) : t.correction.noted(name, corrected.id);
    const teamId = body.team?.id ?? body.user?.team_id;
    if (stored && choice.teachKey && (await deps.teaching.canTeach(choice.teachKey, teamId, userId))) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...buildTeachOffer(text, choice.teachKey, corrected.id, t) });
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
}

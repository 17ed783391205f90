import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { parseCorrectionChoice } from '../../blocks/guidance.js';
import type { ListenerDeps } from '../deps.js';

export type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

/** "Not right?": stores who corrected what to what (never the text) and thanks the agent. */
export function correctType(deps: ListenerDeps) {
  return async ({ ack, action, body, respond }: SelectArgs): Promise<void> => {
    await ack();
    const choice = parseCorrectionChoice(action.selected_option?.value);
    const corrected = choice ? deps.playbooks.get(choice.corrected) : undefined;
    const userId = body.user?.id;
    if (!choice || !corrected || !userId) {
      deps.logger.warn(`correct_type: unusable selection from user ${userId ?? 'unknown'}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'That choice is out of date. Run the command again.' });
      return;
    }
    const stored = deps.classification.correct({
      classificationId: choice.classificationId,
      teamId: body.team?.id,
      userId,
      predictedType: choice.predicted,
      correctedType: corrected.id,
      confidence: choice.confidence,
    });
    const same = corrected.id === choice.predicted;
    const text = !stored
      ? 'Thanks. Your correction could not be saved just now; please try again later.'
      : same
        ? `Thanks for confirming *${escapeMrkdwn(corrected.name)}*.`
        : `Thanks, noted as *${escapeMrkdwn(corrected.name)}*. Corrections help your lead tune the playbooks. Its playbook: \`/customertype ${corrected.id}\``;
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
}

import type { AllMiddlewareArgs, BlockAction, CheckboxesAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { catalogue } from '../../../i18n/index.js';
import { playbookText } from '../../../playbooks/localize.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { parseTeachChoice } from '../../blocks/teaching.js';
import { section } from '../../blocks/text.js';
import type { ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';

export type CheckboxArgs = SlackActionMiddlewareArgs<BlockAction<CheckboxesAction>> & AllMiddlewareArgs;

/** The tick under "Not right?": keeps the held, redacted text as a team example of the chosen type. */
export function teachExample(deps: ListenerDeps) {
  return async ({ ack, action, body, respond: givenRespond }: CheckboxArgs): Promise<void> => {
    const respond = respondOrLog(givenRespond, deps.logger, 'teach_example');
    await ack();
    const userId = body.user?.id;
    const teamId = body.team?.id ?? body.user?.team_id;
    const ticked = action.selected_options?.[0];
    // Unticking before the answer replaced the box: nothing was kept, nothing to do.
    if (!ticked) return;
    const choice = parseTeachChoice(ticked.value);
    const playbook = choice ? deps.playbooks.get(choice.x) : undefined;
    const t = catalogue(await deps.languages.forAgent(userId));
    if (!choice || !playbook || !userId || !teamId) {
      deps.logger.warn(`teach_example: unusable tick from user ${userId ?? 'unknown'}`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.correction.outOfDate });
      return;
    }
    const outcome = await deps.teaching.teach({ key: choice.k, teamId, userId, typeId: playbook.id });
    const text =
      outcome === 'taught'
        ? t.teach.taught(escapeMrkdwn(playbookText(playbook, t.lang).name))
        : outcome === 'expired'
          ? t.teach.expired
          : outcome === 'off'
            ? t.teach.off
            : t.teach.notSaved;
    // Taught: the box is replaced, so the same message is not taught twice. Otherwise it stays for another try.
    await respond({ response_type: 'ephemeral', replace_original: outcome === 'taught', text, blocks: [section(text)] });
  };
}

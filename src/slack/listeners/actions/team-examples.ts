import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { catalogue, type Catalogue } from '../../../i18n/index.js';
import { buildTeamExamplesMessage } from '../../blocks/teaching.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { isLead, type ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(escapeMrkdwn(text))] });

/** `/customertype examples` for a lead; a polite refusal for anyone else. */
export function teamExamplesAnswer(deps: ListenerDeps, teamId: string | undefined, userId: string, t: Catalogue, notice?: string): RenderedMessage {
  if (!isLead(deps, userId)) return plain(t.examples.notLead);
  if (!teamId) return plain(t.examples.notSaved);
  return buildTeamExamplesMessage(deps.teaching.list(teamId), deps.teaching.enabled(teamId), deps.playbooks, t, notice);
}

type Change = (deps: ListenerDeps, teamId: string, value: string | undefined, t: Catalogue) => Promise<string>;

/** A lead's button on the list: does the change, then shows the list again in place with what happened. */
function leadButton(name: string, change: Change) {
  return (deps: ListenerDeps) =>
    async ({ ack, action, body, respond: givenRespond }: ButtonArgs): Promise<void> => {
      const respond = respondOrLog(givenRespond, deps.logger, name);
      await ack();
      const userId = body.user?.id;
      const teamId = body.team?.id ?? body.user?.team_id;
      const t = catalogue(await deps.languages.forAgent(userId));
      if (!userId || !isLead(deps, userId)) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...plain(t.examples.notLead) });
        return;
      }
      if (!teamId) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...plain(t.examples.notSaved) });
        return;
      }
      const notice = await change(deps, teamId, action.value, t);
      await respond({ response_type: 'ephemeral', replace_original: true, ...teamExamplesAnswer(deps, teamId, userId, t, notice) });
    };
}

export const removeTeamExample = leadButton('team_example_remove', async (deps, teamId, value, t) => {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) return t.examples.notFound;
  const outcome = await deps.teaching.remove(teamId, id);
  return outcome === 'removed' ? t.examples.removed : outcome === 'missing' ? t.examples.notFound : t.examples.notSaved;
});

export const switchTeachingOff = leadButton('teaching_off', async (deps, teamId, _value, t) =>
  (await deps.teaching.setEnabled(teamId, false)) ? t.examples.switchedOff : t.examples.notSaved,
);

export const switchTeachingOn = leadButton('teaching_on', async (deps, teamId, _value, t) =>
  (await deps.teaching.setEnabled(teamId, true)) ? t.examples.switchedOn : t.examples.notSaved,
);

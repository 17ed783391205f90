import { catalogue, type Catalogue } from '../../../i18n/index.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { isLead, type ListenerDeps } from '../deps.js';
import { respondOrLog, type Respond } from '../respond.js';
import type { ButtonArgs } from './share-guidance.js';

/** One plain sentence as a message. */
export const plainMessage = (text: string): RenderedMessage => ({ text, blocks: [section(escapeMrkdwn(text))] });

export interface LeadClick {
  teamId: string | undefined;
  userId: string;
  value: string | undefined;
  t: Catalogue;
  respond: Respond;
}

/**
 * A button only leads may use. It acks, then checks the clicker again (a message with the button
 * can be shared with anyone) and refuses others politely with `refusal`; `handle` runs for a lead.
 */
export function leadButton(name: string, refusal: (t: Catalogue) => string, handle: (deps: ListenerDeps, click: LeadClick) => Promise<void>) {
  return (deps: ListenerDeps) =>
    async ({ ack, action, body, respond: givenRespond }: ButtonArgs): Promise<void> => {
      const respond = respondOrLog(givenRespond, deps.logger, name);
      await ack();
      const userId = body.user?.id;
      const t = catalogue(await deps.languages.forAgent(userId));
      if (!userId || !isLead(deps, userId)) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...plainMessage(refusal(t)) });
        return;
      }
      await handle(deps, { teamId: body.team?.id ?? body.user?.team_id, userId, value: action.value, t, respond });
    };
}

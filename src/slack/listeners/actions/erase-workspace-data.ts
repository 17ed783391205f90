import { catalogue, type Catalogue } from '../../../i18n/index.js';
import { buildEraseOffer } from '../../blocks/erase.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { isLead, type ListenerDeps } from '../deps.js';
import { respondOrLog } from '../respond.js';
import type { ButtonArgs } from './team-examples.js';

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(escapeMrkdwn(text))] });

/** `/customertype delete-data`: for a lead, what would be deleted and the button; for anyone else, a refusal. */
export function eraseOffer(deps: ListenerDeps, teamId: string | undefined, userId: string, t: Catalogue): RenderedMessage {
  if (!isLead(deps, userId)) return plain(t.erase.notLead);
  if (!teamId) return plain(t.erase.notSaved);
  return buildEraseOffer(t);
}

/** The confirmed button: checks the lead again (a button can be forwarded), deletes, and says so in place of the offer. */
export function eraseWorkspaceData(deps: ListenerDeps) {
  return async ({ ack, body, respond: givenRespond }: ButtonArgs): Promise<void> => {
    const respond = respondOrLog(givenRespond, deps.logger, 'workspace_data_erase');
    await ack();
    const userId = body.user?.id;
    const teamId = body.team?.id ?? body.user?.team_id;
    const t = catalogue(await deps.languages.forAgent(userId));
    if (!userId || !isLead(deps, userId)) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...plain(t.erase.notLead) });
      return;
    }
    const erased = teamId !== undefined && (await deps.erasure.eraseNow(teamId, userId));
    await respond({ response_type: 'ephemeral', replace_original: erased, ...plain(erased ? t.erase.done : t.erase.notSaved) });
  };
}

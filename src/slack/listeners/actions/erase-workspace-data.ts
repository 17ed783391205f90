import type { Catalogue } from '../../../i18n/index.js';
import { buildEraseOffer } from '../../blocks/erase.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { isLead, type ListenerDeps } from '../deps.js';
import { leadButton, plainMessage } from './lead-button.js';

/** `/customertype delete-data`: for a lead, what would be deleted and the button; for anyone else, a refusal. */
export function eraseOffer(deps: ListenerDeps, teamId: string | undefined, userId: string, t: Catalogue): RenderedMessage {
  if (!isLead(deps, userId)) return plainMessage(t.erase.notLead);
  if (!teamId) return plainMessage(t.erase.notSaved);
  return buildEraseOffer(t);
}

/** The confirmed button: deletes, and says so in place of the offer. */
export const eraseWorkspaceData = leadButton('workspace_data_erase', (t) => t.erase.notLead, async (deps, { teamId, userId, t, respond }) => {
  const erased = teamId !== undefined && (await deps.erasure.eraseNow(teamId, userId));
  await respond({ response_type: 'ephemeral', replace_original: erased, ...plainMessage(erased ? t.erase.done : t.erase.notSaved) });
});

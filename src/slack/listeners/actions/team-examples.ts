import type { Catalogue } from '../../../i18n/index.js';
import { buildTeamExamplesMessage } from '../../blocks/teaching.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { isLead, type ListenerDeps } from '../deps.js';
import { leadButton, plainMessage } from './lead-button.js';

/** `/customertype examples` for a lead; a polite refusal for anyone else. */
export async function teamExamplesAnswer(deps: ListenerDeps, teamId: string | undefined, userId: string, t: Catalogue, notice?: string): Promise<RenderedMessage> {
  if (!isLead(deps, userId)) return plainMessage(t.examples.notLead);
  if (!teamId) return plainMessage(t.examples.notSaved);
  return buildTeamExamplesMessage(await deps.teaching.list(teamId), await deps.teaching.enabled(teamId), deps.playbooks, t, notice);
}

type Change = (deps: ListenerDeps, teamId: string, value: string | undefined, t: Catalogue) => Promise<string>;

/** A lead's button on the list: does the change, then shows the list again in place with what happened. */
function listButton(name: string, change: Change) {
  return leadButton(name, (t) => t.examples.notLead, async (deps, { teamId, userId, value, t, respond }) => {
    if (!teamId) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...plainMessage(t.examples.notSaved) });
      return;
    }
    const notice = await change(deps, teamId, value, t);
    await respond({ response_type: 'ephemeral', replace_original: true, ...(await teamExamplesAnswer(deps, teamId, userId, t, notice)) });
  });
}

export const removeTeamExample = listButton('team_example_remove', async (deps, teamId, value, t) => {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) return t.examples.notFound;
  const outcome = await deps.teaching.remove(teamId, id);
  return outcome === 'removed' ? t.examples.removed : outcome === 'missing' ? t.examples.notFound : t.examples.notSaved;
});

export const switchTeachingOff = listButton('teaching_off', async (deps, teamId, _value, t) =>
  (await deps.teaching.setEnabled(teamId, false)) ? t.examples.switchedOff : t.examples.notSaved,
);

export const switchTeachingOn = listButton('teaching_on', async (deps, teamId, _value, t) =>
  (await deps.teaching.setEnabled(teamId, true)) ? t.examples.switchedOn : t.examples.notSaved,
);

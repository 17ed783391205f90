import type { Catalogue } from '../../../i18n/index.js';
import type { DigestAction } from '../../../service/command-text.js';
import type { DigestTarget } from '../../../store/digest-store.js';
import { escapeMrkdwn, mentionChannel } from '../../blocks/mrkdwn.js';
import { section } from '../../blocks/text.js';
import type { RenderedMessage } from '../../blocks/types.js';
import { isDirectMessage } from '../../conversations.js';
import { isLead, type ListenerDeps } from '../deps.js';
import type { CommandArgs } from './customertype.js';

const plain = (text: string): RenderedMessage => ({ text, blocks: [section(text)] });

/** `/customertype digest [#channel | here | dm | off]` (周报 …): leads only. */
export async function digestCommand(action: DigestAction, command: CommandArgs['command'], deps: ListenerDeps, t: Catalogue): Promise<RenderedMessage> {
  if (!isLead(deps, command.user_id)) return plain(t.digest.leadsOnly);
  const teamId = command.team_id;
  if (action.kind === 'help') return plain(t.digest.help);
  if (action.kind === 'show') return plain(describeTarget(await deps.digest.current(teamId), t));
  const target = chosenTarget(action, command);
  if (!target) {
    const named = action.kind === 'channel-name' ? `#${action.name}` : command.channel_name ? `#${command.channel_name}` : '#';
    return plain(t.digest.unknownChannel(escapeMrkdwn(named)));
  }
  try {
    await deps.digest.change(teamId, target, command.user_id);
  } catch (error) {
    deps.logger.error(`digest: could not store ${teamId}'s setting: ${(error as Error).message}`);
    return plain(t.failures.generic);
  }
  return plain(target.kind === 'channel' ? t.digest.nowChannel(mentionChannel(target.channelId)) : target.kind === 'dm' ? t.digest.nowDm : t.digest.nowOff);
}

/** The channel the lead meant: one picked from Slack's list, or the one they typed the command in. */
function chosenTarget(action: Exclude<DigestAction, { kind: 'show' | 'help' }>, command: CommandArgs['command']): DigestTarget | undefined {
  const here = isDirectMessage(command.channel_id, command.channel_name) ? undefined : command.channel_id;
  switch (action.kind) {
    case 'dm':
      return { kind: 'dm' };
    case 'off':
      return { kind: 'off' };
    case 'channel':
      return { kind: 'channel', channelId: action.channelId };
    case 'here':
      return here ? { kind: 'channel', channelId: here } : undefined;
    case 'channel-name':
      // Slack sends a typed #name as plain text: only the current channel's name can be matched to an id.
      return here && action.name.toLowerCase() === command.channel_name?.toLowerCase() ? { kind: 'channel', channelId: here } : undefined;
  }
}

function describeTarget(target: DigestTarget, t: Catalogue): string {
  if (target.kind === 'channel') return t.digest.isChannel(mentionChannel(target.channelId));
  return target.kind === 'dm' ? t.digest.isDm : t.digest.isOff;
}

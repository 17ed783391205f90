/**
 * A direct or group message with the bot, not a team channel. A slash command names its
 * conversation too (`directmessage`, `mpdm-…`); a conversation picked in a form has only its id.
 */
export function isDirectMessage(channelId: string | undefined, channelName?: string): boolean {
  return !channelId || channelId.startsWith('D') || channelName === 'directmessage' || (channelName ?? '').startsWith('mpdm-');
}

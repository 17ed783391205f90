import { newTriggerId } from './slack-request.js';
/** Real-shaped Slack payloads, trimmed to the fields Slack always sends. */

export function blockActionPayload(options: {
  actionId: string;
  value?: string;
  selectedValue?: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  teamId?: string;
}): Record<string, unknown> {
  const teamId = options.teamId ?? 'T0FAKE';
  const action =
    options.selectedValue !== undefined
      ? {
          type: 'static_select',
          action_id: options.actionId,
          block_id: 'guidance_actions',
          selected_option: { text: { type: 'plain_text', text: 'x' }, value: options.selectedValue },
          action_ts: '1700000000.1',
        }
      : { type: 'button', action_id: options.actionId, block_id: 'guidance_actions', value: options.value, action_ts: '1700000000.1' };
  return {
    type: 'block_actions',
    team: { id: teamId, domain: 'fake' },
    user: { id: options.userId ?? 'U0AGENT', username: 'agent', team_id: teamId },
    api_app_id: 'A0CUSTOMERTYPE',
    token: 'deprecated',
    container: { type: 'message', message_ts: '1700000000.000200', channel_id: options.channelId ?? 'C0SUPPORT', is_ephemeral: true },
    trigger_id: newTriggerId(),
    channel: { id: options.channelId ?? 'C0SUPPORT', name: 'support' },
    response_url: options.responseUrl,
    actions: [action],
  };
}

/** A ticket someone forwarded into #support with a comment of their own: the customer's words are in the attachment. */
export function forwardedTicketMessage(customerText: string, comment = 'FYI, can someone take this one? <!here>'): Record<string, unknown> {
  return {
    type: 'message',
    user: 'U0FORWARDER',
    ts: '1700000100.000300',
    text: comment,
    attachments: [
      {
        is_share: true,
        is_msg_unfurl: true,
        author_id: 'U0HELPDESK',
        author_name: 'Helpdesk',
        channel_id: 'C0TICKETS',
        channel_name: 'tickets',
        fallback: '[November 21st, 2026 9:14 AM] Helpdesk: New ticket',
        text: customerText,
        ts: '1700000000.000100',
        footer: 'Posted in #tickets',
        message_blocks: [
          {
            team: 'T0FAKE',
            channel: 'C0TICKETS',
            ts: '1700000000.000100',
            message: {
              blocks: [
                {
                  type: 'rich_text',
                  block_id: 'b1',
                  elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: customerText }] }],
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

export function messageShortcutPayload(message: Record<string, unknown>, options: { responseUrl: string; channelId?: string }): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'deprecated',
    action_ts: '1700000200.1',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: 'U0AGENT', name: 'agent', team_id: 'T0FAKE' },
    channel: { id: options.channelId ?? 'C0SUPPORT', name: 'support' },
    is_enterprise_install: false,
    callback_id: 'classify_message',
    trigger_id: newTriggerId(),
    response_url: options.responseUrl,
    message_ts: message.ts,
    message,
  };
}

export function directMessageEvent(text: string, user = 'U0AGENT'): Record<string, unknown> {
  return {
    token: 'deprecated',
    team_id: 'T0FAKE',
    api_app_id: 'A0CUSTOMERTYPE',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: 1700000300,
    event: { type: 'message', channel: 'D0AGENT', channel_type: 'im', user, text, ts: '1700000300.000100', team: 'T0FAKE' },
    authorizations: [{ team_id: 'T0FAKE', user_id: 'UBOT', is_bot: true }],
  };
}

import { describe, expect, it } from 'vitest';
import { unroutableReason } from '../../src/slack/routable.js';

const user = { id: 'U1' };

describe('unroutableReason', () => {
  it.each<[string, unknown]>([
    ['a slash command', { command: '/customertype', text: 'help' }],
    ['a message event', { type: 'event_callback', event: { type: 'message', user: 'U1', channel: 'D1' } }],
    ['a button click', { type: 'block_actions', user, team: { id: 'T1' }, channel: { id: 'C1' }, actions: [{ action_id: 'share_guidance' }] }],
    ['an org-wide install (team null)', { type: 'block_actions', user, team: null, actions: [{ action_id: 'x' }] }],
    ['a message shortcut', { type: 'message_action', user, callback_id: 'classify_message', channel: { id: 'C1' } }],
    ['a view submission', { type: 'view_submission', user, view: { id: 'V1', callback_id: 'quiz_setup' } }],
    ['a legacy attachment button', { type: 'interactive_message', user, actions: [{ name: 'x' }] }],
  ])('routes %s', (_name, body) => {
    expect(unroutableReason(body)).toBeUndefined();
  });

  it.each<[unknown, string]>([
    [null, 'a body that is not an object'],
    [{ type: 'event_callback', event: null }, 'an event that is not an object'],
    [{ event: { user: 'U1' } }, 'an event without a type'],
    [{ event: { type: 'message', channel: null } }, 'an event whose channel is neither an id nor an object'],
    [{ event: { type: 'reaction_added', item: 'x' } }, 'an event whose item is not an object'],
    [{ event: { type: 'message' }, authorizations: [null] }, 'an event whose authorizations are not objects'],
    [{ type: 'mystery' }, 'a body with no event, command or interaction type'],
    [{ type: 'view_submission', view: { id: 'V1' } }, 'a view_submission without a user id'],
    [{ type: 'view_closed', user, view: {} }, 'a view_closed without a view id'],
    [{ type: 'view_submission', user, view: { id: 'V1' }, response_urls: 'x' }, 'a view_submission whose response_urls are not objects'],
    [{ type: 'block_actions', user, team: 'T1', actions: [{ action_id: 'x' }] }, 'a block_actions whose team is not an object'],
    [{ type: 'block_actions', user, actions: [] }, 'a block_actions without actions'],
    [{ type: 'shortcut', user }, 'a shortcut without a callback_id'],
    [{ type: 'block_suggestion', user: { id: 5 } }, 'a block_suggestion without a user id'],
  ])('refuses %j: %s', (body, reason) => {
    expect(unroutableReason(body)).toBe(reason);
  });
});

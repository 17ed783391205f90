import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { mutatedPayloads } from '../helpers/mutations.js';
import { blockActionPayload, messageShortcutPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp();
});
afterAll(async () => {
  await booted.stop();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('malformed payloads', () => {
  const cases: Array<[string, string, string?]> = [
    ['interactivity with broken JSON', form({ payload: '{"type": "block_actions", "actions": [' })],
    ['interactivity with an empty payload', form({ payload: '' })],
    ['a JSON array as the payload', interactionBody([1, 2, 3])],
    ['block_actions without a user or channel', interactionBody({ type: 'block_actions', actions: [{ action_id: 'share_guidance', type: 'button', value: '{}' }], response_url: 'http://127.0.0.1:9/none' })],
    ['block_actions whose actions is not a list', interactionBody({ type: 'block_actions', actions: 'share_guidance', user: { id: 'U1' } })],
    ['an unknown action id', interactionBody(blockActionPayload({ actionId: 'launch_missiles', value: 'x', responseUrl: 'http://127.0.0.1:9/none' }))],
    ['an unknown shortcut', interactionBody({ type: 'shortcut', callback_id: 'not_ours', trigger_id: 't', user: { id: 'U1' }, team: { id: 'T1' } })],
    ['a message shortcut with no message', interactionBody({ ...messageShortcutPayload({}, { responseUrl: 'http://127.0.0.1:9/none' }), message: null })],
    ['a message shortcut with a numeric text', interactionBody(messageShortcutPayload({ ts: '1.1', text: 12345, attachments: 'no' } as any, { responseUrl: 'http://127.0.0.1:9/none' }))],
    ['a view submission nobody handles', interactionBody({ type: 'view_submission', view: { callback_id: 'mystery', state: { values: {} } }, user: { id: 'U1' } })],
    ['a command nobody handles', form({ command: '/other', text: 'x', user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: 'http://127.0.0.1:9/none' })],
    ['a command with no user or channel', form({ command: '/customertype', text: 'Where is my refund??', response_url: 'http://127.0.0.1:9/none' })],
    ['an event with no event', JSON.stringify({ type: 'event_callback', team_id: 'T1' }), 'application/json'],
    ['broken JSON event', '{"type": "event_callback", ', 'application/json'],
    ['an empty body', ''],
    ['a JSON null', 'null', 'application/json'],
    ['a JSON null after 1,000 spaces', `${' '.repeat(1000)}null `, 'application/json'],
    ['an interaction payload of null', form({ payload: 'null' })],
    ['an interaction payload of null, percent-encoded', '%70ayload=%6Eull%0D'],
    ['block_actions with no actions at all', interactionBody({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' } })],
    ['binary junk', String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 37) % 256))],
  ];

  it.each(cases)('%s gets a 200 or 400, never a 5xx', async (_name, body, contentType) => {
    const started = Date.now();
    const res = await booted.post(body, contentType ? { contentType } : {});
    expect([200, 400]).toContain(res.status);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('leaves the bot answering real requests afterwards', async () => {
    booted.slack.reset();
    const res = await booted.post(slashCommandBody({ text: 'Is there a coupon code for first orders?', response_url: booted.slack.responseUrl('after') }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).blocks[0].text.text).toMatch(/^The Bargain Hunter/);
    expect((await fetch(`${booted.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('mutated payloads', () => {
  it('60 broken variants of real payloads get no 5xx, and the bot keeps answering', async () => {
    const payloads = mutatedPayloads(60, 'http://127.0.0.1:9/none');
    for (const payload of payloads) {
      const res = await booted.post(payload.body, payload.contentType ? { contentType: payload.contentType } : {});
      expect(res.status).toBeLessThan(500);
    }
    const res = await booted.post(slashCommandBody({ text: 'I am so confused, which plan am I on???', response_url: booted.slack.responseUrl('x') }));
    expect(((await res.json()) as any).blocks[0].text.text).toMatch(/^The Confused Customer/);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CORRECT_ACTION, SHARE_ACTION } from '../../src/slack/blocks/guidance.js';
import { commandReply } from '../helpers/command.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { allText, LIVE_MARKUP } from '../helpers/block-text.js';
import { blockActionPayload, directMessageEvent, forwardedTicketMessage, messageShortcutPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp();
});
afterAll(async () => {
  await booted.stop();
});
beforeEach(() => booted.slack.reset());

const CUSTOMER = "I've been a customer for 9 years and this is the THIRD time my order vanished. Absolutely unacceptable!!!";

/** Runs the command and returns the action elements of its answer. */
async function answerButtons() {
  const reply = (await (await booted.post(slashCommandBody({ text: CUSTOMER, response_url: booted.slack.responseUrl('answer') }))).json()) as any;
  booted.slack.reset();
  const actions = reply.blocks.find((block: any) => block.type === 'actions');
  return { share: actions.elements[0], select: actions.elements[1] };
}

describe('Share in channel', () => {
  it('posts the guidance visibly in the channel, without the customer\'s words', async () => {
    const { share } = await answerButtons();
    const res = await booted.post(interactionBody(blockActionPayload({ actionId: SHARE_ACTION, value: share.value, responseUrl: booted.slack.responseUrl('share') })));
    expect(res.status).toBe(200);
    const [post] = await booted.slack.waitForCalls('chat.postMessage');
    expect(post!.body.channel).toBe('C0SUPPORT');
    const text = allText(post!.body.blocks).join('\n');
    expect(text).toContain('*How to handle*');
    expect(text).toContain('<@U0AGENT>');
    expect(text).not.toMatch(/vanished|THIRD|unacceptable/i);
  });

  it('posts through the response URL where the bot is not a member', async () => {
    const { share } = await answerButtons();
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error: 'not_in_channel' } } : undefined));
    await booted.post(interactionBody(blockActionPayload({ actionId: SHARE_ACTION, value: share.value, responseUrl: booted.slack.responseUrl('share') })));
    const [reply] = await booted.slack.waitForCalls('response_url');
    expect(reply!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
  });

  it('tells the agent when a button value has been tampered with', async () => {
    await booted.post(interactionBody(blockActionPayload({ actionId: SHARE_ACTION, value: '{"type":"angry","confidence":9}', responseUrl: booted.slack.responseUrl('bad') })));
    const [reply] = await booted.slack.waitForCalls('response_url');
    expect(reply!.body.text).toContain('out of date');
    expect(booted.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('Not right?', () => {
  it('stores who corrected what to what, with no text, and thanks the agent', async () => {
    const { select } = await answerButtons();
    const option = select.options.find((o: any) => o.text.text === 'The Loyalist');
    await booted.post(interactionBody(blockActionPayload({ actionId: CORRECT_ACTION, selectedValue: option.value, responseUrl: booted.slack.responseUrl('fix') })));
    const [reply] = await booted.slack.waitForCalls('response_url');
    expect(reply!.body.text).toMatch(/noted as \*The Loyalist\*|confirming \*The Loyalist\*/);
    const row = booted.db.prepare('SELECT * FROM corrections ORDER BY id DESC LIMIT 1').get() as any;
    expect(row).toMatchObject({ user_id: 'U0AGENT', corrected_type: 'loyalist', team_id: 'T0FAKE' });
    expect(row.classification_id).toBeGreaterThan(0);
    expect(Object.keys(row)).not.toContain('text');

    const report = await commandReply(booted, 'corrections', 'U0LEAD');
    const text = allText(report.body.blocks).join('\n');
    if (row.predicted_type === 'loyalist') expect(text).toContain('agents corrected 0 and confirmed 1');
    else {
      expect(text).toContain('agents corrected 1 and confirmed 0');
      expect(text).toContain('→ *The Loyalist*: 1');
    }
  });
});

describe('Classify customer type (message shortcut)', () => {
  const forwarded = () => forwardedTicketMessage(CUSTOMER);

  it('reads a forwarded ticket and answers privately in that message\'s thread, saying which part it used', async () => {
    const res = await booted.post(interactionBody(messageShortcutPayload(forwarded(), { responseUrl: booted.slack.responseUrl('sc') })));
    expect(res.status).toBe(200);
    const [call] = await booted.slack.waitForCalls('chat.postEphemeral');
    expect(call!.body).toMatchObject({ channel: 'C0SUPPORT', user: 'U0AGENT', thread_ts: '1700000100.000300' });
    const text = allText(call!.body.blocks).join('\n');
    expect(text).toContain('Classified the forwarded message, not the comment posted with it.');
    expect(call!.body.blocks[0].text.text).toMatch(/The (Angry Customer|Loyalist)/);
    for (const piece of allText(call!.body.blocks)) expect(piece).not.toMatch(LIVE_MARKUP);
    const row = booted.db.prepare("SELECT surface FROM classifications ORDER BY id DESC LIMIT 1").get();
    expect(row).toEqual({ surface: 'shortcut' });
  });

  it('opens a modal with the trigger when the bot cannot post in the channel', async () => {
    booted.slack.on((call) => (call.method === 'chat.postEphemeral' ? { body: { ok: false, error: 'channel_not_found' } } : undefined));
    const payload = messageShortcutPayload(forwarded(), { responseUrl: booted.slack.responseUrl('sc') });
    await booted.post(interactionBody(payload));
    const [open] = await booted.slack.waitForCalls('views.open');
    expect(open!.body.trigger_id).toBe(payload.trigger_id);
    expect(open!.body.view.type).toBe('modal');
    expect(open!.body.view.blocks.some((block: any) => block.type === 'actions')).toBe(false);
  });

  it('tells the agent when neither a reply nor a modal is possible', async () => {
    booted.slack.on((call) =>
      call.method === 'chat.postEphemeral' || call.method === 'views.open' ? { body: { ok: false, error: 'expired_trigger_id' } } : undefined,
    );
    await booted.post(interactionBody(messageShortcutPayload(forwarded(), { responseUrl: booted.slack.responseUrl('sc') })));
    const [reply] = await booted.slack.waitForCalls('response_url');
    expect(reply!.body.text).toContain("couldn't show the answer here (expired_trigger_id)");
  });

  it('says so when the message has no text at all', async () => {
    await booted.post(interactionBody(messageShortcutPayload({ type: 'message', ts: '1.2', text: '', files: [{ filetype: 'png' }] }, { responseUrl: booted.slack.responseUrl('sc') })));
    const [call] = await booted.slack.waitForCalls('chat.postEphemeral');
    expect(call!.body.text).toBe('No text to classify');
  });
});

describe('a direct message to the bot', () => {
  it('is classified and answered in the DM', async () => {
    const res = await booted.post(JSON.stringify(directMessageEvent('Do you have a student discount or any promo code?')), { contentType: 'application/json' });
    expect(res.status).toBe(200);
    const [post] = await booted.slack.waitForCalls('chat.postMessage');
    expect(post!.body.channel).toBe('D0AGENT');
    expect(post!.body.blocks[0].text.text).toMatch(/^The Bargain Hunter/);
  });

  it('ignores the bot\'s own and other bots\' messages', async () => {
    const event = directMessageEvent('hello');
    (event.event as any).bot_id = 'B1';
    await booted.post(JSON.stringify(event), { contentType: 'application/json' });
    await new Promise((r) => setTimeout(r, 200));
    expect(booted.slack.callsTo('chat.postMessage')).toEqual([]);
  });
});

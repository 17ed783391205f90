import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { commandReply } from '../helpers/command.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp | undefined;
afterEach(async () => {
  await booted?.stop();
  booted = undefined;
});

/** Slack's raw reply, or pieces of it: none of this may reach an agent. */
const RAW = /\{|\}|"ok"|tru\b|upstream|ECONNRESET|socket|status code|An API error/i;
const BROKEN_JSON = { headers: { 'content-type': 'application/json' }, body: '{"ok":tru' };

async function quizNow(app: BootedApp, id: string, user = 'U0AGENT') {
  await app.post(slashCommandBody({ text: 'quiz now', user_id: user, response_url: app.slack.responseUrl(id) }));
  return (await app.slack.responseTo(id, 15_000)).body.text as string;
}

describe('what an agent is told when Slack fails', () => {
  it('a broken reply to the quiz post: a plain sentence and what to do; the details in the log', async () => {
    booted = await bootApp();
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? BROKEN_JSON : undefined));
    const text = await quizNow(booted, 'broken');
    expect(text).toBe("Sorry, posting the quiz failed. Slack didn't answer as expected; try again in a minute.");
    expect(text).not.toMatch(RAW);
    expect(booted.logs.some((line) => line.includes('Posting the quiz in C0SUPPORT failed'))).toBe(true);
  });

  it('the same in Chinese for a Chinese-reading agent', async () => {
    booted = await bootApp();
    booted.slack.locales.set('U0ZHAO', 'zh-CN');
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? { status: 500, body: 'upstream error' } : undefined));
    const text = await quizNow(booted, 'down-zh', 'U0ZHAO');
    expect(text).toBe('抱歉，题目没发出去。Slack 那边没有正常响应，请过一分钟再试。');
  });

  it('a rate limit or a missing permission says what the agent can do about it, and names Slack\'s code', async () => {
    booted = await bootApp();
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? { body: { ok: false, error: 'missing_scope', needed: 'chat:write.public' } } : undefined));
    expect(await quizNow(booted, 'scope')).toBe(
      'Sorry, posting the quiz failed (missing_scope). The app is missing a Slack permission; ask whoever installed customertype to reinstall it.',
    );
    booted.slack.reset();
    booted.slack.on((call) => (call.method === 'views.open' ? { body: { ok: false, error: 'ratelimited' } } : undefined));
    const { body } = await commandReply(booted, 'quiz setup');
    expect(body.text).toBe("Sorry, I couldn't open the quiz settings (ratelimited). Slack is busy right now; try again in a minute.");
  });

  it('a broken reply to Share in channel', async () => {
    booted = await bootApp();
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? BROKEN_JSON : undefined));
    const value = JSON.stringify({ type: 'angry', confidence: 0.8, channelId: 'C0SUPPORT' });
    await booted.post(interactionBody(blockActionPayload({ actionId: 'share_guidance', value, responseUrl: booted.slack.responseUrl('share') })));
    const reply = await booted.slack.responseTo('share');
    expect(reply.body.text).toBe("Sorry, sharing failed. Slack didn't answer as expected; try again in a minute.");
    expect(booted.logs.some((line) => line.includes('share_guidance: chat.postMessage failed'))).toBe(true);
  });

  it('a channel the bot cannot join asks for an invite, without Slack\'s words', async () => {
    booted = await bootApp();
    booted.slack.on((call) =>
      call.method === 'chat.postMessage'
        ? { body: { ok: false, error: 'not_in_channel' } }
        : call.method === 'conversations.join'
          ? { body: { ok: false, error: 'method_not_supported_for_channel_type' } }
          : undefined,
    );
    expect(await quizNow(booted, 'private')).toBe("I'm not in <#C0SUPPORT> and can't join it by myself: type `/invite @customertype` in that channel.");
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { messageShortcutPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp | undefined;
afterEach(async () => {
  await booted?.stop();
  booted = undefined;
});

async function quizNow(app: BootedApp, id: string) {
  await app.post(slashCommandBody({ text: 'quiz now', response_url: app.slack.responseUrl(id) }));
  return (await app.slack.responseTo(id, 15_000)).body.text as string;
}

describe('when Slack fails', () => {
  it('waits as long as Retry-After says on a 429, then posts the quiz once', async () => {
    booted = await bootApp({ slackRetries: 2 });
    let attempts = 0;
    const started = Date.now();
    booted.slack.on((call) =>
      call.method === 'chat.postMessage' && (attempts += 1) === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } }
        : undefined,
    );
    expect(await quizNow(booted, 'a')).toBe('Posted a quiz in this channel.');
    const posts = booted.slack.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quizzes WHERE status = 'posted'").get()).toEqual({ n: 1 });
  });

  it('retries a 500, then posts once', async () => {
    booted = await bootApp({ slackRetries: 2 });
    let attempts = 0;
    booted.slack.on((call) => (call.method === 'chat.postMessage' && (attempts += 1) === 1 ? { status: 500, body: 'upstream error' } : undefined));
    expect(await quizNow(booted, 'b')).toBe('Posted a quiz in this channel.');
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quizzes WHERE status = 'posted'").get()).toEqual({ n: 1 });
  });

  it('tells the agent when it gives up, and leaves no half-posted quiz behind to block a retry', async () => {
    booted = await bootApp({ slackRetries: 1 });
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? { status: 500, body: 'down' } : undefined));
    expect(await quizNow(booted, 'c')).toMatch(/^Sorry, posting the quiz failed/);
    expect(booted.db.prepare('SELECT COUNT(*) AS n FROM quizzes').get()).toEqual({ n: 0 });
    booted.slack.reset();
    expect(await quizNow(booted, 'd')).toBe('Posted a quiz in this channel.');
  });

  it('opens the shortcut\'s modal at once when Slack fails the private reply, before the trigger expires', async () => {
    booted = await bootApp({ slackRetries: 3 });
    booted.slack.on((call) => (call.method === 'chat.postEphemeral' ? { status: 500, body: 'upstream error' } : undefined));
    const started = Date.now();
    const message = { type: 'message', ts: '1700000100.000200', user: 'U0CUST', text: 'Where is my refund? Third time asking!!' };
    await booted.post(interactionBody(messageShortcutPayload(message, { responseUrl: booted.slack.responseUrl('sc') })));
    await booted.slack.waitForCalls('views.open');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(booted.slack.callsTo('chat.postEphemeral')).toHaveLength(1);
  });
});

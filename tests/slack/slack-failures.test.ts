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

  it('takes a quiz Slack stored before answering 500 as posted, found by its metadata, and never posts it twice', async () => {
    booted = await bootApp({ slackRetries: 2 });
    let attempts = 0;
    booted.slack.on((call) => (call.method === 'chat.postMessage' && (attempts += 1) === 1 ? { status: 500, body: 'upstream error', landed: true } : undefined));
    expect(await quizNow(booted, 'landed')).toBe('Posted a quiz in this channel.');
    expect(booted.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(booted.slack.callsTo('conversations.history')).toHaveLength(1);
    const [stored] = booted.slack.history.get('C0SUPPORT')!;
    expect(stored!.metadata).toEqual({ event_type: 'customertype_post', event_payload: { key: expect.stringMatching(/^quiz:\d+$/) } });
    expect(booted.db.prepare("SELECT status, message_ts FROM quizzes").all()).toEqual([{ status: 'posted', message_ts: stored!.ts }]);
  });

  it('the same when the connection is cut after Slack stored the quiz', async () => {
    booted = await bootApp({ slackRetries: 2 });
    let attempts = 0;
    booted.slack.on((call) => (call.method === 'chat.postMessage' && (attempts += 1) === 1 ? { body: { ok: true, ts: '1800000000.000100' }, landed: true, reset: true } : undefined));
    expect(await quizNow(booted, 'reset')).toBe('Posted a quiz in this channel.');
    expect(booted.slack.history.get('C0SUPPORT')).toHaveLength(1);
    expect(booted.db.prepare("SELECT message_ts FROM quizzes WHERE status = 'posted'").all()).toEqual([{ message_ts: '1800000000.000100' }]);
  });

  it('keeps the claim when it cannot check whether a post landed, and checks again later instead of posting twice', async () => {
    let now = new Date();
    booted = await bootApp({ slackRetries: 1, clock: () => now });
    let historyFails = true;
    booted.slack.on((call) => {
      if (call.method === 'chat.postMessage') return { status: 502, body: 'bad gateway', landed: true };
      if (call.method === 'conversations.history' && historyFails) return { status: 503, body: 'unavailable' };
      return undefined;
    });
    expect(await quizNow(booted, 'uncertain')).toMatch(/^Sorry, posting the quiz failed/);
    expect(booted.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(booted.db.prepare('SELECT status FROM quizzes').all()).toEqual([{ status: 'claimed' }]);
    // Asked again at once, the claim stands: a post may be in progress.
    expect(await quizNow(booted, 'again')).toMatch(/already posted/);
    // Minutes later Slack answers again: the post is found where it landed.
    historyFails = false;
    now = new Date(now.getTime() + 5 * 60_000);
    expect(await quizNow(booted, 'later')).toBe('Posted a quiz in this channel.');
    expect(booted.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(booted.slack.history.get('C0SUPPORT')).toHaveLength(1);
    expect(booted.db.prepare('SELECT status FROM quizzes').all()).toEqual([{ status: 'posted' }]);
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

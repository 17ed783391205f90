import { describe, expect, it } from 'vitest';
import { bootApp } from '../helpers/boot.js';
import { slashCommandBody } from '../helpers/slack-request.js';

describe('stopping the app', () => {
  it('finishes the work in flight after an ack, then stops listening and closes the database', async () => {
    const booted = await bootApp();
    // `quiz now` acks at once, then posts to a slow Slack and answers through the response URL.
    booted.slack.on((call) => (call.method === 'chat.postMessage' ? { body: { ok: true, ts: '1.1' }, delayMs: 300 } : undefined));
    const res = await booted.post(slashCommandBody({ text: 'quiz now', response_url: booted.slack.responseUrl('slow') }));
    expect(res.status).toBe(200);
    await booted.running.stop();
    expect(booted.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(booted.slack.callsTo('response_url')).toHaveLength(1);
    expect(booted.db.open).toBe(false);
    await expect(fetch(`${booted.baseUrl}/healthz`)).rejects.toThrow();
    await booted.stop();
  });
});

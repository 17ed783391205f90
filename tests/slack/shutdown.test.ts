import { describe, expect, it } from 'vitest';
import { bootApp } from '../helpers/boot.js';
import { slashCommandBody } from '../helpers/slack-request.js';

describe('stopping the app', () => {
  it('finishes the reply in flight, then stops listening and closes the database', async () => {
    const booted = await bootApp();
    // A slow response URL keeps the listener busy after its ack.
    booted.slack.on((call) => (call.method === 'response_url' ? { body: 'ok', delayMs: 300 } : undefined));
    const res = await booted.post(slashCommandBody({ text: 'help', response_url: booted.slack.responseUrl('slow') }));
    expect(res.status).toBe(200);
    await booted.running.stop();
    expect(booted.slack.callsTo('response_url')).toHaveLength(1);
    expect(booted.db.open).toBe(false);
    await expect(fetch(`${booted.baseUrl}/healthz`)).rejects.toThrow();
    await booted.stop();
  });
});

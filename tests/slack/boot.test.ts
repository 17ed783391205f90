import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { slackSignature, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp();
});
afterAll(async () => {
  await booted.stop();
});

const helpBody = () => slashCommandBody({ text: 'help', response_url: booted.slack.responseUrl('help') });

describe('the app in HTTP mode', () => {
  it('listens on 127.0.0.1 and reports healthy while the database is open', async () => {
    const res = await fetch(`${booted.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('answers unknown paths with 404 and GET on the Slack endpoint with 405', async () => {
    expect((await fetch(`${booted.baseUrl}/nope`)).status).toBe(404);
    expect((await fetch(`${booted.baseUrl}/slack/events`)).status).toBe(405);
  });

  it('answers a signed /customertype help with private Block Kit help', async () => {
    booted.slack.reset();
    const res = await booted.post(helpBody());
    expect(res.status).toBe(200);
    // The help comes back in the acknowledgement itself, with no second request.
    const reply = (await res.json()) as any;
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.blocks[0]).toMatchObject({ type: 'header' });
    expect(JSON.stringify(reply.blocks)).toContain('/customertype list');
    expect(booted.slack.callsTo('response_url')).toEqual([]);
  });

  it('answers the Events API URL check', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const res = await booted.post(body, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('abc123');
  });
});

describe('request signatures', () => {
  const rejected = async (send: () => Promise<Response>) => {
    booted.slack.reset();
    const res = await send();
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(booted.slack.calls).toEqual([]);
  };

  it('rejects a bad signature with 401 and does nothing', async () => {
    const body = helpBody();
    await rejected(() => booted.post(body, { headers: { 'x-slack-signature': slackSignature(body, Math.floor(Date.now() / 1000), 'wrong-secret-123') } }));
  });

  it('rejects a body changed after signing', async () => {
    const body = helpBody();
    const headers = { 'x-slack-signature': slackSignature(body.replace('help', 'list'), Math.floor(Date.now() / 1000)) };
    await rejected(() => booted.post(body, { headers }));
  });

  it('rejects a correctly signed request more than 5 minutes old', async () => {
    await rejected(() => booted.post(helpBody(), { timestamp: Math.floor(Date.now() / 1000) - 301 }));
  });

  it('rejects a correctly signed request more than 5 minutes in the future', async () => {
    await rejected(() => booted.post(helpBody(), { timestamp: Math.floor(Date.now() / 1000) + 301 }));
  });

  it('rejects an unsigned request', async () => {
    await rejected(() => booted.post(helpBody(), { unsigned: true }));
  });

  it('accepts a request signed within the 5-minute window, early or late', async () => {
    booted.slack.reset();
    for (const skew of [240, -240]) {
      const res = await booted.post(helpBody(), { timestamp: Math.floor(Date.now() / 1000) + skew });
      expect(res.status).toBe(200);
      expect(((await res.json()) as any).blocks.length).toBeGreaterThan(0);
    }
  });
});

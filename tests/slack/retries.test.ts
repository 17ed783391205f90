import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { directMessageEvent } from '../helpers/payloads.js';
import { commandReply } from '../helpers/command.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { requestKey } from '../../src/slack/once-per-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp();
});
afterAll(async () => {
  await booted.stop();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const count = (sql: string) => (booted.db.prepare(sql).get() as { n: number }).n;

describe("Slack's retries and replayed requests", () => {
  it('answers a direct message once when Slack delivers the event again with x-slack-retry-num', async () => {
    booted.slack.reset();
    const rowsBefore = count("SELECT COUNT(*) AS n FROM classifications WHERE surface = 'message'");
    const body = JSON.stringify(directMessageEvent('Do you have a student discount or any promo code?'));
    const first = await booted.post(body, { contentType: 'application/json' });
    const second = await booted.post(body, { contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    const third = await booted.post(body, { contentType: 'application/json', headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    await booted.slack.waitForCalls('chat.postMessage');
    await settle();
    expect(booted.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(count("SELECT COUNT(*) AS n FROM classifications WHERE surface = 'message'")).toBe(rowsBefore + 1);
    expect(booted.logs.some((line) => line.includes('already handled'))).toBe(true);
  });

  it('answers two different events with the same text twice', async () => {
    booted.slack.reset();
    await booted.post(JSON.stringify(directMessageEvent('Where is my parcel?')), { contentType: 'application/json' });
    await booted.post(JSON.stringify(directMessageEvent('Where is my parcel?')), { contentType: 'application/json' });
    await booted.slack.waitForCalls('chat.postMessage', 2);
  });

  it('acts once on a signed slash command replayed within its five minutes', async () => {
    const rowsBefore = count("SELECT COUNT(*) AS n FROM classifications WHERE surface = 'command'");
    const body = slashCommandBody({ text: 'I want a refund NOW, this is a disgrace', response_url: booted.slack.responseUrl('replay') });
    const first = await booted.post(body);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('blocks');
    const replay = await booted.post(body);
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe('');
    expect(count("SELECT COUNT(*) AS n FROM classifications WHERE surface = 'command'")).toBe(rowsBefore + 1);
  });

  it('counts a replayed quiz click once and does not answer it again', async () => {
    const reply = await commandReply(booted, 'quiz now');
    expect(reply.body.text).toBe('Posted a quiz in this channel.');
    const [post] = (await booted.slack.waitForCalls('chat.postMessage')).slice(-1);
    const button = post!.body.blocks.find((block: any) => block.type === 'actions').elements[0];
    const body = interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: booted.slack.responseUrl('click-replay'), userId: 'U0REPLAY' }));
    await booted.post(body);
    await booted.slack.responseTo('click-replay');
    const repliesBefore = booted.slack.calls.filter((call) => call.responseId === 'click-replay').length;
    const replay = await booted.post(body);
    expect(replay.status).toBe(200);
    await settle();
    expect(booted.slack.calls.filter((call) => call.responseId === 'click-replay')).toHaveLength(repliesBefore);
    expect(count("SELECT COUNT(*) AS n FROM quiz_answers WHERE user_id = 'U0REPLAY'")).toBe(1);
  });

  it('handles an event once across two instances on one database, and after a restart', async () => {
    booted.slack.reset();
    const other = await bootApp({ databasePath: booted.dbPath, slack: booted.slack });
    try {
      const body = JSON.stringify(directMessageEvent('Is this the right place to ask about my bill?'));
      await booted.post(body, { contentType: 'application/json' });
      await other.post(body, { contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' } });
      await booted.slack.waitForCalls('chat.postMessage');
      await settle();
      expect(booted.slack.callsTo('chat.postMessage')).toHaveLength(1);
      expect(booted.db.prepare('SELECT COUNT(*) AS n FROM handled_requests WHERE request_key = ?').get(requestKey(JSON.parse(body)))).toEqual({ n: 1 });
    } finally {
      await other.stop();
    }
  });
});

describe('requestKey', () => {
  it('names an event by its team and event_id, an interaction or command by its trigger_id, and nothing else', () => {
    expect(requestKey({ team_id: 'T1', event_id: 'Ev1', event: {} })).toBe('event:T1:Ev1');
    expect(requestKey({ type: 'block_actions', trigger_id: '1.2.3' })).toBe('trigger:1.2.3');
    expect(requestKey({ type: 'view_closed' })).toBeUndefined();
    expect(requestKey(null)).toBeUndefined();
    expect(requestKey({ event_id: 42 })).toBeUndefined();
  });
});

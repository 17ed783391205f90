import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../src/store/sqlite.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot } from './helpers/bot-process.js';
import { FakeSlack } from './helpers/fake-slack.js';
import { blockActionPayload } from './helpers/payloads.js';
import { interactionBody, signedHeaders, TEST_SIGNING_SECRET } from './helpers/slack-request.js';

let dir: string;
let slack: FakeSlack;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-crash-'));
  slack = await new FakeSlack().start();
});
afterEach(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 during an answer storm', () => {
  it('keeps every acknowledged answer, leaves an intact database and does not post the day\'s quiz twice', async () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-crash',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DATABASE_PATH: join(dir, 'bot.db'),
      QUIZ_CHANNEL: 'C0QUIZ123',
      QUIZ_TIME: '00:00',
      QUIZ_TZ: 'UTC',
      QUIZ_DAYS: '*',
      LOG_LEVEL: 'info',
    };
    const first = startBot(env, dir);
    const port = await first.port();
    // The scheduler posts today's quiz at start (its slot, midnight, has passed).
    const [post] = await slack.waitForCalls('chat.postMessage', 1, 15_000);
    const buttons = post!.body.blocks.find((block: any) => block.type === 'actions').elements;

    const acknowledged: string[] = [];
    const clicks = Array.from({ length: 120 }, (_, i) => {
      const user = `U${String(i).padStart(4, '0')}`;
      const body = interactionBody(blockActionPayload({ actionId: buttons[i % 4].action_id, value: buttons[i % 4].value, responseUrl: slack.responseUrl(user), userId: user }));
      return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: signedHeaders(body) })
        .then((res) => {
          if (res.status === 200) acknowledged.push(user);
        })
        .catch(() => undefined);
    });
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 1));
    first.kill('SIGKILL');
    await Promise.all(clicks);
    expect((await first.exit).signal).toBe('SIGKILL');

    const second = startBot(env, dir);
    await second.port();
    await new Promise((r) => setTimeout(r, 500)); // a scheduler tick at start-up
    second.kill('SIGTERM');
    await second.exit;

    const db = openSqlite(env.DATABASE_PATH, { readonly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
      const stored = new Set((db.prepare('SELECT user_id FROM quiz_answers').all() as Array<{ user_id: string }>).map((row) => row.user_id));
      expect(acknowledged.length).toBeGreaterThanOrEqual(30);
      expect(acknowledged.filter((user) => !stored.has(user))).toEqual([]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM quizzes').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    expect(slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0QUIZ123')).toHaveLength(1);
  }, 60_000);
});

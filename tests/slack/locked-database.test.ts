import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { commandReply } from '../helpers/command.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { interactionBody } from '../helpers/slack-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp();
});
afterAll(async () => {
  await booted.stop();
});

const classifications = () => (booted.db.prepare('SELECT COUNT(*) AS n FROM classifications').get() as { n: number }).n;
const health = async () => {
  const res = await fetch(`${booted.baseUrl}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; reason?: string } };
};

/** What an operator's `sqlite3` shell or a backup script does: takes the write lock and keeps it. */
function lockDatabase(path: string) {
  const shell = new BetterSqlite3(path);
  shell.exec('BEGIN IMMEDIATE');
  return () => {
    shell.exec('ROLLBACK');
    shell.close();
  };
}

describe('while another process holds the database locked', () => {
  it('answers every agent within Slack\'s limits, says "not saved" for a quiz answer, and writes the classification once the lock is gone', async () => {
    await commandReply(booted, 'quiz now');
    const [post] = await booted.slack.waitForCalls('chat.postMessage');
    const button = post!.body.blocks.find((block: any) => block.type === 'actions').elements[0];
    const before = classifications();

    const unlock = lockDatabase(booted.dbPath);
    try {
      const help = await commandReply(booted, 'help');
      expect(help.ackMs).toBeLessThan(1000);
      expect(JSON.stringify(help.body)).toContain('/customertype');

      const answer = await commandReply(booted, "This is the third time I've asked for my refund and I am FURIOUS");
      expect(answer.ackMs).toBeLessThan(1000);
      expect(answer.body.blocks[0].text.text).toMatch(/^The Angry Customer/);
      expect(classifications()).toBe(before);

      const unhealthy = await health();
      expect(unhealthy.status).toBe(503);
      expect(unhealthy.body.reason).toMatch(/locked by another process/);

      const started = Date.now();
      const res = await booted.post(interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: booted.slack.responseUrl('locked-click'), userId: 'U0LOCKED' })));
      const clickAckMs = Date.now() - started;
      expect(res.status).toBe(200);
      expect(clickAckMs).toBeLessThan(2000);
      expect((await booted.slack.responseTo('locked-click')).body.text).toMatch(/couldn't be saved just now/);
    } finally {
      unlock();
    }

    // The row that waited is written with the lock gone; the answer that was refused is not there.
    await expect.poll(classifications, { timeout: 3000 }).toBe(before + 1);
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quiz_answers WHERE user_id = 'U0LOCKED'").get()).toEqual({ n: 0 });
    await expect.poll(async () => (await health()).status, { timeout: 3000 }).toBe(200);
    expect(booted.logs.some((line) => line.includes('waited for the database'))).toBe(true);
  });

  it('keeps serving other requests while a quiz answer waits for the lock', async () => {
    const unlock = lockDatabase(booted.dbPath);
    try {
      const [post] = booted.slack.callsTo('chat.postMessage');
      const button = post!.body.blocks.find((block: any) => block.type === 'actions').elements[1];
      const click = booted.post(interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: booted.slack.responseUrl('waiting-click'), userId: 'U0WAITER' })));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      const state = await health();
      expect(Date.now() - started).toBeLessThan(300);
      expect(state.status).toBe(503);
      await click;
    } finally {
      unlock();
    }
  });
});

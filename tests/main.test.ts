import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBot } from './helpers/bot-process.js';
import { FakeSlack } from './helpers/fake-slack.js';
import { signedHeaders, slashCommandBody, TEST_SIGNING_SECRET } from './helpers/slack-request.js';

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'customertype-main-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function run(env: Record<string, string>) {
  return startBot(env, cwd);
}

describe('starting customertype', () => {
  it('without tokens, names the missing variables, points at the README and exits 1 without a stack trace', async () => {
    const { code, stderr } = await run({}).exit;
    expect(code).toBe(1);
    expect(stderr).toContain('customertype: SLACK_BOT_TOKEN is missing');
    expect(stderr).toContain('customertype: SLACK_SIGNING_SECRET is missing');
    expect(stderr).toContain('README.md');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('reads .env from the working directory and reports a malformed value in it', async () => {
    writeFileSync(join(cwd, '.env'), `SLACK_BOT_TOKEN=xoxb-1\nSLACK_SIGNING_SECRET=${TEST_SIGNING_SECRET}\nPORT=http\n`);
    const { code, stderr } = await run({}).exit;
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'customertype: PORT is not valid: expected a port number from 0 to 65535',
      'customertype: See "Configuration" in README.md.',
    ]);
  });

  it('refuses a DATABASE_PATH that is not a SQLite file, in one line', async () => {
    writeFileSync(join(cwd, 'notes.txt'), 'not a database');
    const { code, stderr } = await run({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      DATABASE_PATH: join(cwd, 'notes.txt'),
    }).exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^customertype: .*notes\.txt is not a SQLite database; it was left untouched/m);
  });

  it('says it cannot reach PostgreSQL, in one line without the password, and exits 1', async () => {
    // A port nothing listens on: the server is down.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const { code, stderr } = await run({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      DATABASE_URL: `postgres://bot:hunter2secret@127.0.0.1:${port}/customertype`,
    }).exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^customertype: cannot connect to postgres://bot:\\*\\*\\*@127\\.0\\.0\\.1:${port}/customertype: .*Check DATABASE_URL and that the server is running\\.$`, 'm'));
    expect(stderr).not.toContain('hunter2secret');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('with tokens, serves signed Slack requests on PORT, rejects stale ones, and stops cleanly on SIGTERM', async () => {
    const slack = await new FakeSlack().start();
    const dbPath = join(cwd, 'data', 'bot.db');
    const bot = run({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DATABASE_PATH: dbPath,
    });
    try {
      const port = await bot.port();
      expect(bot.stderrSoFar()).toContain(`Slack requests on port ${port}`);
      const url = `http://127.0.0.1:${port}/slack/events`;
      const body = slashCommandBody({ text: 'help', response_url: slack.responseUrl('r1') });
      const answered = await fetch(url, { method: 'POST', body, headers: signedHeaders(body) });
      expect(answered.status).toBe(200);
      expect(((await answered.json()) as any).response_type).toBe('ephemeral');
      const stale = signedHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      expect((await fetch(url, { method: 'POST', body, headers: stale })).status).toBe(401);
      expect(existsSync(dbPath)).toBe(true);
      bot.kill('SIGTERM');
      const { code, stderr } = await bot.exit;
      expect(code).toBe(0);
      expect(stderr).toContain('SIGTERM received');
      // A cleanly closed WAL database checkpoints and removes its -wal file.
      expect(existsSync(`${dbPath}-wal`)).toBe(false);
    } finally {
      bot.kill('SIGKILL');
      await slack.stop();
    }
  });
});

describe('starting customertype with broken playbooks', () => {
  it('stops with the file, the field and what is wrong', async () => {
    const dir = join(cwd, 'playbooks');
    cpSync(resolve('playbooks'), dir, { recursive: true });
    writeFileSync(join(dir, 'skeptic.yaml'), 'id: skeptic\nname: The Skeptic\nsummary: x\n');
    const { code, stderr } = await run({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, PLAYBOOKS_DIR: dir }).exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(/customertype: playbooks\/skeptic\.yaml: signals: is missing/);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('starting customertype when Slack says no', () => {
  it('names a refused token in one line and exits 1', async () => {
    const slack = await new FakeSlack().start();
    slack.on((call) => (call.method === 'auth.test' ? { body: { ok: false, error: 'invalid_auth' } } : undefined));
    try {
      const { code, stderr } = await run({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' }).exit;
      expect(code).toBe(1);
      expect(stderr).toMatch(/^customertype: SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/m);
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      await slack.stop();
    }
  });

  it('says it cannot reach Slack, in one line, and exits 1', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const { code, stderr } = await run({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: apiUrl, PORT: '0' }).exit;
    expect(code).toBe(1);
    expect(stderr).toContain(`customertype: cannot reach Slack's Web API at ${apiUrl} (ECONNREFUSED)`);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

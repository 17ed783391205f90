import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './helpers/fake-slack.js';
import { TEST_SIGNING_SECRET } from './helpers/slack-request.js';

let slack: FakeSlack;
let dir: string;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
});
afterAll(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  // A process manager (systemd, docker stop) sends SIGTERM to npm, not to node: npm passes it to
  // the script's shell, so the script must exec node for the bot to hear it and stop cleanly.
  it('stops cleanly when npm is sent SIGTERM', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', DATABASE_PATH: join(dir, 'ct.db') };
    const npm = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    npm.stdout.on('data', (chunk) => (log += chunk));
    npm.stderr.on('data', (chunk) => (log += chunk));
    const closed = new Promise<number | null>((done) => npm.on('close', (code) => done(code)));
    const deadline = Date.now() + 90_000;
    while (!/on port \d+/.test(log) && Date.now() < deadline && npm.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    expect(log).toMatch(/on port \d+/);
    const sent = Date.now();
    npm.kill('SIGTERM');
    const code = await Promise.race([closed, new Promise<'still running'>((done) => setTimeout(() => done('still running'), 10_000))]);
    if (code === 'still running') npm.kill('SIGKILL');
    expect(code).not.toBe('still running');
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(log).toContain('SIGTERM received');
  }, 120_000);
});

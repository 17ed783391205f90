import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { directMessageFrom, installThroughOAuth, JSON_BODY, OAUTH_ENV } from '../helpers/oauth-install.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { slashCommandBody } from '../helpers/slack-request.js';
import { QuizStore } from '../../src/store/quiz-store.js';
import { manifestBotScopes } from '../../src/slack/oauth-install.js';

const booted: BootedApp[] = [];
const boot = async (options: Parameters<typeof bootApp>[0] = {}) => {
  const app = await bootApp({ ...options, env: { ...OAUTH_ENV, ...options.env } });
  booted.push(app);
  return app;
};
afterEach(async () => {
  while (booted.length > 0) await booted.pop()!.stop();
});

describe('installing through Slack OAuth', () => {
  it('serves an Add to Slack page asking for the manifest\'s bot scopes, with a state cookie', async () => {
    const app = await boot();
    const page = await fetch(`${app.baseUrl}/slack/install`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toMatch(/^slack-app-oauth-state=[^;]+; Secure; HttpOnly/);
    const html = await page.text();
    expect(html).toContain('Add to Slack');
    const url = new URL(/href="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'));
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe(OAUTH_ENV.SLACK_CLIENT_ID);
    expect(url.searchParams.get('scope')!.split(',')).toEqual(manifestBotScopes());
    expect((await fetch(`${app.baseUrl}/slack/install`, { method: 'POST' })).status).toBe(405);
  });

  it('installs two workspaces, answers each with its own token, and keeps no token in the clear', async () => {
    const app = await boot();
    const first = await installThroughOAuth(app, 'code-1', { teamId: 'T0ONE', teamName: 'Team <One>', botToken: 'xoxb-one-secret' });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('customertype is now installed in Team &lt;One&gt;.');
    expect((await installThroughOAuth(app, 'code-2', { teamId: 'T0TWO', botToken: 'xoxb-two-secret' })).status).toBe(200);

    for (const [team, token] of [['T0ONE', 'xoxb-one-secret'], ['T0TWO', 'xoxb-two-secret']] as const) {
      app.slack.reset();
      expect((await app.post(directMessageFrom(team, 'I want a refund now, this is the third time!'), JSON_BODY)).status).toBe(200);
      const [reply] = await app.slack.waitForCalls('chat.postMessage');
      expect(reply!.token).toBe(token);
    }
    const stored = JSON.stringify(app.db.prepare('SELECT * FROM installations').all());
    expect(stored).not.toMatch(/xox[bpe]-/);
    expect(app.logs.join('')).not.toMatch(/xoxb-(one|two)-secret/);
  });

  it('serves an org-wide install on Enterprise Grid with the org\'s token, in every workspace of the org', async () => {
    const app = await boot();
    const page = await installThroughOAuth(app, 'code-org', { teamId: 'T0GRIDA', enterpriseId: 'E0GRID', org: true, botToken: 'xoxb-grid-org' });
    expect(page.status).toBe(200);
    expect(app.db.prepare('SELECT install_key, team_id, enterprise_id, is_enterprise_install FROM installations').all()).toEqual([
      { install_key: 'enterprise:E0GRID', team_id: null, enterprise_id: 'E0GRID', is_enterprise_install: 1 },
    ]);
    for (const team of ['T0GRIDA', 'T0GRIDB']) {
      app.slack.reset();
      const event = { ...JSON.parse(directMessageFrom(team, 'I want a refund now, this is the third time!')), enterprise_id: 'E0GRID', is_enterprise_install: true };
      event.authorizations = [{ enterprise_id: 'E0GRID', team_id: null, user_id: 'UBOTT0GRIDA', is_bot: true, is_enterprise_install: true }];
      event.event_id = `Ev${team}`;
      expect((await app.post(JSON.stringify(event), JSON_BODY)).status).toBe(200);
      const [reply] = await app.slack.waitForCalls('chat.postMessage');
      expect(reply!.token).toBe('xoxb-grid-org');
    }
    // The scheduler knows only the workspace: the org it was seen in finds the token.
    expect(app.db.prepare('SELECT team_id, enterprise_id FROM installation_teams ORDER BY team_id').all()).toEqual([
      { team_id: 'T0GRIDA', enterprise_id: 'E0GRID' },
      { team_id: 'T0GRIDB', enterprise_id: 'E0GRID' },
    ]);
  });

  it('rotates the encryption key at start-up: installations are encrypted again, and still work', async () => {
    const slack = await new FakeSlack().start();
    const first = await boot({ slack });
    await installThroughOAuth(first, 'code-1', { teamId: 'T0ONE', botToken: 'xoxb-one' });
    const sealedBefore = first.db.prepare('SELECT installation FROM installations').get();
    const dbPath = first.dbPath;
    await first.running.stop();

    const newKey = Buffer.alloc(32, 6).toString('base64');
    const rotated = await boot({ slack, databasePath: dbPath, env: { TOKEN_ENCRYPTION_KEY: newKey, TOKEN_ENCRYPTION_KEY_PREVIOUS: OAUTH_ENV.TOKEN_ENCRYPTION_KEY } });
    expect(rotated.logs.join('')).toContain('Encrypted 1 installation(s) again with the current TOKEN_ENCRYPTION_KEY');
    expect(rotated.db.prepare('SELECT installation FROM installations').get()).not.toEqual(sealedBefore);
    const dbPathAgain = rotated.dbPath;
    await rotated.running.stop();

    // The old key is no longer needed.
    const after = await boot({ slack, databasePath: dbPathAgain, env: { TOKEN_ENCRYPTION_KEY: newKey } });
    slack.reset();
    await after.post(directMessageFrom('T0ONE', 'I want a refund now, this is the third time!'), JSON_BODY);
    const [reply] = await slack.waitForCalls('chat.postMessage');
    expect(reply!.token).toBe('xoxb-one');
    await slack.stop();
  });

  it('refuses requests from a workspace that never installed the app', async () => {
    const app = await boot();
    const res = await app.post(directMessageFrom('T0NEVER', 'I want a refund now, this is the third time!'), JSON_BODY);
    // Acknowledged (Slack would only send it again), and nothing is done for it.
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.slack.callsTo('chat.postMessage')).toHaveLength(0);
    const started = Date.now();
    const command = await app.post(slashCommandBody({ text: 'help', team_id: 'T0NEVER', response_url: app.slack.responseUrl('never') }));
    expect(command.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2000);
    // One line each, without a stack: an uninstalled workspace's late retries are routine.
    const lines = app.logs.filter((line) => line.includes('T0NEVER'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(/WARN.*Ignored a request no installation answers for: no installation for workspace T0NEVER\n?$/);
    expect(app.logs.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('says so in plain words when the install was cancelled, or the redirect is not from this browser, and stores nothing', async () => {
    const app = await boot();
    const cancelled = await fetch(`${app.baseUrl}/slack/oauth_redirect?error=access_denied&state=x`);
    expect(await cancelled.text()).toContain('You cancelled the install in Slack, so nothing was added to your workspace.');
    app.slack.addInstall('code-x', { teamId: 'T0X', botToken: 'xoxb-x' });
    for (const query of ['code=code-x&state=forged', 'code=code-x', 'state=abc', '']) {
      const res = await fetch(`${app.baseUrl}/slack/oauth_redirect?${query}`, { headers: { cookie: 'slack-app-oauth-state=other' } });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Slack did not confirm the install, or the install link had expired. Nothing was saved.');
    }
    expect(app.slack.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM installations').get()).toEqual({ n: 0 });
    // Each failure is one line that says why, never a stack.
    expect(app.logs.filter((line) => line.includes('did not finish')).length).toBe(5);
    expect(app.logs.join('\n')).not.toMatch(/InstallProvider\.handleCallback|\n\s+at /);
  });

  it('renews a rotating token before it expires, and uses the new one', async () => {
    const app = await boot();
    await installThroughOAuth(app, 'code-r', { teamId: 'T0ROT', botToken: 'xoxb-rot', refreshToken: 'xoxe-1-rot', expiresIn: 60 });
    app.slack.reset();
    await app.post(directMessageFrom('T0ROT', 'I want a refund now, this is the third time!'), JSON_BODY);
    const [reply] = await app.slack.waitForCalls('chat.postMessage');
    expect(app.slack.callsTo('oauth.v2.access')[0]!.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'xoxe-1-rot' });
    expect(reply!.token).toBe(app.slack.botTokenOf('T0ROT'));
    expect(reply!.token).not.toBe('xoxb-rot');
  });

  it('posts each workspace\'s quiz with its own token; a revoked one is logged and does not stop the other', async () => {
    const slack = await new FakeSlack().start();
    const first = await boot({ slack });
    await installThroughOAuth(first, 'code-a', { teamId: 'T0AAA', botToken: 'xoxb-aaa-revoked' });
    await installThroughOAuth(first, 'code-b', { teamId: 'T0BBB', botToken: 'xoxb-bbb-fine' });
    const quizStore = new QuizStore(first.database);
    for (const [channelId, teamId] of [['C0AAAQUIZ', 'T0AAA'], ['C0BBBQUIZ', 'T0BBB']] as const) {
      await quizStore.saveSchedule({ channelId, teamId, postTime: '00:00', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'U0LEAD');
    }
    const dbPath = first.dbPath;
    await first.running.stop();
    slack.reset();
    slack.on((call) => (call.token === 'xoxb-aaa-revoked' ? { body: { ok: false, error: 'token_revoked' } } : undefined));

    const second = await boot({ slack, databasePath: dbPath });
    await expect.poll(() => slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0BBBQUIZ'), { timeout: 8000 }).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage').find((call) => call.body.channel === 'C0BBBQUIZ')!.token).toBe('xoxb-bbb-fine');
    await expect.poll(() => second.logs.join('')).toMatch(/Posting the quiz in C0AAAQUIZ failed; it will be retried: .*token_revoked/);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'C0AAAQUIZ' && call.token !== 'xoxb-aaa-revoked')).toHaveLength(0);
    await slack.stop();
  });
});

describe('uninstalling', () => {
  const uninstalled = (teamId: string, type = 'app_uninstalled', extra: Record<string, unknown> = {}) =>
    JSON.stringify({ token: 'deprecated', team_id: teamId, api_app_id: 'A0CUSTOMERTYPE', type: 'event_callback', event_id: `Ev${teamId}${type}`, event_time: 1700000300, event: { type, event_ts: '1700000300.000100', ...extra } });

  it.each([
    ['app_uninstalled', {}],
    ['tokens_revoked', { tokens: { bot: ['UBOTT0ONE'] } }],
  ])('%s deletes that workspace\'s tokens at once, stops its quizzes and deletes its data after DATA_RETENTION_DAYS', async (type, extra) => {
    const slack = await new FakeSlack().start();
    // Real time (requests are signed with it), moved on by `offsetMs` for the restart.
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    const first = await boot({ slack, clock, env: { DATA_RETENTION_DAYS: '30' } });
    await installThroughOAuth(first, 'code-1', { teamId: 'T0ONE', botToken: 'xoxb-one' });
    await installThroughOAuth(first, 'code-2', { teamId: 'T0TWO', botToken: 'xoxb-two' });
    const quizStore = new QuizStore(first.database);
    for (const team of ['T0ONE', 'T0TWO']) await quizStore.saveSchedule({ channelId: `C0${team}`, teamId: team, postTime: '23:59', timeZone: 'UTC', days: '*', closeTime: null, enabled: true }, 'U0LEAD');

    expect((await first.post(uninstalled('T0ONE', type, extra), JSON_BODY)).status).toBe(200);
    await expect.poll(() => first.db.prepare('SELECT team_id FROM installations').all()).toEqual([{ team_id: 'T0TWO' }]);
    await expect.poll(() => first.db.prepare('SELECT team_id, enabled FROM quiz_schedules ORDER BY team_id').all()).toEqual([
      { team_id: 'T0ONE', enabled: 0 },
      { team_id: 'T0TWO', enabled: 1 },
    ]);
    const { delete_after: deleteAfter } = first.db.prepare('SELECT delete_after FROM workspace_deletions WHERE team_id = ?').get('T0ONE') as { delete_after: string };
    expect(Math.abs(Date.parse(deleteAfter) - Date.now() - 30 * 86_400_000)).toBeLessThan(60_000);

    // Gone for the bot: nothing is answered for it any more; the other workspace is.
    slack.reset();
    await first.post(directMessageFrom('T0ONE', 'I want a refund now, this is the third time!'), JSON_BODY);
    await first.post(directMessageFrom('T0TWO', 'I want a refund now, this is the third time!'), JSON_BODY);
    const [reply] = await slack.waitForCalls('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo('chat.postMessage').map((call) => call.token)).toEqual(['xoxb-two']);

    // After the retention period, the next start deletes what was kept.
    const dbPath = first.dbPath;
    await first.running.stop();
    offsetMs = 30 * 86_400_000 + 60_000;
    const later = await boot({ slack, databasePath: dbPath, clock });
    expect(later.db.prepare('SELECT team_id FROM quiz_schedules').all()).toEqual([{ team_id: 'T0TWO' }]);
    expect(later.db.prepare('SELECT COUNT(*) AS n FROM workspace_deletions').get()).toEqual({ n: 0 });
    expect(reply!.token).toBe('xoxb-two');
    await slack.stop();
  });

  it('keeps the data of a workspace that installs again within the retention period', async () => {
    const app = await boot();
    await installThroughOAuth(app, 'code-1', { teamId: 'T0ONE', botToken: 'xoxb-one' });
    await app.post(uninstalled('T0ONE'), JSON_BODY);
    await expect.poll(() => app.db.prepare('SELECT COUNT(*) AS n FROM workspace_deletions').get()).toEqual({ n: 1 });
    await installThroughOAuth(app, 'code-1b', { teamId: 'T0ONE', botToken: 'xoxb-one-again' });
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM workspace_deletions').get()).toEqual({ n: 0 });
  });

  it('ignores tokens_revoked for user tokens only', async () => {
    const app = await boot();
    await installThroughOAuth(app, 'code-1', { teamId: 'T0ONE', botToken: 'xoxb-one' });
    await app.post(uninstalled('T0ONE', 'tokens_revoked', { tokens: { oauth: ['U0SOMEONE'] } }), JSON_BODY);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.db.prepare('SELECT team_id FROM installations').all()).toEqual([{ team_id: 'T0ONE' }]);
  });
});

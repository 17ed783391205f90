import { afterEach, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { installThroughOAuth, OAUTH_ENV } from '../helpers/oauth-install.js';
import { slashCommandBody } from '../helpers/slack-request.js';

let app: BootedApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

let counter = 0;
/** `/customertype <text>` from an agent of `teamId`, and its private answer (the ack, or the response URL). */
async function command(booted: BootedApp, teamId: string, text: string, user: string): Promise<string> {
  const id = `two-${(counter += 1)}`;
  const res = await booted.post(slashCommandBody({ text, user_id: user, team_id: teamId, channel_id: `C0${teamId}`, response_url: booted.slack.responseUrl(id) }));
  expect(res.status).toBe(200);
  const raw = await res.text();
  return raw !== '' ? raw : JSON.stringify((await booted.slack.responseTo(id)).body);
}

const SURFACES = ['insights', 'leaderboard', 'stats'];
const MESSAGES = ['I want a refund now, this is the third time you broke my order!', 'Could you explain how the export works? I am new here.', 'Your product is a joke, cancel my account today.'];

describe('two workspaces installed through Slack OAuth', () => {
  it('show nothing of each other: one\'s classifications never reach the other\'s insights, leaderboard or stats', async () => {
    app = await bootApp({ env: OAUTH_ENV });
    await installThroughOAuth(app, 'code-1', { teamId: 'T0ONE', botToken: 'xoxb-one' });
    await installThroughOAuth(app, 'code-2', { teamId: 'T0TWO', botToken: 'xoxb-two' });

    const before = new Map<string, string>();
    for (const surface of SURFACES) {
      before.set(`T0ONE ${surface}`, await command(app, 'T0ONE', surface, 'U0ONE'));
      before.set(`T0TWO ${surface}`, await command(app, 'T0TWO', surface, 'U0TWO'));
    }
    for (const message of MESSAGES) expect(await command(app, 'T0ONE', message, 'U0ONE')).not.toBe('');

    // The workspace that worked sees it; the other sees exactly what it saw before.
    expect(await command(app, 'T0ONE', 'insights', 'U0ONE')).not.toBe(before.get('T0ONE insights'));
    for (const surface of SURFACES) expect(await command(app, 'T0TWO', surface, 'U0TWO'), surface).toBe(before.get(`T0TWO ${surface}`));
    expect(app.db.prepare('SELECT team_id, COUNT(*) AS n FROM classifications GROUP BY team_id').all()).toEqual([{ team_id: 'T0ONE', n: MESSAGES.length }]);
  });
});

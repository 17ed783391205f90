import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import { dueDigestWeek } from '../../src/insights/digest-week.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { allText } from '../helpers/block-text.js';
import { commandReply } from '../helpers/command.js';
import { FakeSlack } from '../helpers/fake-slack.js';

const LEADS = { LEADS: 'U0LEAD,U0LEAD2', QUIZ_TZ: 'UTC' };
const booted: BootedApp[] = [];
let slack: FakeSlack | undefined;
afterEach(async () => {
  for (const app of booted.splice(0).reverse()) await app.stop();
  await slack?.stop();
  slack = undefined;
});

async function boot(options: Parameters<typeof bootApp>[0] = {}) {
  const app = await bootApp({ env: LEADS, ...options });
  booted.push(app);
  return app;
}

async function say(app: BootedApp, text: string, user = 'U0LEAD') {
  const { body } = await commandReply(app, text, user);
  return allText(body.blocks).join('\n');
}

describe('/customertype digest', () => {
  it('lets a lead send it to this channel, a picked channel, by DM, or stop it, and shows the setting', async () => {
    const app = await boot();
    expect(await say(app, 'digest')).toContain('The weekly digest is off.');
    expect(await say(app, 'digest #support')).toContain('the weekly digest will go to <#C0SUPPORT>');
    expect(await say(app, 'digest')).toContain('The weekly digest goes to <#C0SUPPORT>');
    expect(await say(app, 'digest <#C0LEADS|leads>')).toContain('<#C0LEADS>');
    expect(app.db.prepare('SELECT team_id, target, channel_id, updated_by FROM weekly_digest_settings').all()).toEqual([
      { team_id: 'T0FAKE', target: 'channel', channel_id: 'C0LEADS', updated_by: 'U0LEAD' },
    ]);
    expect(await say(app, 'digest dm')).toContain('each lead will get the weekly digest by direct message');
    expect(await say(app, 'digest off')).toContain('The weekly digest is off. Nothing more will be sent.');
    expect(app.db.prepare('SELECT target FROM weekly_digest_settings').get()).toEqual({ target: 'off' });
  });

  it('refuses anyone who is not a lead, politely, and changes nothing', async () => {
    const app = await boot();
    expect(await say(app, 'digest dm', 'U0AGENT')).toBe('Only the support leads can set up the weekly digest. Ask one of them.');
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM weekly_digest_settings').get()).toEqual({ n: 0 });
  });

  it('says which channel it cannot tell, escaped, and answers in Chinese', async () => {
    const app = await boot();
    expect(await say(app, 'digest #<!channel>')).toContain('weekly digest for leads');
    const unknown = await say(app, 'digest #other-channel');
    expect(unknown).toContain("I can't tell which channel #other-channel is.");
    await say(app, 'language zh');
    expect(await say(app, '周报 私信')).toContain('每位组长都会私信收到周报');
    expect(await say(app, '周报')).toBe('每周最后一个测验日过后，周报会私信发给每位组长，里面有每个人的成绩。');
  });

  it('arrives once per week by DM to each lead, across a restart and a second instance on one database', async () => {
    slack = await new FakeSlack().start();
    // Signed requests must carry the real time; the digest's time comes from a clock moved on later.
    const first = await boot({ slack });
    await say(first, 'digest dm');

    // Eight days later the latest due week's Friday 17:00 (no quiz schedule: Friday 17:00 in QUIZ_TZ)
    // came after the digest was turned on. Two more instances start then on the same database (the
    // first keeps the file; its clock says nothing is due yet).
    const now = new Date(Date.now() + 8 * 86_400_000);
    const due = dueDigestWeek([], 'UTC', now)!;
    const clock = () => now;
    const second = await boot({ slack, clock, databasePath: first.dbPath });
    const third = await boot({ slack, clock, databasePath: first.dbPath });
    const posts = await slack.waitForCalls('chat.postMessage', 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(posts.map((call) => call.body.channel).sort()).toEqual(['DU0LEAD', 'DU0LEAD2']);
    expect(posts[0]!.body.text).toContain(`Weekly digest: the week of ${dayjs(due.weekStart).format('D MMM YYYY')}`);
    expect(posts[0]!.body.metadata).toMatchObject({ event_payload: { key: `digest:T0FAKE:${due.weekStart}:U0LEAD` } });
    expect(second.db.prepare('SELECT team_id, week_start, sent_at IS NOT NULL AS sent FROM weekly_digests').all()).toEqual([
      { team_id: 'T0FAKE', week_start: due.weekStart, sent: 1 },
    ]);
    await third.stop();
    await second.stop();
    const again = await boot({ slack, clock, databasePath: first.dbPath });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
    expect(again.logs.join('\n')).not.toContain('xoxb-test-token');
  });
});

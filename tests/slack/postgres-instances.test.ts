import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { CORRECT_ACTION } from '../../src/slack/blocks/guidance.js';
import { TEACH_ACTION } from '../../src/slack/blocks/teaching.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { blockActionPayload, directMessageEvent } from '../helpers/payloads.js';
import { freshPostgresUrl } from '../helpers/postgres.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

/**
 * Two instances of the bot behind a load balancer: one PostgreSQL, one Slack, and requests landing on
 * either. What must hold is what one process on SQLite promises: one quiz post, one answer per
 * agent, one reply per event, and teachings that reach the other instance's model.
 */
const QUIZ_CHANNEL = 'C0PGQUIZ';
const env = { QUIZ_CHANNEL, QUIZ_TIME: '00:00', QUIZ_TZ: 'UTC', QUIZ_DAYS: '*', LEADS: 'U0LEAD' };

let slack: FakeSlack;
let instances: BootedApp[];
let databaseUrl: string;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  databaseUrl = await freshPostgresUrl();
  // Started at the same moment: both migrate, both seed the schedule, both schedulers race for the day's quiz.
  instances = await Promise.all([0, 1].map(() => bootApp({ slack, databaseUrl, env, teamExampleCheckMs: 300 })));
}, 60_000);
afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await slack.stop();
});

const settle = (ms = 600) => new Promise((resolve) => setTimeout(resolve, ms));
let counter = 0;
const nextId = (name: string) => `${name}-${(counter += 1)}`;

describe('two instances on one PostgreSQL', () => {
  it('post the day\'s quiz once, and count one answer per agent however the clicks are spread', async () => {
    await slack.waitForCalls('chat.postMessage', 1, 15_000);
    await settle(1500);
    const posts = slack.callsTo('chat.postMessage').filter((call) => call.body.channel === QUIZ_CHANNEL);
    expect(posts).toHaveLength(1);
    const buttons = posts[0]!.body.blocks.find((block: any) => block.type === 'actions').elements as Array<{ action_id: string; value: string }>;

    // 60 agents click twice at once, the two clicks of each on different instances.
    const agents = Array.from({ length: 60 }, (_, i) => `U0PG${String(i).padStart(3, '0')}`);
    const clicks = agents.flatMap((user, i) =>
      [0, 1].map((second) => {
        const button = buttons[(i + second) % buttons.length]!;
        const id = nextId(`click-${user}`);
        return { id, instance: instances[(i + second) % 2]!, body: interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl(id), userId: user })) };
      }),
    );
    const statuses = await Promise.all(clicks.map(({ instance, body }) => instance.post(body).then((res) => res.status)));
    expect(statuses.every((status) => status === 200)).toBe(true);
    const replies = await Promise.all(clicks.map(({ id }) => slack.responseTo(id).then((call) => String(call.body.text))));

    const rows = await instances[0]!.database.all<{ user_id: string; n: number }>('SELECT user_id, COUNT(*) AS n FROM quiz_answers GROUP BY user_id ORDER BY user_id');
    expect(rows).toEqual(agents.map((user) => ({ user_id: user, n: 1 })));
    expect(replies.filter((text) => /^(✅|❌)/.test(text))).toHaveLength(agents.length);
    expect(replies.filter((text) => text.startsWith('You already answered'))).toHaveLength(agents.length);
  });

  it('refuse an answer within Slack\'s 3 seconds, "not saved", while another session holds the table locked', async () => {
    const [quiz] = slack.callsTo('chat.postMessage').filter((call) => call.body.channel === QUIZ_CHANNEL);
    const button = quiz!.body.blocks.find((block: any) => block.type === 'actions').elements[0];
    const operator = new pg.Client(databaseUrl);
    await operator.connect();
    try {
      await operator.query('BEGIN');
      await operator.query('LOCK TABLE quiz_answers IN EXCLUSIVE MODE');
      const id = nextId('locked');
      const started = Date.now();
      const res = await instances[1]!.post(interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl(id), userId: 'U0PGLOCKED' })));
      const acked = Date.now() - started;
      expect(res.status).toBe(200);
      expect(acked).toBeLessThan(3000);
      expect((await slack.responseTo(id)).body.text).toBe(en.feedback.notSaved);
    } finally {
      await operator.query('ROLLBACK');
      await operator.end();
    }
  });

  it('answer an event once when Slack retries it at the other instance', async () => {
    const body = JSON.stringify(directMessageEvent('Is this the right place to ask about my bill?', 'U0PGDM'));
    const before = slack.callsTo('chat.postMessage').length;
    await instances[0]!.post(body, { contentType: 'application/json' });
    await instances[1]!.post(body, { contentType: 'application/json', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await slack.waitForCalls('chat.postMessage', before + 1);
    await settle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(before + 1);
  });

  it('a message taught through one instance changes the other\'s answer, and the tick may reach either', async () => {
    const message = 'my raid team got wiped by the new boss patch and nobody from your studio even replied on discord';
    const classify = async (instance: BootedApp) => {
      const res = await instance.post(slashCommandBody({ text: message, user_id: 'U0PGAGENT', response_url: slack.responseUrl(nextId('answer')) }));
      const reply = (await res.json()) as any;
      const select = reply.blocks.find((block: any) => block.type === 'actions')?.elements.find((element: any) => element.action_id === CORRECT_ACTION);
      return { type: JSON.parse(select.options[0].value).t as string, select };
    };
    const first = await classify(instances[0]!);
    const taught = first.type === 'loyalist' ? 'chatty' : 'loyalist';

    // "Not right?" on one instance, the tick on the other.
    const option = first.select.options.find((o: any) => JSON.parse(o.value).x === taught);
    const fixId = nextId('fix');
    await instances[0]!.post(interactionBody(blockActionPayload({ actionId: CORRECT_ACTION, selectedValue: option.value, responseUrl: slack.responseUrl(fixId), userId: 'U0PGAGENT' })));
    const offer = (await slack.responseTo(fixId)).body;
    const box = offer.blocks.find((block: any) => block.type === 'actions').elements[0];
    expect(box.action_id).toBe(TEACH_ACTION);
    const tickId = nextId('tick');
    const tick = blockActionPayload({ actionId: TEACH_ACTION, responseUrl: slack.responseUrl(tickId), userId: 'U0PGAGENT' });
    tick.actions = [{ type: 'checkboxes', action_id: TEACH_ACTION, block_id: 'teach', selected_options: [box.options[0]], action_ts: '1700000000.2' }];
    await instances[1]!.post(interactionBody(tick));
    expect(String((await slack.responseTo(tickId)).body.text)).not.toMatch(/expired/i);
    expect(await instances[0]!.database.all('SELECT type_id FROM team_examples')).toEqual([{ type_id: taught }]);
    // Nothing of the text waits once it is taught.
    expect(await instances[0]!.database.all("SELECT teach_key FROM pending_teachings WHERE user_id = 'U0PGAGENT'")).toEqual([]);

    // Both instances learn it: the one that was ticked at once, the other when it next looks.
    for (const instance of instances) {
      const started = Date.now();
      while ((await classify(instance)).type !== taught) {
        if (Date.now() - started > 40_000) throw new Error('the taught answer never reached this instance');
        await settle(300);
      }
    }
  }, 90_000);
});

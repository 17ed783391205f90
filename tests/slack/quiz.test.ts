import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/random.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { allText } from '../helpers/block-text.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { commandReply } from '../helpers/command.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp({ random: mulberry32(42) });
});
afterAll(async () => {
  await booted.stop();
});

let counter = 0;
async function command(text: string, user = 'U0AGENT') {
  return (await commandReply(booted, text, user)).body;
}

async function click(user: string, buttonValue: string) {
  const id = `click-${(counter += 1)}`;
  const res = await booted.post(
    interactionBody(blockActionPayload({ actionId: `quiz_answer_${JSON.parse(buttonValue).c}`, value: buttonValue, responseUrl: booted.slack.responseUrl(id), userId: user })),
  );
  expect(res.status).toBe(200);
  return (await booted.slack.responseTo(id)).body.text as string;
}

describe('the daily quiz in Slack', () => {
  it('quiz now posts a question; two agents answer, a second click is refused, stats show it', async () => {
    const reply = await command('quiz now');
    expect(reply.text).toBe('Posted a quiz in this channel.');
    const [post] = await booted.slack.waitForCalls('chat.postMessage');
    expect(post!.body.channel).toBe('C0SUPPORT');
    expectWithinBlockKitLimits(post!.body.blocks);
    const buttons = post!.body.blocks.find((block: any) => block.type === 'actions').elements;
    expect(buttons).toHaveLength(4);
    expect(allText(post!.body.blocks).join('\n')).toContain('0 answered');

    const row = booted.db.prepare('SELECT question FROM quizzes').get() as { question: string };
    const answer = JSON.parse(row.question).answer as number;
    const right = buttons[answer].value;
    const wrong = buttons[(answer + 1) % 4].value;

    expect(await click('U0ALICE', right)).toMatch(/^✅ Right!/);
    expect(await click('U0BOB', wrong)).toMatch(/^❌ Not quite: the answer is \*/);
    expect(await click('U0BOB', right)).toMatch(/^You already answered \(your answer: \*[A-D]\./);
    expect(booted.db.prepare('SELECT user_id, correct FROM quiz_answers ORDER BY user_id').all()).toEqual([
      { user_id: 'U0ALICE', correct: 1 },
      { user_id: 'U0BOB', correct: 0 },
    ]);

    const update = await booted.slack.waitForCalls('chat.update', 1, 8000);
    expect(allText(update.at(-1)!.body.blocks).join('\n')).toMatch(/[12] answered/);
    expect(allText(update.at(-1)!.body.blocks).join('\n')).not.toMatch(/U0BOB/);

    const stats = await command('stats', 'U0ALICE');
    expect(allText(stats.blocks).join('\n')).toContain('*Quizzes answered:* 1   *Right:* 1 (100%)');
    const board = allText((await command('leaderboard')).blocks).join('\n');
    expect(board.indexOf('U0ALICE')).toBeLessThan(board.indexOf('U0BOB'));
  });

  it('refuses a second quiz the same day in the same channel', async () => {
    expect((await command('quiz now')).text).toContain("Today's quiz is already posted");
  });

  it('stores one answer when an agent clicks many times at once', async () => {
    const quiz = booted.db.prepare('SELECT id, question FROM quizzes').get() as { id: number; question: string };
    const value = (c: number) => JSON.stringify({ q: quiz.id, c });
    const posts = Array.from({ length: 8 }, (_, i) =>
      booted.post(interactionBody(blockActionPayload({ actionId: `quiz_answer_${i % 4}`, value: value(i % 4), responseUrl: booted.slack.responseUrl(`storm-${i}`), userId: 'U0CAROL' }))),
    );
    expect((await Promise.all(posts)).map((res) => res.status)).toEqual(Array(8).fill(200));
    await new Promise((r) => setTimeout(r, 300));
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quiz_answers WHERE user_id = 'U0CAROL'").get()).toEqual({ n: 1 });
  });

  it('quiz off turns it off; quiz setup opens the settings form', async () => {
    booted.db.prepare("INSERT INTO quiz_schedules (channel_id, post_time, time_zone, days, updated_at) VALUES ('C0SUPPORT', '09:30', 'UTC', '1-5', 'now')").run();
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quizzes WHERE channel_id = 'C0SUPPORT' AND status = 'posted'").get()).toEqual({ n: 1 });
    expect((await command('quiz off')).text).toContain('The daily quiz is off in this channel');
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quizzes WHERE channel_id = 'C0SUPPORT' AND status = 'posted'").get()).toEqual({ n: 0 });
    expect((await command('quiz off')).text).toContain('There is no daily quiz in this channel');
    booted.slack.reset();
    await booted.post(slashCommandBody({ text: 'quiz setup', response_url: booted.slack.responseUrl('setup') }));
    const [open] = await booted.slack.waitForCalls('views.open');
    expect(open!.body.view.callback_id).toBe('quiz_setup');
  });
});

describe('quiz in a direct message', () => {
  it.each([
    ['a DM', 'D0AGENT', 'directmessage'],
    ['a group DM', 'G0GROUPDM', 'mpdm-ann--bob--carol-1'],
  ])('quiz now in %s is refused with a pointer to Practice, so one agent\'s quiz never reaches the team leaderboard', async (_name, channelId, channelName) => {
    const id = `dm-quiz-${channelId}`;
    const body = slashCommandBody({ text: 'quiz now', channel_id: channelId, response_url: booted.slack.responseUrl(id) }).replace('channel_name=support', `channel_name=${channelName}`);
    const res = await booted.post(body);
    expect(res.status).toBe(200);
    const raw = await res.text();
    const reply = raw !== '' ? JSON.parse(raw) : (await booted.slack.responseTo(id)).body;
    expect(reply.text).toContain('The quiz runs in a channel');
    expect(booted.db.prepare('SELECT COUNT(*) AS n FROM quizzes WHERE channel_id = ?').get(channelId)).toEqual({ n: 0 });
  });

  it('quiz setup in a DM opens the form with no channel chosen', async () => {
    booted.slack.reset();
    await booted.post(slashCommandBody({ text: 'quiz setup', channel_id: 'D0AGENT', response_url: booted.slack.responseUrl('dm-setup') }));
    const [open] = await booted.slack.waitForCalls('views.open');
    expect(JSON.stringify(open!.body.view)).not.toContain('D0AGENT');
  });
});

describe('quiz admins', () => {
  it('only the admins may change the quiz when QUIZ_ADMINS is set', async () => {
    const guarded = await bootApp({ env: { QUIZ_ADMINS: 'U0LEAD' } });
    try {
      await guarded.post(slashCommandBody({ text: 'quiz now', user_id: 'U0AGENT', response_url: guarded.slack.responseUrl('no') }));
      const [reply] = await guarded.slack.waitForCalls('response_url');
      expect(reply!.body.text).toContain('Only the quiz admins');
      expect(guarded.slack.callsTo('chat.postMessage')).toEqual([]);
    } finally {
      await guarded.stop();
    }
  });
});

describe('the App Home tab', () => {
  it('shows the agent\'s stats, the leaderboard and a Practice button that sends a question by DM', async () => {
    booted.slack.reset();
    const event = {
      type: 'event_callback',
      team_id: 'T0FAKE',
      api_app_id: 'A0CUSTOMERTYPE',
      event_id: 'EvHOME1',
      event_time: 1700000000,
      event: { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' },
      authorizations: [{ team_id: 'T0FAKE', user_id: 'UBOT', is_bot: true }],
    };
    expect((await booted.post(JSON.stringify(event), { contentType: 'application/json' })).status).toBe(200);
    const [publish] = await booted.slack.waitForCalls('views.publish');
    expect(publish!.body.user_id).toBe('U0ALICE');
    const text = allText(publish!.body.view.blocks).join('\n');
    expect(text).toContain('Your quiz stats');
    expect(text).toContain('Quiz leaderboard');
    const practice = publish!.body.view.blocks.find((block: any) => block.type === 'actions').elements[0];
    expect(practice.action_id).toBe('quiz_practice');

    booted.slack.reset();
    await booted.post(interactionBody({ ...blockActionPayload({ actionId: 'quiz_practice', value: 'practice', responseUrl: booted.slack.responseUrl('p'), userId: 'U0ALICE' }), container: { type: 'view', view_id: 'V1' } }));
    await booted.slack.waitForCalls('conversations.open');
    const [dm] = await booted.slack.waitForCalls('chat.postMessage');
    expect(dm!.body.channel).toBe('DU0ALICE');
    expect(dm!.body.blocks.find((block: any) => block.type === 'actions').elements).toHaveLength(4);
    const dmText = allText(dm!.body.blocks).join('\n');
    expect(dmText).toContain('Practice question');
    expect(dmText).not.toMatch(/Daily customer-type quiz|answered ·/);
  });
});

describe('quiz setup form', () => {
  const submission = (values: Record<string, unknown>) => ({
    type: 'view_submission',
    team: { id: 'T0FAKE' },
    user: { id: 'U0LEAD', team_id: 'T0FAKE' },
    api_app_id: 'A0CUSTOMERTYPE',
    view: { id: 'V1', callback_id: 'quiz_setup', type: 'modal', state: { values } },
  });
  const values = (timeZone: string, closeTime?: string) => ({
    channel: { value: { type: 'conversations_select', selected_conversation: 'C0QUIZ' } },
    time: { value: { type: 'timepicker', selected_time: '09:30' } },
    close_time: { value: { type: 'timepicker', selected_time: closeTime ?? null } },
    time_zone: { value: { type: 'plain_text_input', value: timeZone } },
    days: { value: { type: 'static_select', selected_option: { value: '1-5' } } },
  });

  it('shows a bad time zone next to the field and saves nothing', async () => {
    const res = await booted.post(interactionBody(submission(values('Mars/Olympus'))));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { time_zone: expect.stringContaining('IANA') } });
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quiz_schedules WHERE channel_id = 'C0QUIZ'").get()).toEqual({ n: 0 });
  });

  it('refuses a direct message as the quiz channel', async () => {
    const dm = { ...values('Europe/London'), channel: { value: { type: 'conversations_select', selected_conversation: 'D0AGENT' } } };
    const res = await booted.post(interactionBody(submission(dm)));
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { channel: expect.stringContaining('not a direct message') } });
    expect(booted.db.prepare("SELECT COUNT(*) AS n FROM quiz_schedules WHERE channel_id = 'D0AGENT'").get()).toEqual({ n: 0 });
  });

  it('saves a good form, joins the channel and confirms by DM', async () => {
    booted.slack.reset();
    const res = await booted.post(interactionBody(submission(values('Europe/London', '17:00'))));
    expect(res.status).toBe(200);
    const [join] = await booted.slack.waitForCalls('conversations.join');
    expect(join!.body.channel).toBe('C0QUIZ');
    const [dm] = await booted.slack.waitForCalls('chat.postMessage');
    expect(dm!.body).toMatchObject({ channel: 'U0LEAD', text: expect.stringContaining('09:30 Europe/London, weekdays') });
    expect(booted.db.prepare("SELECT post_time, time_zone, days, close_time, enabled FROM quiz_schedules WHERE channel_id = 'C0QUIZ'").get()).toEqual({
      post_time: '09:30',
      time_zone: 'Europe/London',
      days: '1-5',
      close_time: '17:00',
      enabled: 1,
    });
  });

  it('tells the lead to /invite the bot to a private channel it cannot join', async () => {
    booted.slack.reset();
    booted.slack.on((call) => (call.method === 'conversations.join' ? { body: { ok: false, error: 'method_not_supported_for_channel_type' } } : undefined));
    await booted.post(interactionBody(submission(values('UTC'))));
    const [dm] = await booted.slack.waitForCalls('chat.postMessage');
    expect(dm!.body.text).toContain('/invite @customertype');
  });
});

describe('a quiz scheduled from QUIZ_CHANNEL', () => {
  it('belongs to the bot\'s workspace, so its answers count on the leaderboard', async () => {
    const daily = await bootApp({
      // Due from midnight every day, so the scheduler's first pass at start-up posts it.
      env: { QUIZ_CHANNEL: 'C0DAILY', QUIZ_TIME: '00:00', QUIZ_TZ: 'UTC', QUIZ_DAYS: '*' },
    });
    try {
      const [post] = await daily.slack.waitForCalls('chat.postMessage');
      expect(post!.body.channel).toBe('C0DAILY');
      expect(daily.db.prepare('SELECT team_id FROM quiz_schedules').all()).toEqual([{ team_id: 'T0FAKE' }]);
      const button = post!.body.blocks.find((block: any) => block.type === 'actions').elements[0];
      const res = await daily.post(
        interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: daily.slack.responseUrl('dana'), userId: 'U0DANA' })),
      );
      expect(res.status).toBe(200);
      await daily.slack.responseTo('dana');
      const board = allText((await commandReply(daily, 'leaderboard', 'U0DANA')).body.blocks).join('\n');
      expect(board).toContain('U0DANA');
    } finally {
      await daily.stop();
    }
  });
});

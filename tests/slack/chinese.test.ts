import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { mulberry32 } from '../../src/random.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { allText } from '../helpers/block-text.js';
import { chinesePlaybooksDir } from '../helpers/chinese-playbooks.js';
import { chineseTypographyProblems, englishLeftIn, hasHan } from '../helpers/chinese-text.js';
import { commandReply } from '../helpers/command.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

const ZHAO = 'U0ZHAO'; // Slack set to 简体中文
const LIN = 'U0LIN'; // Slack set to 繁體中文 (Taiwan)
const EMMA = 'U0EMMA'; // Slack in English

const fixture = chinesePlaybooksDir();
/** Any of the angry type's Chinese openers, quoted as the answer shows an opener to paste. */
const ANGRY_CHINESE_OPENER = new RegExp(
  `\\n>(${loadPlaybooks(fixture.dir).set.get('angry')!.zh!.openers!.map((opener) => opener.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
  'u',
);
let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp({ playbooksDir: fixture.dir, random: mulberry32(7) });
  booted.slack.locales.set(ZHAO, 'zh-CN');
  booted.slack.locales.set(LIN, 'zh-TW');
  booted.slack.locales.set(EMMA, 'en-US');
});
afterAll(async () => {
  await booted.stop();
  fixture.remove();
});

/** `/customertype <text>` as `user`; the private answer and all its text. */
async function command(text: string, user: string) {
  const { body } = await commandReply(booted, text, user);
  return { body, text: allText(body.blocks ?? []).join('\n') || body.text };
}

/**
 * The Chinese a reader sees: no interface English, and typography that renders in Slack. The
 * fixture translates five types, so the others' English names may appear (in the correction menu,
 * the closest types), as they would in a half-translated team's playbooks.
 */
function expectChinese(text: string, allowed: string[] = []) {
  expect(hasHan(text), text).toBe(true);
  expect(englishLeftIn(text, [...allowed, ...loadPlaybooks(fixture.dir).set.all.map((playbook) => playbook.name)]), text).toEqual([]);
  expect(chineseTypographyProblems(text), text).toEqual([]);
}

const MIXED = "This is ridiculous, I'm furious!!! 我要退款，太离谱了，气死我了";

describe('an agent whose Slack is set to Chinese', () => {
  it('reads help in Chinese, with Slack asked for the locale once', async () => {
    const { body, text } = await command('help', ZHAO);
    expect(body.blocks[0].text.text).toBe('customertype：读懂你的客户');
    expectChinese(text);
    await command('帮助', ZHAO);
    const lookups = booted.slack.callsTo('users.info').filter((call) => call.body.user === ZHAO);
    expect(lookups).toHaveLength(1);
    expect(String(lookups[0]!.body.include_locale)).toBe('true');
  });

  it('reads the list and a type page, found by its Chinese name', async () => {
    const list = await command('列表', ZHAO);
    expect(list.body.blocks[0].text.text).toBe('共 19 种客户类型');
    expect(list.text).toContain('• *愤怒的客户* `angry` ');
    const page = await command('愤怒的客户', ZHAO);
    expect(page.body.blocks[0].text.text).toBe('愤怒的客户');
    expectWithinBlockKitLimits(page.body.blocks);
    expectChinese(page.text, ['The Angry Customer']);
  });

  it('reads a classification in Chinese, with the Chinese opener to paste', async () => {
    const { body, text } = await command(MIXED, ZHAO);
    expect(body.blocks[0].text.text).toMatch(/^愤怒的客户 {2}[▰▱]{5} 把握(大|一般|不大) · \d+%$/);
    for (const part of ['*判断依据*', '*怎么应对*', '*这样做*', '*别这样做*', '*可以直接粘贴的开场白*', '*每种类型的客户都需要*']) expect(text).toContain(part);
    expect(text).toMatch(ANGRY_CHINESE_OPENER);
    expect(text).not.toContain('客户用的是');
    expect(body.blocks.at(-1).elements[0].text.text).toBe('分享到频道');
    expectChinese(text, ['ridiculous', 'furious', 'im']);
  });

  it('classifies a Chinese complaint, with the Chinese words that gave it away', async () => {
    const { body, text } = await command('我都问了三遍了，退款到底什么时候到？！太离谱了，再拖我就去投诉', ZHAO);
    expect(body.blocks[0].text.text).toMatch(/^愤怒的客户 /);
    expect(text).toMatch(/\*判断依据\*.*“[^”]*\p{Script=Han}[^”]*”/su);
    expectChinese(text);
  });

  it('is told in Chinese, from the reason code, when a message cannot be read', async () => {
    const russian = await command('Здравствуйте, мой заказ не пришёл уже три недели, проверьте пожалуйста.', ZHAO);
    expect(russian.text).toContain('这看起来既不是中文也不是英文');
    const emoji = await command('😡😡😡', ZHAO);
    expect(emoji.text).toContain('这里只有表情。');
    expectChinese(emoji.text);
  });

  it('reads stats and the leaderboard in Chinese', async () => {
    expect((await command('统计', ZHAO)).text).toBe('还没有答题记录。参加下一次每日小测验，就开始记成绩了。');
    const board = await command('排行榜', ZHAO);
    expect(board.body.blocks[0].text.text).toBe('🏆 答题排行榜');
    expectChinese(board.text);
  });

  it('reads Chinese too with Slack set to Traditional Chinese (zh-TW)', async () => {
    expect((await command('help', LIN)).body.blocks[0].text.text).toBe('customertype：读懂你的客户');
  });
});

describe('an English-reading colleague, the same message', () => {
  it('reads English guidance with the Chinese opener, and is told why it is in Chinese', async () => {
    const { body, text } = await command(MIXED, EMMA);
    expect(body.blocks[0].text.text).toMatch(/^The Angry Customer {2}[▰▱]{5} (High|Medium|Low) · \d+%$/);
    expect(text).toContain('*How to handle*');
    expect(text).toMatch(new RegExp(`\\*Opening line to paste\\*\\n_In Chinese, the language the customer wrote in._${ANGRY_CHINESE_OPENER.source}`, 'u'));
  });

  it('shares it in English, still with the Chinese opener', async () => {
    const { body } = await command(MIXED, EMMA);
    const share = body.blocks.at(-1).elements[0];
    booted.slack.reset();
    await booted.post(interactionBody(blockActionPayload({ actionId: 'share_guidance', value: share.value, responseUrl: booted.slack.responseUrl('share-emma'), userId: EMMA })));
    const [post] = await booted.slack.waitForCalls('chat.postMessage');
    const text = allText(post!.body.blocks).join('\n');
    expect(text).toContain('*How to handle*');
    expect(text).toMatch(ANGRY_CHINESE_OPENER);
  });
});

describe('/customertype language', () => {
  it('switches a Chinese-reading agent to English and back to their Slack language', async () => {
    expect((await command('language en', ZHAO)).text).toContain("Done: I'll answer you in English from now on.");
    expect((await command('help', ZHAO)).body.blocks[0].text.text).toBe('customertype: know your customer');
    expect((await command('language', ZHAO)).text).toContain('I answer you in English (you chose it).');
    expect((await command('语言 自动', ZHAO)).text).toBe('好的，之后跟随你的 Slack 语言设置（现在是中文）。');
    expect((await command('language', ZHAO)).text).toContain('现在我用中文回复你（跟随你的 Slack 语言）。');
    expect((await command('语言 中文', EMMA)).text).toContain('好的，之后我都用中文回复你。');
    expect((await command('list', EMMA)).body.blocks[0].text.text).toBe('共 19 种客户类型');
    await command('language auto', EMMA);
    expect(booted.db.prepare('SELECT user_id, language FROM agent_languages').all()).toEqual([]);
  });
});

describe('Not right? in Chinese', () => {
  it('thanks the agent in Chinese, naming the type in Chinese', async () => {
    const { body } = await command(MIXED, ZHAO);
    const option = body.blocks.at(-1).elements[1].options.find((o: any) => o.text.text === '忠实的顾客');
    expect(option).toBeDefined();
    booted.slack.reset();
    await booted.post(interactionBody(blockActionPayload({ actionId: 'correct_type', selectedValue: option.value, responseUrl: booted.slack.responseUrl('fix-zhao'), userId: ZHAO })));
    const reply = await booted.slack.responseTo('fix-zhao');
    expect(reply.body.text).toContain('谢谢，已记为“忠实的顾客”。');
    const corrections = await command('纠正', ZHAO);
    expect(corrections.text).toContain('• 愤怒的客户 → 忠实的顾客：1 次');
    expectChinese(corrections.text);
  });
});

describe('a quiz in a channel set to Chinese', () => {
  const submission = (language: string) => ({
    type: 'view_submission',
    team: { id: 'T0FAKE' },
    user: { id: ZHAO, team_id: 'T0FAKE' },
    api_app_id: 'A0CUSTOMERTYPE',
    view: {
      id: 'V1',
      callback_id: 'quiz_setup',
      type: 'modal',
      state: {
        values: {
          channel: { value: { type: 'conversations_select', selected_conversation: 'C0ZHQUIZ' } },
          time: { value: { type: 'timepicker', selected_time: '09:30' } },
          close_time: { value: { type: 'timepicker', selected_time: null } },
          time_zone: { value: { type: 'plain_text_input', value: 'Asia/Shanghai' } },
          days: { value: { type: 'static_select', selected_option: { value: '1-5' } } },
          language: { value: { type: 'static_select', selected_option: { value: language } } },
        },
      },
    },
  });

  it('opens the setup form in Chinese, with the language field', async () => {
    booted.slack.reset();
    await booted.post(slashCommandBody({ text: '测验 设置', user_id: ZHAO, channel_id: 'C0ZHQUIZ', response_url: booted.slack.responseUrl('zh-setup') }));
    const [open] = await booted.slack.waitForCalls('views.open');
    expect(open!.body.view.title.text).toBe('每日小测验');
    const language = open!.body.view.blocks.find((block: any) => block.block_id === 'language');
    expect(language.label.text).toBe('题目语言');
    expect(language.element.initial_option.value).toBe('en');
  });

  it('refuses a language it does not know, in the lead\'s language, and saves a good form', async () => {
    const bad = await booted.post(interactionBody(submission('fr')));
    expect(await bad.json()).toEqual({ response_action: 'errors', errors: { language: '请选题目语言。' } });
    booted.slack.reset();
    expect((await booted.post(interactionBody(submission('zh')))).status).toBe(200);
    const [dm] = await booted.slack.waitForCalls('chat.postMessage');
    expect(dm!.body.text).toBe('每日小测验设置好了：工作日 09:30（Asia/Shanghai），发在 <#C0ZHQUIZ>，题目用中文。');
    expect(booted.db.prepare("SELECT language FROM quiz_schedules WHERE channel_id = 'C0ZHQUIZ'").get()).toEqual({ language: 'zh' });
  });

  it('posts Chinese questions even when an English reader asks, and answers clicks in Chinese', async () => {
    booted.slack.reset();
    await booted.post(slashCommandBody({ text: 'quiz now', user_id: EMMA, channel_id: 'C0ZHQUIZ', response_url: booted.slack.responseUrl('zh-now') }));
    expect((await booted.slack.responseTo('zh-now')).body.text).toBe('Posted a quiz in this channel.');
    const [post] = await booted.slack.waitForCalls('chat.postMessage');
    expect(post!.body.blocks[0].text.text).toBe('🧠 每日客户类型小测验');
    expectWithinBlockKitLimits(post!.body.blocks);
    expectChinese(allText(post!.body.blocks).join('\n'));

    const row = booted.db.prepare("SELECT question FROM quizzes WHERE channel_id = 'C0ZHQUIZ'").get() as { question: string };
    const question = JSON.parse(row.question);
    expect(question.lang).toBe('zh');
    const buttons = post!.body.blocks.find((block: any) => block.type === 'actions').elements;
    const click = async (user: string, index: number, id: string) => {
      await booted.post(interactionBody(blockActionPayload({ actionId: `quiz_answer_${index}`, value: buttons[index].value, responseUrl: booted.slack.responseUrl(id), userId: user, channelId: 'C0ZHQUIZ' })));
      return (await booted.slack.responseTo(id)).body.text as string;
    };
    expect(await click(ZHAO, question.answer, 'zh-right')).toMatch(/^✅ 答对了！\n/);
    expect(await click(EMMA, (question.answer + 1) % 4, 'zh-wrong')).toMatch(/^❌ 差一点。\n\*正确答案：[A-D]\. /);
    const again = await click(ZHAO, 0, 'zh-again');
    expect(again).toMatch(/^你已经答过了，只算第一次作答。/);
    expectChinese(again);
  });

  it('shows stats, the leaderboard and App Home in Chinese', async () => {
    const stats = await command('统计', ZHAO);
    expect(stats.text).toContain('答了 1 题，答对 1 题（100%）');
    expectChinese(stats.text);
    const board = await command('排行榜', ZHAO);
    expect(board.text).toMatch(/🥇 <@U0ZHAO> 答对 1\/1，平均用时 \d+\.\d 秒/);
    booted.slack.reset();
    const event = {
      type: 'event_callback',
      team_id: 'T0FAKE',
      api_app_id: 'A0CUSTOMERTYPE',
      event_id: 'EvHOMEZH',
      event_time: 1700000000,
      event: { type: 'app_home_opened', user: ZHAO, channel: 'D0ZHAO', tab: 'home' },
      authorizations: [{ team_id: 'T0FAKE', user_id: 'UBOT', is_bot: true }],
    };
    await booted.post(JSON.stringify(event), { contentType: 'application/json' });
    const [publish] = await booted.slack.waitForCalls('views.publish');
    const home = allText(publish!.body.view.blocks).join('\n');
    expect(home).toContain('你的答题成绩');
    expect(home).toContain('练习');
    expectChinese(home);
  });

  it('sends a Practice question in Chinese to a Chinese-reading agent', async () => {
    booted.slack.reset();
    await booted.post(
      interactionBody({ ...blockActionPayload({ actionId: 'quiz_practice', value: 'practice', responseUrl: booted.slack.responseUrl('zh-p'), userId: ZHAO }), container: { type: 'view', view_id: 'V1' } }),
    );
    const [dm] = await booted.slack.waitForCalls('chat.postMessage');
    expect(dm!.body.blocks[0].text.text).toBe('🧠 练习题');
    expectChinese(allText(dm!.body.blocks).join('\n'));
  });
});

describe('when Slack is slow or refuses to say the locale', () => {
  it('answers at once in the workspace default, and in the agent\'s language once the locale arrives', async () => {
    const slow = await bootApp({ playbooksDir: fixture.dir, env: { DEFAULT_LANGUAGE: 'zh' } });
    try {
      slow.slack.on((call) => (call.method === 'users.info' && call.body.user === 'U0SLOW' ? { delayMs: 1500, body: { ok: true, user: { id: 'U0SLOW', locale: 'en-US' } } } : undefined));
      slow.slack.on((call) => (call.method === 'users.info' && call.body.user === 'U0DENIED' ? { body: { ok: false, error: 'missing_scope' } } : undefined));
      slow.slack.locales.set('U0JA', 'ja-JP');
      const first = await commandReply(slow, 'help', 'U0SLOW');
      expect(first.body.blocks[0].text.text).toBe('customertype：读懂你的客户');
      expect(first.ackMs).toBeLessThan(1500);
      await slow.slack.waitForCalls('users.info');
      await new Promise((resolve) => setTimeout(resolve, 1700));
      expect((await commandReply(slow, 'help', 'U0SLOW')).body.blocks[0].text.text).toBe('customertype: know your customer');
      expect((await commandReply(slow, 'help', 'U0DENIED')).body.blocks[0].text.text).toBe('customertype：读懂你的客户');
      expect(slow.logs.some((line) => line.includes('users:read'))).toBe(true);
      expect((await commandReply(slow, 'help', 'U0JA')).body.blocks[0].text.text).toBe('customertype：读懂你的客户');
    } finally {
      await slow.stop();
    }
  });
});

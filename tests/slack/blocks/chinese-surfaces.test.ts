import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/classifier/classifier.js';
import { en, zh } from '../../../src/i18n/index.js';
import type { AbstainReason } from '../../../src/i18n/en.js';
import { loadPlaybooks } from '../../../src/playbooks/load.js';
import { PlaybookSet } from '../../../src/playbooks/playbook-set.js';
import type { Playbook } from '../../../src/playbooks/schema.js';
import type { QuizQuestion } from '../../../src/quiz/question.js';
import type { AgentStats } from '../../../src/quiz/stats.js';
import { buildPlaybookMessage, buildTypeList } from '../../../src/slack/blocks/catalog.js';
import { buildCorrectionsMessage } from '../../../src/slack/blocks/corrections.js';
import { buildGuidanceMessage, buildGuidanceModal, buildNothingToReadMessage, buildSharedGuidance } from '../../../src/slack/blocks/guidance.js';
import { buildHelpMessage } from '../../../src/slack/blocks/help.js';
import { buildHomeView } from '../../../src/slack/blocks/home.js';
import {
  buildAnswerFeedback,
  buildLeaderboardMessage,
  buildPracticeMessage,
  buildQuizMessage,
  buildQuizSetupModal,
  buildRevealedQuizMessage,
  buildStatsMessage,
} from '../../../src/slack/blocks/quiz.js';
import { expectWithinBlockKitLimits } from '../../helpers/block-kit.js';
import { allText, LIVE_MARKUP } from '../../helpers/block-text.js';
import { CHINESE_TYPES, chinesePlaybooksDir } from '../../helpers/chinese-playbooks.js';
import { chineseTypographyProblems, englishLeftIn, hasHan } from '../../helpers/chinese-text.js';

const fixture = chinesePlaybooksDir();
let all: PlaybookSet;
/** Only the types with Chinese text: any English on a surface built from these is the interface's. */
let chinese: PlaybookSet;
let englishNames: string[];
beforeAll(() => {
  all = loadPlaybooks(fixture.dir).set;
  chinese = new PlaybookSet(all.all.filter((playbook) => CHINESE_TYPES.includes(playbook.id)), all.shared);
  englishNames = chinese.all.map((playbook) => playbook.name);
});
afterAll(() => fixture.remove());

/** Every text object Slack shows, mrkdwn and plain_text: what the agent reads (not values or filters). */
function texts(node: unknown, only?: 'mrkdwn'): string[] {
  if (typeof node === 'string') return [node];
  // Strings inside a block are values (filters, ids), not text; only text objects are read.
  if (Array.isArray(node)) return node.flatMap((item) => (typeof item === 'string' ? [] : texts(item, only)));
  if (!node || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  const own =
    (object.type === 'mrkdwn' || (object.type === 'plain_text' && only === undefined)) && typeof object.text === 'string' && object.text.trim() !== ''
      ? [object.text]
      : [];
  return [...own, ...Object.values(object).flatMap((value) => (typeof value === 'object' ? texts(value, only) : []))];
}

/** The Latin words a playbook's own Chinese text uses. */
function latinWordsOf(text: unknown): string[] {
  return [...new Set(JSON.stringify(text).match(/[A-Za-z][A-Za-z0-9.+-]*/g) ?? [])];
}

function expectAllChinese(node: unknown, extraAllowed: string[] = []): void {
  const found = Array.isArray(node) && node.every((item) => typeof item === 'string') ? (node as string[]) : texts(node);
  expect(found.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const text of found) {
    const left = englishLeftIn(text, [...englishNames, ...extraAllowed]);
    if (left.length > 0) problems.push(`English left (${left.join(' ')}): ${text}`);
    problems.push(...chineseTypographyProblems(text).map((problem) => `${problem} in ${JSON.stringify(text.slice(0, 60))}`));
  }
  expect(problems).toEqual([]);
  expect(found.some(hasHan)).toBe(true);
}

function classification(type: string | null, overrides: Partial<Classification> = {}): Classification {
  const ranked = chinese.ids.map((id) => ({ type: id, score: id === type ? 0.82 : 0.18 / (chinese.ids.length - 1) })).sort((a, b) => b.score - a.score);
  return {
    type,
    confidence: type ? 0.82 : 0,
    ranked,
    cues: ['"太离谱了"', 'ALL CAPS', 'capitals', '"第三次"'],
    secondary: null,
    abstain: null,
    truncated: false,
    lang: 'zh',
    ...overrides,
  };
}

const question = (kind: 'which-type' | 'what-to-do'): QuizQuestion => {
  const angry = chinese.get('angry')!;
  return {
    kind,
    typeId: 'angry',
    questionKey: kind === 'which-type' ? 'which:angry:zh:0' : 'do:angry:zh',
    prompt: kind === 'which-type' ? zh.quiz.whichType : zh.quiz.whatToDo(angry.zh!.name!),
    ...(kind === 'which-type' ? { message: angry.zh!.quiz!.messages[0]! } : {}),
    options: chinese.all.slice(0, 4).map((playbook) => ({ label: kind === 'which-type' ? playbook.zh!.name! : playbook.zh!.actions![0]!, typeId: playbook.id })),
    answer: chinese.all.findIndex((playbook) => playbook.id === 'angry'),
    why: angry.zh!.quiz!.why!,
    keyAction: angry.zh!.actions![0]!,
    lang: 'zh',
  };
};

const stats: AgentStats = {
  answered: 12,
  correct: 9,
  accuracy: 0.75,
  currentStreak: 3,
  bestStreak: 5,
  byType: [
    { typeId: 'angry', answered: 4, correct: 4, accuracy: 1 },
    { typeId: 'loyalist', answered: 5, correct: 3, accuracy: 0.6 },
    { typeId: 'impulsive', answered: 3, correct: 2, accuracy: 0.67 },
  ],
  weakest: [
    { typeId: 'loyalist', answered: 5, correct: 3, accuracy: 0.6 },
    { typeId: 'impulsive', answered: 3, correct: 2, accuracy: 0.67 },
  ],
};
const rows = [
  { userId: 'U0ANN', correct: 5, answered: 5, averageMs: 4200 },
  { userId: 'U0BO', correct: 4, answered: 5, averageMs: 3100 },
  { userId: 'U0CHEN', correct: 4, answered: 5, averageMs: 5100 },
  { userId: 'U0DAI', correct: 1, answered: 2, averageMs: 9000 },
];
const boards = { week: rows, allTime: rows, weekStarts: '2026-11-23' };
const emptyStats: AgentStats = { answered: 0, correct: 0, accuracy: 0, currentStreak: 0, bestStreak: 0, byType: [], weakest: [] };

describe('every surface in Chinese', () => {
  it.each<[string, () => { blocks: unknown[]; text?: string }]>([
    ['help', () => buildHelpMessage(zh)],
    ['the list of types', () => buildTypeList(chinese, zh)],
    ['a classification', () => buildGuidanceMessage(classification('angry', { secondary: { type: 'loyalist', score: 0.31 }, truncated: true }), chinese, { source: 'forwarded' }, zh)],
    ['a classification of an English message', () => buildGuidanceMessage(classification('loyalist', { lang: 'en', cues: ['"ridiculous"'] }), chinese, { source: 'email' }, zh)],
    ['guidance shared in a channel', () => buildSharedGuidance({ type: 'impulsive', confidence: 0.64, lang: 'zh' }, chinese, 'U0AGENT', zh)!],
    ['nothing to read', () => buildNothingToReadMessage(zh)],
    ['corrections', () => buildCorrectionsMessage({ days: 30, answered: 40, confirmed: 3, corrections: [{ predicted: 'angry', corrected: 'loyalist', count: 4 }, { predicted: null, corrected: 'impulsive', count: 1 }] }, chinese, zh)],
    ['no corrections yet', () => buildCorrectionsMessage({ days: 30, answered: 0, confirmed: 0, corrections: [] }, chinese, zh)],
    ['the daily quiz, which type', () => buildQuizMessage(7, question('which-type'), 3)],
    ['the daily quiz, what to do', () => buildQuizMessage(8, question('what-to-do'), 0)],
    ['a practice question', () => buildPracticeMessage(9, question('which-type'))],
    ['the revealed quiz', () => buildRevealedQuizMessage(question('what-to-do'), { answers: 6, correct: 4 })],
    ['the revealed quiz nobody answered', () => buildRevealedQuizMessage(question('which-type'), { answers: 0, correct: 0 })],
    ['stats', () => buildStatsMessage(stats, chinese, zh)],
    ['stats before any answer', () => buildStatsMessage(emptyStats, chinese, zh)],
    ['the leaderboard', () => buildLeaderboardMessage(boards, 'current', zh)],
    ['the weekly board', () => buildLeaderboardMessage(boards, 'week', zh)],
    ['an empty leaderboard', () => buildLeaderboardMessage({ week: [], allTime: [], weekStarts: '2026-11-23' }, 'current', zh)],
  ])('%s', (_name, build) => {
    const message = build();
    expectWithinBlockKitLimits(message.blocks);
    // The customer's own words and the opener for an English-writing customer are English on purpose.
    expectAllChinese(message.blocks, ['ridiculous', ...chinese.all.map((playbook) => playbook.openers[0]!)]);
    if (message.text !== undefined) expectAllChinese(message.text);
  });

  it('"what every customer wants" as one run of clauses, and a list example the agent can type', () => {
    const guidance = allText(buildGuidanceMessage(classification('angry'), chinese, {}, zh).blocks).join('\n');
    const [first, second] = chinese.shared.zh!.every_customer_wants!;
    expect(guidance).toContain(`*每种类型的客户都需要*\n${first!.replace(/。$/, '')}；${second!.replace(/。$/, '')}；`);
    expect(guidance).not.toMatch(/。；/);
    expect(allText(buildTypeList(all, zh).blocks).join('\n')).toContain('比如 `/customertype 愤怒的客户`');
  });

  it('a playbook page, one for each Chinese type', () => {
    for (const playbook of chinese.all) {
      const message = buildPlaybookMessage(playbook, zh);
      expectWithinBlockKitLimits(message.blocks);
      // A lead's Chinese may name things in Latin letters (bug, FAQ, App): those words are the playbook's, not the interface's.
      expectAllChinese(message.blocks, latinWordsOf(playbook.zh!));
      expect(allText(message.blocks).join('\n')).toContain(playbook.zh!.openers![1]!);
    }
  });

  it.each(['empty', 'binary', 'emoji', 'language', 'code', 'no-signal', 'unsure'] satisfies AbstainReason[])('the "%s" abstention', (reason) => {
    const message = buildGuidanceMessage(classification(null, { abstain: { reason, message: 'English from the classifier' } }), chinese, {}, zh);
    expectWithinBlockKitLimits(message.blocks);
    expectAllChinese(message.blocks);
    const text = allText(message.blocks).join('\n');
    expect(text).toContain(zh.abstain.reasons[reason]);
    expect(text).toMatch(/最接近的类型：“.+”（\d+%）、“.+”（\d+%）、“.+”（\d+%）/);
  });

  it('the answer to each kind of click', () => {
    const asked = question('which-type');
    const wrong = (asked.answer + 1) % 4;
    for (const result of [
      { status: 'recorded', correct: true, question: asked, choice: asked.answer },
      { status: 'recorded', correct: false, question: asked, choice: wrong },
      { status: 'already', question: asked, choice: wrong },
      { status: 'closed', question: asked },
    ] as const) {
      expectAllChinese(buildAnswerFeedback(result));
    }
    expectAllChinese(buildAnswerFeedback({ status: 'unknown' }, zh));
    expect(buildAnswerFeedback({ status: 'recorded', correct: false, question: asked, choice: wrong })).toContain(`*正确答案：${'ABCD'[asked.answer]}. 愤怒的客户*`);
  });

  it('the modal, the Home tab and the quiz setup form', () => {
    const modal = buildGuidanceModal(buildGuidanceMessage(classification('angry'), chinese, {}, zh), zh);
    expectAllChinese([modal.title.text, modal.close!.text, ...texts(modal.blocks)]);
    const home = buildHomeView(stats, boards, chinese, zh);
    expectWithinBlockKitLimits(home.blocks as unknown[]);
    expectAllChinese(home.blocks);
    const setup = buildQuizSetupModal({ timeZone: 'Asia/Shanghai', language: 'zh' }, zh);
    expectAllChinese([setup.title.text, setup.submit!.text, setup.close!.text, ...texts(setup.blocks)]);
    const language = setup.blocks.find((block) => block.block_id === 'language') as any;
    expect(language.element.initial_option.value).toBe('zh');
    expect(language.element.options.map((option: any) => option.value)).toEqual(['en', 'zh']);
  });
});

describe('opening lines in the customer\'s language', () => {
  const openerSection = (blocks: any[]) => blocks.find((block) => block.type === 'section' && block.text?.text.includes('>'))!.text.text as string;
  const openerOf = (playbook: Playbook, lang: 'en' | 'zh') => (lang === 'zh' ? playbook.zh!.openers![0]! : playbook.openers[0]!);

  it('gives an English-reading agent the Chinese opener for a Chinese message, and says so', () => {
    const message = buildGuidanceMessage(classification('angry'), chinese, {}, en);
    const section = openerSection(message.blocks);
    expect(section).toContain(`>${openerOf(chinese.get('angry')!, 'zh')}`);
    expect(section).toContain('_In Chinese, the language the customer wrote in._');
    expect(message.blocks[0]).toMatchObject({ text: { text: expect.stringMatching(/^The Angry Customer/) } });
  });

  it('gives a Chinese-reading agent the English opener for an English message, and says so', () => {
    const section = openerSection(buildGuidanceMessage(classification('angry', { lang: 'en' }), chinese, {}, zh).blocks);
    expect(section).toContain(`>${openerOf(chinese.get('angry')!, 'en')}`);
    expect(section).toContain('客户用的是英文，开场白也给你英文的。');
  });

  it('says when a type has no opener in the customer\'s language yet', () => {
    const section = openerSection(buildGuidanceMessage(classification('skeptic'), all, {}, zh).blocks);
    expect(section).toContain(`>${all.get('skeptic')!.openers[0]}`);
    expect(section).toContain('客户用的是中文，但这个类型还没有中文开场白，先给你英文的。');
  });

  it('keeps the customer\'s language in the share button, so the shared post offers the same opener', () => {
    const message = buildGuidanceMessage(classification('angry'), chinese, {}, en);
    const share = (message.blocks.find((block) => block.type === 'actions') as any).elements[0];
    expect(JSON.parse(share.value)).toMatchObject({ type: 'angry', lang: 'zh' });
    const shared = buildSharedGuidance(JSON.parse(share.value), chinese, 'U0AGENT', en)!;
    expect(allText(shared.blocks).join('\n')).toContain(openerOf(chinese.get('angry')!, 'zh'));
  });
});

describe('a type without Chinese text', () => {
  it('still works for a Chinese-reading agent: in English, saying so, around Chinese headings', () => {
    for (const message of [buildPlaybookMessage(all.get('skeptic')!, zh), buildGuidanceMessage(classification('skeptic', { lang: 'en' }), all, {}, zh)]) {
      const text = allText(message.blocks).join('\n');
      expect(text).toContain(zh.handling.notTranslated);
      expect(text).toContain(all.get('skeptic')!.actions[0]!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      expect(text).toContain(`*${zh.handling.actions}*`);
    }
  });
});

describe('Chinese text from a playbook is as untrusted as any', () => {
  it('never holds planted markup live', () => {
    const angry = chinese.get('angry')!;
    const hostile: Playbook = { ...angry, zh: { ...angry.zh!, name: '<!channel> 愤怒的客户', summary: '请 <@U123> 看 <https://evil.example|这里>' } };
    const set = new PlaybookSet([hostile, ...chinese.all.filter((playbook) => playbook.id !== 'angry')], chinese.shared);
    for (const message of [buildGuidanceMessage(classification('angry'), set, {}, zh), buildPlaybookMessage(hostile, zh), buildTypeList(set, zh)]) {
      // Slack reads markup only in mrkdwn: a header's plain_text shows `<!channel>` as those characters.
      for (const text of texts(message.blocks, 'mrkdwn')) expect(text).not.toMatch(LIVE_MARKUP);
      expect(message.text).not.toMatch(LIVE_MARKUP);
    }
  });
});

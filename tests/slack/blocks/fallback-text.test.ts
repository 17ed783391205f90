import { describe, expect, it } from 'vitest';
import type { Classification } from '../../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../../src/playbooks/load.js';
import { PlaybookSet } from '../../../src/playbooks/playbook-set.js';
import type { QuizQuestion } from '../../../src/quiz/question.js';
import { buildPlaybookMessage } from '../../../src/slack/blocks/catalog.js';
import { buildGuidanceMessage, buildSharedGuidance } from '../../../src/slack/blocks/guidance.js';
import { buildQuizMessage, buildRevealedQuizMessage } from '../../../src/slack/blocks/quiz.js';
import type { RenderedMessage } from '../../../src/slack/blocks/types.js';

// A support lead's own playbook file is as untrusted as a customer's message: its words reach channels.
const builtIn = loadPlaybooks().set;
const angry = builtIn.get('angry')!;
const hostile = { ...angry, id: 'hostile', name: '<!channel> Angry & <@U123>', summary: 'Ping <!here> and <https://evil.example|click>' };
const playbooks = new PlaybookSet([hostile, ...builtIn.all.filter((p) => p.id !== 'angry')], builtIn.shared);

const question: QuizQuestion = {
  kind: 'which-type',
  typeId: 'hostile',
  questionKey: 'hostile:example:0',
  prompt: 'Which type wrote this, <!everyone>?',
  message: 'Where is my refund <@U999>',
  options: [hostile.name, 'Confused', 'Skeptic', 'Chatty'].map((label, index) => ({ label, typeId: index === 0 ? 'hostile' : 'confused' })),
  answer: 0,
  why: '<!channel> because',
  keyAction: 'Acknowledge <#C123> first.',
};

const classification: Classification = {
  type: 'hostile',
  confidence: 0.9,
  ranked: playbooks.ids.map((id) => ({ type: id, score: id === 'hostile' ? 0.9 : 0.1 / (playbooks.ids.length - 1) })),
  cues: ['"<!channel>"'],
  secondary: null,
  abstain: null,
  lang: 'en',
  truncated: false,
};

/** The markup planted above, unescaped; the sharer's own `<@U0AGENT>` is a mention on purpose. */
const PLANTED = /<!channel>|<!here>|<!everyone>|<@U123>|<@U999>|<#C123>|<https:\/\/evil/;

/** Slack parses markup only in mrkdwn; a header's plain_text shows `<!channel>` as those characters. */
function mrkdwnTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(mrkdwnTexts);
  if (!node || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  const own = object.type === 'mrkdwn' && typeof object.text === 'string' ? [object.text] : [];
  return [...own, ...Object.values(object).flatMap(mrkdwnTexts)];
}

describe('the notification text of every message that can reach a channel', () => {
  it.each<[string, () => RenderedMessage]>([
    ['the daily quiz', () => buildQuizMessage(1, question, 0)],
    ['the revealed quiz', () => buildRevealedQuizMessage(question, { answers: 3, correct: 2 })],
    ['the private guidance', () => buildGuidanceMessage(classification, playbooks)],
    ['guidance shared in a channel', () => buildSharedGuidance({ type: 'hostile', confidence: 0.9 }, playbooks, 'U0AGENT')!],
    ['one playbook', () => buildPlaybookMessage(hostile)],
  ])('%s never holds planted markup live, in its text or its blocks', (_name, build) => {
    const message = build();
    expect(message.text).not.toMatch(PLANTED);
    expect(message.text).toContain('&lt;');
    const texts = mrkdwnTexts(message.blocks);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).not.toMatch(PLANTED);
  });
});

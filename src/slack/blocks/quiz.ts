import type { KnownBlock, ModalView } from '@slack/types';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { AnswerResult, Leaderboards } from '../../quiz/quiz-service.js';
import type { QuizQuestion } from '../../quiz/question.js';
import type { AgentStats } from '../../quiz/stats.js';
import type { LeaderboardRow, QuizSchedule } from '../../store/quiz-store.js';
import { escapeMrkdwn, truncate } from './mrkdwn.js';
import { context, header, section } from './text.js';
import type { RenderedMessage } from './types.js';

export const QUIZ_ANSWER_ACTION = 'quiz_answer';
export const QUIZ_SETUP_VIEW = 'quiz_setup';
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const percent = (value: number) => `${Math.round(value * 100)}%`;

function questionBlocks(question: QuizQuestion): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(question.prompt)}*`)];
  if (question.message) blocks.push(section(`>${escapeMrkdwn(question.message).replace(/\n/g, '\n>')}`));
  blocks.push(
    section(question.options.map((option, index) => `*${LETTERS[index]}.* ${escapeMrkdwn(option.label)}`).join('\n')),
  );
  return blocks;
}

function answerButtons(quizId: number, question: QuizQuestion): KnownBlock {
  return {
    type: 'actions',
    block_id: `quiz_${quizId}`,
    elements: question.options.map((_, index) => ({
      type: 'button' as const,
      action_id: `${QUIZ_ANSWER_ACTION}_${index}`,
      text: { type: 'plain_text' as const, text: LETTERS[index]! },
      value: JSON.stringify({ q: quizId, c: index }),
    })),
  };
}

/** The quiz as posted: the question, one button per option, and how many have answered. */
export function buildQuizMessage(quizId: number, question: QuizQuestion, answers: number): RenderedMessage {
  return {
    text: `Daily customer-type quiz: ${escapeMrkdwn(question.prompt)}`,
    blocks: [
      header('🧠 Daily customer-type quiz'),
      ...questionBlocks(question),
      answerButtons(quizId, question),
      context(`${answers} answered · Only your first answer counts · Answers are private`),
    ],
  };
}

/** A practice question, sent to one agent: graded like the quiz, never on a leaderboard. */
export function buildPracticeMessage(quizId: number, question: QuizQuestion): RenderedMessage {
  return {
    text: `Practice question: ${escapeMrkdwn(question.prompt)}`,
    blocks: [
      header('🧠 Practice question'),
      ...questionBlocks(question),
      answerButtons(quizId, question),
      context('Just for you, on the types you find hardest · Counts in your stats, not on the leaderboard'),
    ],
  };
}

/** The quiz after it closes: the answer and how the team did, never who got it wrong. */
export function buildRevealedQuizMessage(question: QuizQuestion, tally: { answers: number; correct: number }): RenderedMessage {
  const right = question.options[question.answer]!;
  const share = tally.answers === 0 ? 'Nobody answered.' : `${percent(tally.correct / tally.answers)} of ${tally.answers} got it right.`;
  return {
    text: `Quiz answer: ${escapeMrkdwn(right.label)}`,
    blocks: [
      header('🧠 Daily customer-type quiz (closed)'),
      ...questionBlocks(question),
      section(`*Answer: ${LETTERS[question.answer]}. ${escapeMrkdwn(right.label)}*\n${escapeMrkdwn(question.why)}\n${share}`),
    ],
  };
}

/** What the agent sees privately after a click. */
export function buildAnswerFeedback(result: AnswerResult): string {
  if (result.status === 'unknown') return "That quiz isn't known any more.";
  const right = result.question.options[result.question.answer]!;
  // Options that are sentences ("What to do first?") end in their own full stop.
  const rightText = `${LETTERS[result.question.answer]}. ${escapeMrkdwn(right.label.replace(/[.!]\s*$/, ''))}`;
  if (result.status === 'closed') return `This quiz is closed. The answer was *${rightText}*.`;
  const yours = `${LETTERS[result.choice]}. ${escapeMrkdwn(result.question.options[result.choice]!.label)}`;
  if (result.status === 'already') return `You already answered (your answer: *${yours}*). Only the first answer counts.`;
  const verdict = result.correct ? '✅ Right!' : `❌ Not quite: the answer is *${rightText}*.`;
  return `${verdict}\n${escapeMrkdwn(result.question.why)}\n*Key action:* ${escapeMrkdwn(result.question.keyAction)}`;
}

/** `/customertype stats`: the agent's own record. */
export function buildStatsMessage(stats: AgentStats, playbooks: PlaybookSet): RenderedMessage {
  if (stats.answered === 0 && stats.byType.length === 0) {
    return { text: 'No quiz answers yet', blocks: [section('No quiz answers yet. Answer the next daily quiz to start your record.')] };
  }
  const name = (id: string) => escapeMrkdwn(playbooks.get(id)?.name ?? id);
  const lines = [
    `*Quizzes answered:* ${stats.answered}   *Right:* ${stats.correct} (${percent(stats.accuracy)})`,
    `*Streak:* ${stats.currentStreak} now, best ${stats.bestStreak}`,
  ];
  const byType = stats.byType.map((entry) => `${name(entry.typeId)}: ${entry.correct}/${entry.answered}`).join(' · ');
  return {
    text: `Your quiz stats: ${stats.correct}/${stats.answered} right`,
    blocks: [
      header('Your quiz stats'),
      section(lines.join('\n')),
      ...(stats.weakest.length ? [section(`*Worth practising:* ${stats.weakest.map((entry) => name(entry.typeId)).join(', ')}`)] : []),
      ...(byType ? [context(truncate(byType, 2900))] : []),
    ],
  };
}

function boardLines(rows: readonly LeaderboardRow[]): string {
  if (rows.length === 0) return '_No answers yet._';
  const medal = ['🥇', '🥈', '🥉'];
  return rows
    .map((row, index) => `${medal[index] ?? `${index + 1}.`} <@${escapeMrkdwn(row.userId)}>: ${row.correct}/${row.answered} right, ${(row.averageMs / 1000).toFixed(1)} s on average`)
    .join('\n');
}

/** `/customertype leaderboard` and the weekly post: most right answers, ties to the faster agent. */
export function buildLeaderboardMessage(boards: Leaderboards, heading: 'current' | 'week' = 'current'): RenderedMessage {
  const week = heading === 'week' ? `*The week of ${boards.weekStarts}*` : `*This week* (since ${boards.weekStarts})`;
  return {
    text: heading === 'week' ? `Quiz leaderboard for the week of ${boards.weekStarts}` : 'Quiz leaderboard',
    blocks: [
      header(heading === 'week' ? '🏆 This week\'s quiz leaderboard' : '🏆 Quiz leaderboard'),
      section(`${week}\n${boardLines(boards.week)}`),
      section(`*All time*\n${boardLines(boards.allTime)}`),
      context('Most right answers first; ties go to the faster answers. Practice questions do not count.'),
    ],
  };
}

export const DAY_CHOICES = [
  { text: 'Weekdays', value: '1-5' },
  { text: 'Every day', value: '*' },
  { text: 'Mon, Wed, Fri', value: '1,3,5' },
  { text: 'Tue, Thu', value: '2,4' },
];

/** The "quiz setup" form: channel, time, time zone and days. */
export function buildQuizSetupModal(defaults: { channelId?: string; schedule?: QuizSchedule; timeZone: string }): ModalView {
  const schedule = defaults.schedule;
  const days = DAY_CHOICES.find((choice) => choice.value === (schedule?.days ?? '1-5')) ?? DAY_CHOICES[0]!;
  const option = (choice: { text: string; value: string }) => ({ text: { type: 'plain_text' as const, text: choice.text }, value: choice.value });
  return {
    type: 'modal',
    callback_id: QUIZ_SETUP_VIEW,
    title: { type: 'plain_text', text: 'Daily quiz' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'channel',
        label: { type: 'plain_text', text: 'Channel' },
        element: {
          type: 'conversations_select',
          action_id: 'value',
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(defaults.channelId ? { initial_conversation: defaults.channelId } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'time',
        label: { type: 'plain_text', text: 'Time (HH:mm)' },
        element: { type: 'timepicker', action_id: 'value', initial_time: schedule?.postTime ?? '09:30' },
      },
      {
        type: 'input',
        block_id: 'time_zone',
        label: { type: 'plain_text', text: 'Time zone (IANA, e.g. Europe/London)' },
        element: { type: 'plain_text_input', action_id: 'value', initial_value: schedule?.timeZone ?? defaults.timeZone },
      },
      {
        type: 'input',
        block_id: 'close_time',
        optional: true,
        label: { type: 'plain_text', text: 'Reveal the answer at (optional; otherwise when the next quiz is posted)' },
        element: { type: 'timepicker', action_id: 'value', ...(schedule?.closeTime ? { initial_time: schedule.closeTime } : {}) },
      },
      {
        type: 'input',
        block_id: 'days',
        label: { type: 'plain_text', text: 'Days' },
        element: { type: 'static_select', action_id: 'value', options: DAY_CHOICES.map(option), initial_option: option(days) },
      },
    ],
  };
}

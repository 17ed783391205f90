import type { KnownBlock, ModalView } from '@slack/types';
import { catalogue, en, type Catalogue } from '../../i18n/index.js';
import type { QuizDays } from '../../i18n/en.js';
import { LANGS, type Lang } from '../../lang.js';
import { typeName } from '../../playbooks/localize.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { AnswerResult, Leaderboards } from '../../quiz/quiz-service.js';
import type { QuizQuestion } from '../../quiz/question.js';
import type { AgentStats } from '../../quiz/stats.js';
import type { LeaderboardRow, QuizSchedule } from '../../store/quiz-store.js';
import { escapeMrkdwn, mentionUser, truncateMrkdwn } from './mrkdwn.js';
import { built, context, header, joinEscaped, section } from './text.js';
import type { RenderedMessage } from './types.js';

export const QUIZ_ANSWER_ACTION = 'quiz_answer';
export const QUIZ_SETUP_VIEW = 'quiz_setup';
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** A question is shown in the language it was written in, whoever reads it. */
export const questionCatalogue = (question: QuizQuestion): Catalogue => catalogue(question.lang);

function questionBlocks(question: QuizQuestion): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(question.prompt)}*`)];
  if (question.message) blocks.push(section(`>${escapeMrkdwn(question.message).replace(/\n/g, '\n>')}`));
  blocks.push(section(question.options.map((option, index) => `*${LETTERS[index]}.* ${escapeMrkdwn(option.label)}`).join('\n')));
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
export function buildQuizMessage(quizId: number, question: QuizQuestion, answers: number, t: Catalogue = questionCatalogue(question)): RenderedMessage {
  return {
    text: t.quiz.fallback(escapeMrkdwn(question.prompt)),
    blocks: [header(t.quiz.title), ...questionBlocks(question), answerButtons(quizId, question), context(t.quiz.footer(answers))],
  };
}

/** A practice question, sent to one agent: graded like the quiz, never on a leaderboard. */
export function buildPracticeMessage(quizId: number, question: QuizQuestion, t: Catalogue = questionCatalogue(question)): RenderedMessage {
  return {
    text: t.quiz.practiceFallback(escapeMrkdwn(question.prompt)),
    blocks: [header(t.quiz.practiceTitle), ...questionBlocks(question), answerButtons(quizId, question), context(t.quiz.practiceFooter)],
  };
}

/** The quiz after it closes: the answer and how the team did, never who got it wrong. */
export function buildRevealedQuizMessage(
  question: QuizQuestion,
  tally: { answers: number; correct: number },
  t: Catalogue = questionCatalogue(question),
): RenderedMessage {
  const right = question.options[question.answer]!;
  const share = tally.answers === 0 ? t.quiz.nobody : t.quiz.share(t.format.percent(tally.correct / tally.answers), tally.answers);
  const answer = built(t.quiz.option(LETTERS[question.answer]!, escapeMrkdwn(right.label)));
  return {
    text: t.quiz.revealedFallback(escapeMrkdwn(right.label)),
    blocks: [header(t.quiz.revealedTitle), ...questionBlocks(question), section(`${t.quiz.answer(answer)}\n${escapeMrkdwn(question.why)}\n${share}`)],
  };
}

/** An option that is a sentence ("What to do first?") ends in its own full stop; inside our sentence it loses it. */
const withoutFullStop = (label: string) => label.replace(/[.!。！]\s*$/u, '');

/** What the agent sees privately after a click, in the question's language. */
export function buildAnswerFeedback(result: AnswerResult, t: Catalogue = result.status === 'unknown' ? en : questionCatalogue(result.question)): string {
  if (result.status === 'unknown') return t.feedback.unknown;
  const { question } = result;
  const rightText = built(t.quiz.option(LETTERS[question.answer]!, escapeMrkdwn(withoutFullStop(question.options[question.answer]!.label))));
  if (result.status === 'closed') return t.feedback.closed(rightText);
  const yours = built(t.quiz.option(LETTERS[result.choice]!, escapeMrkdwn(question.options[result.choice]!.label)));
  if (result.status === 'already') return t.feedback.already(yours);
  const verdict = result.correct ? t.feedback.right : t.feedback.wrong(rightText);
  return `${verdict}\n${escapeMrkdwn(question.why)}\n${t.feedback.keyAction(escapeMrkdwn(question.keyAction))}`;
}

/** `/customertype stats`: the agent's own record. */
export function buildStatsMessage(stats: AgentStats, playbooks: PlaybookSet, t: Catalogue = en): RenderedMessage {
  if (stats.answered === 0 && stats.byType.length === 0) {
    return { text: t.stats.emptyFallback, blocks: [section(t.stats.empty)] };
  }
  const name = (id: string) => escapeMrkdwn(typeName(playbooks, id, t.lang));
  const lines = [t.stats.totals(stats.answered, stats.correct, t.format.percent(stats.accuracy)), t.stats.streak(stats.currentStreak, stats.bestStreak)];
  const byType = stats.byType.map((entry) => t.stats.byType(name(entry.typeId), entry.correct, entry.answered)).join(t.stats.byTypeSeparator);
  const weakest = joinEscaped(stats.weakest.map((entry) => name(entry.typeId)), t.format.listSeparator);
  return {
    text: t.stats.fallback(stats.correct, stats.answered),
    blocks: [
      header(t.stats.title),
      section(lines.join('\n')),
      ...(stats.weakest.length ? [section(t.stats.worthPractising(weakest))] : []),
      ...(byType ? [context(truncateMrkdwn(byType, 2900))] : []),
    ],
  };
}

function boardLines(rows: readonly LeaderboardRow[], t: Catalogue): string {
  if (rows.length === 0) return t.leaderboard.empty;
  const medal = ['🥇', '🥈', '🥉'];
  return rows
    .map((row, index) => t.leaderboard.row(medal[index] ?? `${index + 1}.`, mentionUser(row.userId), row.correct, row.answered, t.format.seconds(row.averageMs)))
    .join('\n');
}

/** `/customertype leaderboard` and the weekly post: most right answers, ties to the faster agent. */
export function buildLeaderboardMessage(boards: Leaderboards, heading: 'current' | 'week' = 'current', t: Catalogue = en): RenderedMessage {
  const weekly = heading === 'week';
  const week = weekly ? t.leaderboard.weekOf(t.format.dayWithYear(boards.weekStarts)) : t.leaderboard.thisWeek(t.format.day(boards.weekStarts));
  return {
    text: weekly ? t.leaderboard.weekFallback(t.format.dayWithYear(boards.weekStarts)) : t.leaderboard.fallback,
    blocks: [
      header(weekly ? t.leaderboard.weekTitle : t.leaderboard.title),
      section(`${week}\n${boardLines(boards.week, t)}`),
      section(`${t.leaderboard.allTime}\n${boardLines(boards.allTime, t)}`),
      context(t.leaderboard.footer),
    ],
  };
}

export const DAY_CHOICES: ReadonlyArray<{ text: string; value: QuizDays }> = (['1-5', '*', '1,3,5', '2,4'] as const).map((value) => ({
  text: en.quizSetup.dayOptions[value],
  value,
}));

/** The days of a schedule inside a sentence, in the catalogue's language; a hand-written cron field as it is. */
export function dayNames(days: string, t: Catalogue): string {
  const choice = DAY_CHOICES.find((each) => each.value === days);
  return choice ? t.quizSetup.dayNames[choice.value] : escapeMrkdwn(days);
}

export interface QuizSetupDefaults {
  channelId?: string | undefined;
  schedule?: QuizSchedule | undefined;
  timeZone: string;
  /** The questions' language when the channel has no schedule yet: the workspace's. */
  language?: Lang;
}

/** The "quiz setup" form: channel, time, time zone, days and the questions' language, labelled in the agent's language. */
export function buildQuizSetupModal(defaults: QuizSetupDefaults, t: Catalogue = en): ModalView {
  const schedule = defaults.schedule;
  const days = DAY_CHOICES.find((choice) => choice.value === (schedule?.days ?? '1-5')) ?? DAY_CHOICES[0]!;
  const plain = (text: string) => ({ type: 'plain_text' as const, text });
  const option = (text: string, value: string) => ({ text: plain(text), value });
  const language = schedule?.lang ?? defaults.language ?? 'en';
  return {
    type: 'modal',
    callback_id: QUIZ_SETUP_VIEW,
    title: plain(t.quizSetup.title),
    submit: plain(t.quizSetup.save),
    close: plain(t.quizSetup.cancel),
    blocks: [
      {
        type: 'input',
        block_id: 'channel',
        label: plain(t.quizSetup.channel),
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
        label: plain(t.quizSetup.time),
        element: { type: 'timepicker', action_id: 'value', initial_time: schedule?.postTime ?? '09:30' },
      },
      {
        type: 'input',
        block_id: 'time_zone',
        label: plain(t.quizSetup.timeZone),
        element: { type: 'plain_text_input', action_id: 'value', initial_value: schedule?.timeZone ?? defaults.timeZone },
      },
      {
        type: 'input',
        block_id: 'close_time',
        optional: true,
        label: plain(t.quizSetup.closeTime),
        element: { type: 'timepicker', action_id: 'value', ...(schedule?.closeTime ? { initial_time: schedule.closeTime } : {}) },
      },
      {
        type: 'input',
        block_id: 'days',
        label: plain(t.quizSetup.days),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: DAY_CHOICES.map((choice) => option(t.quizSetup.dayOptions[choice.value], choice.value)),
          initial_option: option(t.quizSetup.dayOptions[days.value], days.value),
        },
      },
      {
        type: 'input',
        block_id: 'language',
        label: plain(t.quizSetup.language),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: LANGS.map((lang) => option(t.quizSetup.languageOptions[lang], lang)),
          initial_option: option(t.quizSetup.languageOptions[language], language),
        },
      },
    ],
  };
}

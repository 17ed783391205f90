import type { webApi } from '@slack/bolt';
import { catalogue } from '../i18n/index.js';
import type { Lang } from '../lang.js';
import type { QuizPublisher } from '../quiz/quiz-service.js';
import type { QuizQuestion } from '../quiz/question.js';
import type { QuizRow } from '../store/quiz-store.js';
import type { Leaderboards } from '../quiz/quiz-service.js';
import { buildLeaderboardMessage, buildPracticeMessage, buildQuizMessage, buildRevealedQuizMessage } from './blocks/quiz.js';
import { slackErrorCode } from './slack-error.js';
import { ChannelPoster } from './channel-poster.js';

/** chat.update errors that mean the quiz message can never be updated again. */
const GONE = new Set(['message_not_found', 'channel_not_found', 'cant_update_message', 'is_archived', 'not_in_channel']);

export { ChannelAccessError } from './channel-poster.js';

/** Posts and updates quiz messages in Slack. Joins a public channel it is not in; asks for an invite to a private one. */
export class SlackQuizPublisher extends ChannelPoster implements QuizPublisher {
  async post(channelId: string, quizId: number, question: QuizQuestion, options: { practice?: boolean; resume?: boolean } = {}): Promise<string> {
    const message = { channel: channelId, ...(options.practice ? buildPracticeMessage(quizId, question) : buildQuizMessage(quizId, question, 0)) };
    return this.postJoining(message, `quiz:${quizId}`, { checkFirst: options.resume === true });
  }

  async postLeaderboard(channelId: string, boards: Leaderboards, lang?: Lang): Promise<void> {
    await this.poster.post({ channel: channelId, ...buildLeaderboardMessage(boards, 'week', catalogue(lang)) }, `weekly:${channelId}:${boards.weekStarts}`);
  }

  async updateCount(quiz: QuizRow, answers: number): Promise<void> {
    if (!quiz.messageTs) return;
    await this.client.chat.update({ channel: quiz.channelId, ts: quiz.messageTs, ...buildQuizMessage(quiz.id, quiz.question, answers) });
  }

  /** A quiz whose message or channel is gone has nothing left to reveal: that counts as done, not as a failure to retry forever. */
  async reveal(quiz: QuizRow, tally: { answers: number; correct: number }): Promise<void> {
    if (!quiz.messageTs) return;
    try {
      await this.client.chat.update({ channel: quiz.channelId, ts: quiz.messageTs, ...buildRevealedQuizMessage(quiz.question, tally) });
    } catch (error) {
      if (!GONE.has(slackErrorCode(error) ?? '')) throw error;
    }
  }
}

import type { Lang } from '../lang.js';
import type { DigestDelivery, DigestMessage } from '../insights/digest-service.js';
import type { Leaderboards, QuizPublisher } from '../quiz/quiz-service.js';
import type { QuizQuestion } from '../quiz/question.js';
import type { QuizRow } from '../store/quiz-store.js';
import { SlackDigestDelivery } from './digest-delivery.js';
import { SlackQuizPublisher } from './quiz-publisher.js';
import type { WorkspaceClients } from './workspace-clients.js';

/** Posts each workspace's quiz with that workspace's own token. */
export class WorkspaceQuizPublisher implements QuizPublisher {
  constructor(
    private readonly workspaces: WorkspaceClients,
    private readonly postAttempts: number,
  ) {}

  private async publisher(teamId: string | null | undefined): Promise<SlackQuizPublisher> {
    const { calls, posts } = await this.workspaces.forTeam(teamId ?? undefined);
    return new SlackQuizPublisher(calls, posts, this.postAttempts);
  }

  async post(channelId: string, quizId: number, question: QuizQuestion, options: { practice?: boolean; resume?: boolean; teamId?: string | undefined } = {}): Promise<string> {
    return (await this.publisher(options.teamId)).post(channelId, quizId, question, options);
  }

  async updateCount(quiz: QuizRow, answers: number): Promise<void> {
    await (await this.publisher(quiz.teamId)).updateCount(quiz, answers);
  }

  async reveal(quiz: QuizRow, tally: { answers: number; correct: number }): Promise<void> {
    await (await this.publisher(quiz.teamId)).reveal(quiz, tally);
  }

  async postLeaderboard(channelId: string, boards: Leaderboards, lang?: Lang, teamId?: string): Promise<void> {
    await (await this.publisher(teamId)).postLeaderboard(channelId, boards, lang);
  }

  async directChannel(userId: string, teamId?: string): Promise<string> {
    return (await this.publisher(teamId)).directChannel(userId);
  }
}

/** Sends each workspace's digest with that workspace's own token. */
export class WorkspaceDigestDelivery implements DigestDelivery {
  constructor(
    private readonly workspaces: WorkspaceClients,
    private readonly postAttempts: number,
  ) {}

  private async delivery(teamId: string | undefined): Promise<SlackDigestDelivery> {
    const { calls, posts } = await this.workspaces.forTeam(teamId);
    return new SlackDigestDelivery(calls, posts, this.postAttempts);
  }

  async postToChannel(channelId: string, message: DigestMessage, key: string, options: { checkFirst: boolean; teamId?: string }): Promise<void> {
    await (await this.delivery(options.teamId)).postToChannel(channelId, message, key, options);
  }

  async sendToUser(userId: string, message: DigestMessage, key: string, teamId?: string): Promise<void> {
    await (await this.delivery(teamId)).sendToUser(userId, message, key);
  }
}

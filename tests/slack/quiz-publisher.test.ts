import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { SlackQuizPublisher } from '../../src/slack/quiz-publisher.js';
import type { QuizRow } from '../../src/store/quiz-store.js';

const quiz = {
  id: 7,
  teamId: 'T1',
  channelId: 'C1',
  localDate: '2026-11-23',
  question: { kind: 'which-type', typeId: 'angry', questionKey: 'k', prompt: 'Which type?', options: [{ label: 'Angry', typeId: 'angry' }], answer: 0, why: 'w', keyAction: 'a' },
  practiceUserId: null,
  messageTs: '1.000',
  status: 'posted',
  postedAt: '2026-11-23T09:30:00Z',
  closedAt: null,
  createdAt: '2026-11-23T09:29:59Z',
} satisfies QuizRow;

function publisherFailingWith(code: string) {
  const client = { chat: { update: async () => Promise.reject(Object.assign(new Error(`An API error occurred: ${code}`), { data: { ok: false, error: code } })) } };
  return new SlackQuizPublisher(client as unknown as webApi.WebClient);
}

describe('SlackQuizPublisher.reveal', () => {
  it('treats a deleted quiz message as revealed, so it is not retried every half minute', async () => {
    await expect(publisherFailingWith('message_not_found').reveal(quiz, { answers: 1, correct: 1 })).resolves.toBeUndefined();
    await expect(publisherFailingWith('channel_not_found').reveal(quiz, { answers: 1, correct: 1 })).resolves.toBeUndefined();
  });

  it('passes on a failure that may go away, to be tried again', async () => {
    await expect(publisherFailingWith('ratelimited').reveal(quiz, { answers: 1, correct: 1 })).rejects.toThrow('ratelimited');
  });
});

import type { HomeView } from '@slack/types';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { Leaderboards } from '../../quiz/quiz-service.js';
import type { AgentStats } from '../../quiz/stats.js';
import { COMMAND } from './help.js';
import { buildLeaderboardMessage, buildStatsMessage } from './quiz.js';
import { context, section } from './text.js';

export const PRACTICE_ACTION = 'quiz_practice';

/** The App Home tab: the agent's own stats, the team leaderboard and a practice button. */
export function buildHomeView(stats: AgentStats, boards: Leaderboards, playbooks: PlaybookSet): HomeView {
  return {
    type: 'home',
    blocks: [
      ...buildStatsMessage(stats, playbooks).blocks,
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: PRACTICE_ACTION,
            style: 'primary',
            text: { type: 'plain_text', text: 'Practice' },
            value: 'practice',
          },
        ],
      },
      context('Practice sends you a question on your weakest types in a direct message. It never counts on the leaderboard.'),
      { type: 'divider' },
      ...buildLeaderboardMessage(boards).blocks,
      { type: 'divider' },
      section(`Classify a customer message with \`${COMMAND} <message>\`, or *Classify customer type* in any message's ⋯ menu.`),
    ],
  };
}

import type { HomeView } from '@slack/types';
import { en, type Catalogue } from '../../i18n/index.js';
import type { PlaybookSet } from '../../playbooks/playbook-set.js';
import type { Leaderboards } from '../../quiz/quiz-service.js';
import type { AgentStats } from '../../quiz/stats.js';
import { buildLeaderboardMessage, buildStatsMessage } from './quiz.js';
import { context, section } from './text.js';

export const PRACTICE_ACTION = 'quiz_practice';

/** The App Home tab: the agent's own stats, the team leaderboard and a practice button. */
export function buildHomeView(stats: AgentStats, boards: Leaderboards, playbooks: PlaybookSet, t: Catalogue = en): HomeView {
  return {
    type: 'home',
    blocks: [
      ...buildStatsMessage(stats, playbooks, t).blocks,
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: PRACTICE_ACTION, style: 'primary', text: { type: 'plain_text', text: t.home.practice }, value: 'practice' }],
      },
      context(t.home.practiceHint),
      { type: 'divider' },
      ...buildLeaderboardMessage(boards, 'current', t).blocks,
      { type: 'divider' },
      section(t.home.classifyHint),
    ],
  };
}

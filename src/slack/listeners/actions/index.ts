import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { CORRECT_ACTION, SHARE_ACTION } from '../../blocks/guidance.js';
import type { ListenerDeps } from '../deps.js';
import { QUIZ_ANSWER_ACTION } from '../../blocks/quiz.js';
import { correctType } from './correct-type.js';
import { quizAnswer } from './quiz-answer.js';
import { quizPractice } from './quiz-practice.js';
import { PRACTICE_ACTION } from '../../blocks/home.js';

const QUIZ_ANSWER_PATTERN = new RegExp(`^${QUIZ_ANSWER_ACTION}_\\d$`);
import { shareGuidance } from './share-guidance.js';

export const ACTION_IDS = [SHARE_ACTION, CORRECT_ACTION, QUIZ_ANSWER_PATTERN, PRACTICE_ACTION];

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, shareGuidance(deps));
  app.action<BlockAction<StaticSelectAction>>(CORRECT_ACTION, correctType(deps));
  app.action<BlockAction<ButtonAction>>(QUIZ_ANSWER_PATTERN, quizAnswer(deps));
  app.action<BlockAction<ButtonAction>>(PRACTICE_ACTION, quizPractice(deps));
}

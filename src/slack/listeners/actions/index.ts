import type { App, BlockAction, ButtonAction, CheckboxesAction, StaticSelectAction } from '@slack/bolt';
import { EXAMPLE_REMOVE_ACTION, TEACH_ACTION, TEACHING_OFF_ACTION, TEACHING_ON_ACTION } from '../../blocks/teaching.js';
import { teachExample } from './teach-example.js';
import { removeTeamExample, switchTeachingOff, switchTeachingOn } from './team-examples.js';
import { CORRECT_ACTION, SHARE_ACTION } from '../../blocks/guidance.js';
import type { ListenerDeps } from '../deps.js';
import { QUIZ_ANSWER_ACTION } from '../../blocks/quiz.js';
import { correctType } from './correct-type.js';
import { quizAnswer } from './quiz-answer.js';
import { quizPractice } from './quiz-practice.js';
import { PRACTICE_ACTION } from '../../blocks/home.js';

const QUIZ_ANSWER_PATTERN = new RegExp(`^${QUIZ_ANSWER_ACTION}_\\d$`);
import { shareGuidance } from './share-guidance.js';
import { ERASE_ACTION } from '../../blocks/erase.js';
import { eraseWorkspaceData } from './erase-workspace-data.js';

export const ACTION_IDS = [SHARE_ACTION, CORRECT_ACTION, QUIZ_ANSWER_PATTERN, PRACTICE_ACTION, TEACH_ACTION, EXAMPLE_REMOVE_ACTION, TEACHING_OFF_ACTION, TEACHING_ON_ACTION, ERASE_ACTION];

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, shareGuidance(deps));
  app.action<BlockAction<StaticSelectAction>>(CORRECT_ACTION, correctType(deps));
  app.action<BlockAction<ButtonAction>>(QUIZ_ANSWER_PATTERN, quizAnswer(deps));
  app.action<BlockAction<ButtonAction>>(PRACTICE_ACTION, quizPractice(deps));
  app.action<BlockAction<CheckboxesAction>>(TEACH_ACTION, teachExample(deps));
  app.action<BlockAction<ButtonAction>>(EXAMPLE_REMOVE_ACTION, removeTeamExample(deps));
  app.action<BlockAction<ButtonAction>>(TEACHING_OFF_ACTION, switchTeachingOff(deps));
  app.action<BlockAction<ButtonAction>>(TEACHING_ON_ACTION, switchTeachingOn(deps));
  app.action<BlockAction<ButtonAction>>(ERASE_ACTION, eraseWorkspaceData(deps));
}

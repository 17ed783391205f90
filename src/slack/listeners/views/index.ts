import type { App } from '@slack/bolt';
import { QUIZ_SETUP_VIEW } from '../../blocks/quiz.js';
import type { ListenerDeps } from '../deps.js';
import { quizSetupSubmitted } from './quiz-setup.js';

export const VIEW_IDS = [QUIZ_SETUP_VIEW];

export function register(app: App, deps: ListenerDeps): void {
  app.view(QUIZ_SETUP_VIEW, quizSetupSubmitted(deps));
}

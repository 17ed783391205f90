import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { CORRECT_ACTION, SHARE_ACTION } from '../../blocks/guidance.js';
import type { ListenerDeps } from '../deps.js';
import { correctType } from './correct-type.js';
import { shareGuidance } from './share-guidance.js';

export const ACTION_IDS = [SHARE_ACTION, CORRECT_ACTION];

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, shareGuidance(deps));
  app.action<BlockAction<StaticSelectAction>>(CORRECT_ACTION, correctType(deps));
}

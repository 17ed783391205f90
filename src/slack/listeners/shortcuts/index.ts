import type { App, MessageShortcut } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { CLASSIFY_MESSAGE, classifyMessageShortcut } from './classify-message.js';

export const SHORTCUT_IDS = [CLASSIFY_MESSAGE];

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: CLASSIFY_MESSAGE }, classifyMessageShortcut(deps));
}

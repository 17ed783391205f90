import type { App } from '@slack/bolt';
import * as commands from './commands/index.js';
import type { ListenerDeps } from './deps.js';

export type { ListenerDeps };

export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
}

import type { App } from '@slack/bolt';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import type { ListenerDeps } from './deps.js';
import * as events from './events/index.js';
import * as shortcuts from './shortcuts/index.js';
import * as views from './views/index.js';
import { ackUnknownInteractions } from './unknown.js';

export type { ListenerDeps };

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(
    ackUnknownInteractions(
      { commands: commands.COMMANDS, actions: actions.ACTION_IDS, shortcuts: shortcuts.SHORTCUT_IDS, views: views.VIEW_IDS },
      deps.logger,
    ),
  );
  commands.register(app, deps);
  actions.register(app, deps);
  shortcuts.register(app, deps);
  views.register(app, deps);
  events.register(app, deps);
}

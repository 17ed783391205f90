import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { customertypeCommand } from './customertype.js';

export const COMMANDS = ['/customertype'];

export function register(app: App, deps: ListenerDeps): void {
  app.command('/customertype', customertypeCommand(deps));
}

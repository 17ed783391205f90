import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthorizationError,
  HTTPReceiver,
  type App,
  type Receiver,
  type ReceiverEvent,
  type ReceiverProcessEventErrorHandlerArgs,
  type ReceiverUnhandledRequestHandlerArgs,
} from '@slack/bolt';
import type { Logger } from '../logging/logger.js';
import { asBoltLogger } from './bolt-logger.js';
import { closeServer, healthListener, listen, sendStatus, type HealthCheck, type ListenOptions } from '../http/server.js';
import { isFreshTimestamp } from '../http/timestamp.js';

export const SLACK_EVENTS_PATH = '/slack/events';

const INTERACTION_TYPES = new Set([
  'block_actions',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'message_action',
  'shortcut',
  'view_submission',
  'view_closed',
]);

/** The bodies Bolt can route: an event, a slash command, an options request or an interaction. */
function isRoutable(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const fields = body as Record<string, unknown>;
  if (typeof fields.event === 'object' && fields.event !== null) return true;
  if (typeof fields.command === 'string' || typeof fields.name === 'string') return true;
  return typeof fields.type === 'string' && INTERACTION_TYPES.has(fields.type);
}

export interface GuardedReceiverOptions {
  signingSecret: string;
  logger: Logger;
  health: HealthCheck;
  now?: () => number;
}

/**
 * Bolt's HTTPReceiver behind a stricter gate: it rejects signed requests stamped in the future as
 * well as the past, and serves `/healthz` on the same port. Signature checking stays Bolt's.
 */
export class GuardedHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private readonly logger: Logger;
  private readonly health: HealthCheck;
  private readonly now: () => number;
  private server: Server | undefined;

  constructor({ signingSecret, logger, health, now = Date.now }: GuardedReceiverOptions) {
    this.logger = logger;
    this.health = health;
    this.now = now;
    this.bolt = new HTTPReceiver({
      signingSecret,
      endpoints: [SLACK_EVENTS_PATH],
      logger: asBoltLogger(logger),
      processEventErrorHandler: (args) => this.onListenerError(args),
      unhandledRequestHandler: (args) => this.onUnhandled(args),
    });
  }

  init(app: App): void {
    // Bolt drops a body whose kind it cannot tell (no event, command or interaction type) without
    // acking it, and Slack would wait three seconds for nothing. Answer those at once instead.
    const gate = Object.create(app) as App;
    gate.processEvent = async (event: ReceiverEvent) => {
      if (isRoutable(event.body)) return app.processEvent(event);
      this.logger.warn('Ignored a request whose kind could not be told (no event, command or interaction type)');
      await event.ack();
    };
    this.bolt.init(gate);
  }

  get address(): AddressInfo | undefined {
    return (this.server?.address() as AddressInfo | null) ?? undefined;
  }

  async start(options: ListenOptions): Promise<Server> {
    const answerHealth = healthListener(this.health);
    this.server = createServer((req, res) => {
      if (answerHealth(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== SLACK_EVENTS_PATH) return sendStatus(res, 404);
      if (req.method !== 'POST') return sendStatus(res, 405);
      if (!isFreshTimestamp(req.headers['x-slack-request-timestamp'], this.now())) {
        this.logger.warn(`Rejected a request to ${SLACK_EVENTS_PATH}: missing, stale or future x-slack-request-timestamp`);
        req.resume();
        return sendStatus(res, 401);
      }
      this.bolt.requestListener(req, res);
    });
    await listen(this.server, options);
    return this.server;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
    this.server = undefined;
  }

  private async onListenerError({ error, response }: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
    if (error instanceof AuthorizationError) {
      this.logger.warn(`Authorization failed: ${error.message}`);
      sendStatus(response, 401);
      return true;
    }
    this.logger.error(`A listener failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    // Slack shows the user its own generic error for a 5xx; our listeners tell the user themselves.
    sendStatus(response, 200);
    return true;
  }

  private onUnhandled({ response }: ReceiverUnhandledRequestHandlerArgs): void {
    this.logger.warn('A request was not acknowledged within 3 seconds (no listener for it?)');
    sendStatus(response, 200);
  }
}


import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthorizationError,
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
  isValidSlackRequest,
  type App,
  type Receiver,
  type ReceiverEvent,
  type ReceiverProcessEventErrorHandlerArgs,
  type ReceiverUnhandledRequestHandlerArgs,
} from '@slack/bolt';
import type { Logger } from '../logging/logger.js';
import { asBoltLogger } from './bolt-logger.js';
import { closeServer, createLimitedServer, healthListener, listen, refuseUnread, sendStatus, type HealthCheck, type ListenOptions } from '../http/server.js';
import { isFreshTimestamp } from '../http/timestamp.js';
import { ByteBudget } from '../http/byte-budget.js';
import { MAX_BODY_BYTES, UNVERIFIED_BYTES_BUDGET } from '../http/limits.js';
import { declaredLength, hasWellFormedSignature } from '../http/slack-headers.js';
import { unroutableReason } from './routable.js';
import { dropForeignResponseUrls, responseUrlOrigins } from './response-url.js';
import { INSTALL_PATH, REDIRECT_PATH, type OAuthInstall } from './oauth-install.js';

export const SLACK_EVENTS_PATH = '/slack/events';

type BufferedIncomingMessage = IncomingMessage & { rawBody: Buffer };

/**
 * Whether Bolt would parse the body to `null`, asked of Bolt's own parser so the two cannot drift
 * apart. A body it cannot parse at all is left to Bolt, which answers it with 400.
 */
function parsesToNull(req: BufferedIncomingMessage): boolean {
  try {
    return HTTPModuleFunctions.parseHTTPRequestBody(req) === null;
  } catch {
    return false;
  }
}

function slackHeaders(req: IncomingMessage) {
  return {
    'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
    'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
  };
}

/** Why a request is refused on its headers alone, before a byte of its body is read. */
function refusalByHeaders(headers: IncomingHttpHeaders, nowMs: number): { status: number; reason: string } | undefined {
  if (!hasWellFormedSignature(headers)) return { status: 401, reason: 'missing or malformed x-slack-signature' };
  if (!isFreshTimestamp(headers['x-slack-request-timestamp'], nowMs)) {
    return { status: 401, reason: 'missing, stale or future x-slack-request-timestamp' };
  }
  const length = declaredLength(headers);
  if (Number.isNaN(length)) return { status: 400, reason: 'unreadable content-length' };
  if (length !== undefined && length > MAX_BODY_BYTES) return { status: 413, reason: `a body over ${MAX_BODY_BYTES} bytes` };
  return undefined;
}

export interface GuardedReceiverOptions {
  signingSecret: string;
  /** `SLACK_API_URL`, whose origin response URLs may point at besides Slack's. */
  slackApiUrl?: string | undefined;
  logger: Logger;
  health: HealthCheck;
  now?: () => number;
  /** With Slack OAuth: the install page and the redirect Slack sends the installer back to. */
  oauth?: OAuthInstall | undefined;
}

/**
 * Bolt's HTTPReceiver behind a stricter gate: it refuses on their headers alone requests that cannot
 * be Slack's (no signature, a stale or future timestamp, a body too large), caps the memory bodies
 * not yet verified may hold, keeps payloads Bolt would trip over from reaching it, drops response
 * URLs outside Slack, and serves `/healthz` on the same port. Signature checking stays Bolt's.
 */
export class GuardedHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private readonly logger: Logger;
  private readonly health: HealthCheck;
  private readonly now: () => number;
  private readonly signingSecret: string;
  private readonly responseOrigins: ReadonlySet<string>;
  private readonly unverifiedBytes = new ByteBudget(UNVERIFIED_BYTES_BUDGET);
  private readonly oauth: OAuthInstall | undefined;
  private server: Server | undefined;

  constructor({ signingSecret, slackApiUrl, logger, health, now = Date.now, oauth }: GuardedReceiverOptions) {
    this.oauth = oauth;
    this.signingSecret = signingSecret;
    this.responseOrigins = responseUrlOrigins(slackApiUrl);
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
    // Bolt also dereferences parts of a payload without checking them, and posts to any response URL.
    const gate = Object.create(app) as App;
    gate.processEvent = async (event: ReceiverEvent) => {
      const problem = unroutableReason(event.body);
      if (problem !== undefined) {
        this.logger.warn(`Ignored a malformed request: ${problem}`);
        await event.ack();
        return;
      }
      const dropped = dropForeignResponseUrls(event.body, this.responseOrigins);
      if (dropped.length > 0) this.logger.warn(`Dropped a response URL outside Slack (${dropped.join(', ')}); nothing will be posted to it`);
      return app.processEvent(event);
    };
    this.bolt.init(gate);
  }

  get address(): AddressInfo | undefined {
    return (this.server?.address() as AddressInfo | null) ?? undefined;
  }

  async start(options: ListenOptions): Promise<Server> {
    const answerHealth = healthListener(this.health);
    this.server = createLimitedServer((req, res) => {
      if (answerHealth(req, res)) return;
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (this.oauth && (path === INSTALL_PATH || path === REDIRECT_PATH)) return this.serveInstall(path, req, res);
      if (path !== SLACK_EVENTS_PATH) return refuseUnread(req, res, 404);
      if (req.method !== 'POST') return refuseUnread(req, res, 405);
      const refusal = refusalByHeaders(req.headers, this.now());
      if (refusal) {
        this.logger.warn(`Rejected a request to ${SLACK_EVENTS_PATH}: ${refusal.reason}`);
        return refuseUnread(req, res, refusal.status);
      }
      // A chunked body may grow to the limit before it is cut off, so it holds the limit.
      const reserved = declaredLength(req.headers) ?? MAX_BODY_BYTES;
      if (!this.unverifiedBytes.tryTake(reserved)) {
        this.logger.warn(`Turned away a request to ${SLACK_EVENTS_PATH}: ${UNVERIFIED_BYTES_BUDGET} bytes of unverified bodies are being read already`);
        return refuseUnread(req, res, 503, { 'retry-after': '1' });
      }
      void this.forward(req, res).finally(() => this.unverifiedBytes.giveBack(reserved));
    });
    await listen(this.server, options);
    return this.server;
  }

  /**
   * Reads the body once (Bolt reuses it), and answers what Bolt cannot: a body that parses to
   * `null` makes Bolt's request handler throw where no one catches it, leaving the request open
   * until the client gives up and holding up shutdown.
   */
  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, MAX_BODY_BYTES);
    } catch (error) {
      const tooLarge = isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
      this.logger.warn(tooLarge ? `Rejected a request body over ${MAX_BODY_BYTES} bytes` : `Could not read a request body: ${(error as Error).message}`);
      // Cut off where it stands: the rest of the body is not read.
      return refuseUnread(req, res, tooLarge ? 413 : 400);
    }
    if (parsesToNull(buffered)) {
      const signed = isValidSlackRequest({ signingSecret: this.signingSecret, body: buffered.rawBody.toString(), headers: slackHeaders(buffered) });
      this.logger.warn('Rejected a request whose body is null');
      return sendStatus(res, signed ? 400 : 401);
    }
    this.bolt.requestListener(buffered, res);
  }

  /** The browser's side of an install: no Slack signature here; the redirect is checked by its state cookie instead. */
  private serveInstall(path: string, req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return refuseUnread(req, res, 405);
    const oauth = this.oauth!;
    const handle = path === INSTALL_PATH ? oauth.handleInstall : oauth.handleRedirect;
    req.resume();
    void handle(req, res).catch((error: unknown) => {
      this.logger.error(`Serving ${path} failed: ${(error as Error).message}`);
      if (!res.headersSent) sendStatus(res, 500);
    });
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


import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  method: string;
  /** Form fields or JSON body; `blocks`, `view` and `attachments` given as JSON strings are parsed. */
  body: Record<string, any>;
  /** The `:id` part of a response URL, for `response_url` calls. */
  responseId?: string;
  token?: string;
}

export type FakeAnswer = {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
  delayMs?: number;
  /** The call took effect whatever the answer says: Slack stored the message, then failed to say so. */
  landed?: boolean;
  /** Cut the connection instead of answering (after the call took effect, when `landed`). */
  reset?: boolean;
};
export type FakeHandler = (call: RecordedCall) => FakeAnswer | undefined;

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

async function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw === '') return {};
  const type = req.headers['content-type'] ?? '';
  const body: Record<string, any> = type.includes('application/json')
    ? JSON.parse(raw)
    : Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    if (typeof body[field] === 'string') {
      try {
        body[field] = JSON.parse(body[field]);
      } catch {
        // left as the string the client sent
      }
    }
  }
  return body;
}

let tsCounter = 1_700_000_000;
const nextTs = () => `${(tsCounter += 1)}.000100`;

type History = ReadonlyMap<string, ReadonlyArray<Record<string, unknown>>>;

/** A file as `files.uploadV2` sent it: asked for, uploaded, then shared by `files.completeUploadExternal`. */
export interface UploadedFile {
  id: string;
  filename: string;
  length: number;
  content?: Buffer;
  title?: string;
  altText?: string;
  /** Where it was shared, once completed. */
  channelId?: string;
  initialComment?: string;
}

let fileCounter = 0;

/** A workspace (or, with `enterpriseId` and `org`, an Enterprise Grid org) the fake installs the app in through `oauth.v2.access`. */
export interface FakeInstall {
  teamId: string;
  teamName?: string;
  enterpriseId?: string;
  /** An org-wide install: no team in the answer. */
  org?: boolean;
  botToken: string;
  botUserId?: string;
  /** Token rotation: a refresh token, and how long each bot token lasts. */
  refreshToken?: string;
  expiresIn?: number;
}

/** Who each token belongs to, as `auth.test` says; a token not listed is the default T0FAKE bot. */
interface TokenOwner {
  teamId: string;
  botUserId: string;
  enterpriseId?: string;
}

let rotation = 0;

function oauthAnswer(call: RecordedCall, installs: Map<string, FakeInstall>, owners: Map<string, TokenOwner>): unknown {
  if (call.body.grant_type === 'refresh_token') {
    const install = [...installs.values()].find((candidate) => candidate.refreshToken === call.body.refresh_token);
    if (!install) return { ok: false, error: 'invalid_refresh_token' };
    const botToken = `${install.botToken.replace(/-r\d+$/, '')}-r${(rotation += 1)}`;
    install.botToken = botToken;
    install.refreshToken = `${install.refreshToken}-r${rotation}`;
    owners.set(botToken, { teamId: install.teamId, botUserId: install.botUserId ?? `UBOT${install.teamId}` });
    return { ok: true, token_type: 'bot', access_token: botToken, refresh_token: install.refreshToken, expires_in: 43_200, team: { id: install.teamId } };
  }
  const install = installs.get(String(call.body.code));
  if (!install) return { ok: false, error: 'invalid_code' };
  installs.delete(String(call.body.code));
  installs.set(`installed:${install.botToken}`, install);
  owners.set(install.botToken, { teamId: install.teamId, botUserId: install.botUserId ?? `UBOT${install.teamId}`, ...(install.enterpriseId ? { enterpriseId: install.enterpriseId } : {}) });
  return {
    ok: true,
    app_id: 'A0CUSTOMERTYPE',
    authed_user: { id: 'U0INSTALLER' },
    scope: 'commands,chat:write',
    token_type: 'bot',
    access_token: install.botToken,
    bot_user_id: install.botUserId ?? `UBOT${install.teamId}`,
    team: install.org ? null : { id: install.teamId, name: install.teamName ?? install.teamId },
    enterprise: install.enterpriseId ? { id: install.enterpriseId, name: 'Grid' } : null,
    is_enterprise_install: install.org === true,
    ...(install.refreshToken ? { refresh_token: install.refreshToken, expires_in: install.expiresIn ?? 43_200 } : {}),
  };
}

function defaultAnswer(call: RecordedCall, locales: ReadonlyMap<string, string>, history: History, files: FakeSlack['files'], url: string, installs: Map<string, FakeInstall>, owners: Map<string, TokenOwner>): unknown {
  switch (call.method) {
    case 'files.getUploadURLExternal': {
      const id = `F${(fileCounter += 1)}`;
      files.set(id, { id, filename: String(call.body.filename), length: Number(call.body.length), ...(call.body.alt_text ? { altText: call.body.alt_text } : {}) });
      return { ok: true, upload_url: `${url}/upload/${id}`, file_id: id };
    }
    case 'files.completeUploadExternal': {
      const listed = (typeof call.body.files === 'string' ? JSON.parse(call.body.files) : call.body.files) as Array<{ id: string; title?: string }>;
      for (const { id, title } of listed) {
        const file = files.get(id);
        if (!file) return { ok: false, error: 'file_not_found' };
        Object.assign(file, { title, channelId: call.body.channel_id, initialComment: call.body.initial_comment });
      }
      return { ok: true, files: listed.map(({ id, title }) => ({ id, title })) };
    }
    case 'users.info':
      return { ok: true, user: { id: call.body.user, name: String(call.body.user ?? '').toLowerCase(), locale: locales.get(call.body.user) ?? 'en-US' } };
    case 'auth.test': {
      const owner = call.token ? owners.get(call.token) : undefined;
      if (owner) return { ok: true, url: `https://${owner.teamId.toLowerCase()}.slack.test/`, team: owner.teamId, user: 'customertype', team_id: owner.teamId, user_id: owner.botUserId, bot_id: `B${owner.teamId}`, ...(owner.enterpriseId ? { enterprise_id: owner.enterpriseId } : {}) };
      return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'customertype', team_id: 'T0FAKE', user_id: 'UBOT', bot_id: 'BBOT' };
    }
    case 'oauth.v2.access':
      return oauthAnswer(call, installs, owners);
    case 'chat.postMessage':
      return { ok: true, channel: call.body.channel, ts: nextTs(), message: { text: call.body.text } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: nextTs() };
    case 'chat.update':
      return { ok: true, channel: call.body.channel, ts: call.body.ts };
    case 'views.open':
    case 'views.update':
    case 'views.push':
    case 'views.publish':
      return { ok: true, view: { id: `V${Date.now()}`, ...(call.body.view ?? {}) } };
    case 'conversations.join':
      return { ok: true, channel: { id: call.body.channel } };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${call.body.users ?? 'X'}` } };
    case 'conversations.history':
      return { ok: true, messages: [...(history.get(call.body.channel) ?? [])].reverse().slice(0, Number(call.body.limit ?? 100)), has_more: false };
    default:
      return { ok: true };
  }
}

/** A small stand-in for Slack's Web API and response URLs that records every call it gets. */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Each agent's Slack locale, as `users.info` with `include_locale` tells it; en-US unless set. */
  readonly locales = new Map<string, string>();
  /** The messages posted in each channel, oldest first, as `conversations.history` gives them back. */
  readonly history = new Map<string, Array<Record<string, unknown>>>();
  /** Files uploaded with `files.uploadV2`, by id, with their bytes. */
  readonly files = new Map<string, UploadedFile>();
  /** Installs waiting for their code's exchange (by code), then done ones; see `addInstall`. */
  private readonly installs = new Map<string, FakeInstall>();
  private readonly owners = new Map<string, TokenOwner>();
  private handlers: FakeHandler[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.url}/response/${id}`;
  }

  /** Lets `oauth.v2.access` exchange `code` for this install; `auth.test` then names its workspace for its token. */
  addInstall(code: string, install: FakeInstall): void {
    this.installs.set(code, { ...install });
  }

  /** The bot token a workspace installed through the fake holds now (it changes on rotation). */
  botTokenOf(teamId: string): string | undefined {
    return [...this.installs.entries()].find(([key, install]) => key.startsWith('installed:') && install.teamId === teamId)?.[1].botToken;
  }

  /** Overrides answers; the first handler that returns something wins. */
  on(handler: FakeHandler): void {
    this.handlers.unshift(handler);
  }

  reset(): void {
    this.calls.length = 0;
    this.handlers = [];
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until `count` calls to `method` have arrived, failing after `timeoutMs`. */
  async waitForCalls(method: string, count = 1, timeoutMs = 5000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const matching = this.callsTo(method);
      if (matching.length >= count) return matching;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`expected ${count} call(s) to ${method}, got ${this.callsTo(method).length}: ${this.calls.map((c) => c.method).join(', ')}`);
  }

  /** Waits for the post to the response URL with this id, failing after `timeoutMs`. */
  async responseTo(id: string, timeoutMs = 10_000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const reply = this.calls.find((call) => call.responseId === id);
      if (reply) return reply;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no post to response URL ${id}`);
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private remember(call: RecordedCall, answer: unknown): void {
    const channel = String(call.body.channel);
    const ts = (answer as { ts?: string } | undefined)?.ts ?? nextTs();
    const messages = this.history.get(channel) ?? [];
    messages.push({ type: 'message', ts, text: call.body.text, ...(call.body.metadata ? { metadata: call.body.metadata } : {}) });
    this.history.set(channel, messages);
  }

  /** The files shared in a channel (a DM's id for a direct message), in upload order. */
  filesIn(channelId: string): UploadedFile[] {
    return [...this.files.values()].filter((file) => file.channelId === channelId);
  }

  /** The upload step of `files.uploadV2`: the bytes, posted as multipart form data to the URL we handed out. */
  private async receiveUpload(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    this.calls.push({ method: 'file_upload', body: { id } });
    const file = this.files.get(id);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const part = [...form.values()].find((value) => typeof value !== 'string') as Blob | undefined;
      file.content = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    } else file.content = raw;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.content.length}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/upload/')) return this.receiveUpload(req, res, path.slice('/upload/'.length));
    const body = await readBody(req);
    let call: RecordedCall;
    if (path.startsWith('/api/')) {
      const auth = req.headers.authorization;
      call = { method: path.slice('/api/'.length), body, ...(auth ? { token: auth.replace(/^Bearer /, '') } : {}) };
    } else if (path.startsWith('/response/')) {
      call = { method: 'response_url', body, responseId: path.slice('/response/'.length) };
    } else {
      res.writeHead(404).end();
      return;
    }
    this.calls.push(call);
    const override = this.handlers.map((handler) => handler(call)).find((result) => result !== undefined);
    const answer = override ?? { body: call.method === 'response_url' ? 'ok' : defaultAnswer(call, this.locales, this.history, this.files, this.url, this.installs, this.owners) };
    if (call.method === 'chat.postMessage' && (!override || override.landed)) this.remember(call, answer.body);
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    if (answer.reset) {
      req.socket.destroy();
      return;
    }
    const payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    res
      .writeHead(answer.status ?? 200, {
        'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json',
        ...answer.headers,
      })
      .end(payload);
  }
}

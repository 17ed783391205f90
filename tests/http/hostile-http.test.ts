import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';
import { MAX_BODY_BYTES, UNVERIFIED_BYTES_BUDGET } from '../../src/http/limits.js';

let booted: BootedApp;
let port: number;
beforeAll(async () => {
  booted = await bootApp();
  port = booted.running.address.port;
});
afterAll(async () => {
  await booted.stop();
});

/** Headers that look like Slack's (a fresh timestamp, a well-formed signature) but sign nothing. */
function plausibleHeaders(): Record<string, string> {
  return { 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': `v0=${'ab'.repeat(32)}` };
}

function head(headers: Record<string, string>): string {
  const lines = Object.entries({ host: '127.0.0.1', 'content-type': 'application/x-www-form-urlencoded', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `POST /slack/events HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sent until it closed the connection (or `waitMs` passed), and when the first byte came. */
function collect(socket: Socket, waitMs = 5000): Promise<{ text: string; firstByteMs: number; closedMs: number }> {
  const started = Date.now();
  let text = '';
  let firstByteMs = -1;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve({ text, firstByteMs, closedMs: Date.now() - started });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, waitMs);
    socket.on('data', (chunk) => {
      if (firstByteMs < 0) firstByteMs = Date.now() - started;
      text += chunk.toString('latin1');
    });
    // A refused body is left unread, so the close may come as a reset; what arrived before it counts.
    socket.on('error', () => undefined);
    socket.on('close', done);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);

/**
 * Sends a head and as much of a body as the server takes, and returns the status it answered with
 * once the server closes the connection (ask for `connection: close` where the body is complete).
 */
async function rawPost(headers: Record<string, string>, body: Buffer = Buffer.alloc(0)) {
  const socket = await open();
  const answer = collect(socket);
  socket.write(head(headers));
  if (body.length > 0) socket.write(body, () => undefined);
  const { text, firstByteMs, closedMs } = await answer;
  return { status: statusOf(text), text, firstByteMs, closedMs };
}

describe('bodies are refused before they are read (item 3)', () => {
  it('a request without Slack headers gets 401 at once, its 50 MB body unread', async () => {
    const { status, firstByteMs, closedMs } = await rawPost({ 'content-length': String(50 * 1024 * 1024) }, Buffer.alloc(64 * 1024, 'a'));
    expect(status).toBe(401);
    expect(firstByteMs).toBeLessThan(1000);
    // Closed, not kept open to read (and throw away) the other 49.9 MB.
    expect(closedMs).toBeLessThan(2000);
  });

  it('a malformed signature gets 401 without reading the body', async () => {
    const { status } = await rawPost({ ...plausibleHeaders(), 'x-slack-signature': 'v1=nonsense', 'content-length': '5', connection: 'close' }, Buffer.from('a=b&c'));
    expect(status).toBe(401);
    expect(booted.logs.some((line) => line.includes('missing or malformed x-slack-signature'))).toBe(true);
  });

  it('twenty 3.9 MB bodies with a bad signature get 413 at once and leave memory where it was', async () => {
    const body = Buffer.alloc(3_900_000, 'a');
    const before = process.memoryUsage().rss;
    const results = await Promise.all(Array.from({ length: 20 }, () => rawPost({ ...plausibleHeaders(), 'content-length': String(body.length) }, body)));
    expect(results.map((result) => result.status)).toEqual(Array(20).fill(413));
    expect(Math.max(...results.map((result) => result.firstByteMs))).toBeLessThan(2000);
    // Reading them would hold 20 × 3.9 MB; the 78 MB sent are left on the wire instead.
    expect(process.memoryUsage().rss - before).toBeLessThan(30 * 1024 * 1024);
  });

  it('a chunked body that streams past the limit is cut off there with 413', async () => {
    const socket = await open();
    const answer = collect(socket);
    socket.write(head({ ...plausibleHeaders(), 'transfer-encoding': 'chunked' }));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let sentWhenAnswered = -1;
    socket.once('data', () => (sentWhenAnswered = sent));
    // Keeps streaming until the server answers; it must answer soon after the limit.
    const pump = setInterval(() => {
      if (socket.destroyed || sent > 4 * MAX_BODY_BYTES) return clearInterval(pump);
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write('\r\n', () => undefined);
      sent += chunk.length;
    }, 2);
    const { text } = await answer;
    clearInterval(pump);
    expect(statusOf(text)).toBe(413);
    expect(sentWhenAnswered).toBeGreaterThan(0);
    expect(sentWhenAnswered).toBeLessThan(2 * MAX_BODY_BYTES);
  });

  it('turns away with 503 and Retry-After the request past the memory budget, and takes requests again once the others are done', async () => {
    const holders = UNVERIFIED_BYTES_BUDGET / MAX_BODY_BYTES;
    const slow: Socket[] = [];
    for (let i = 0; i < holders; i += 1) {
      const socket = await open();
      socket.on('error', () => undefined);
      // Declares the largest body allowed and sends one byte of it: the request holds its share while it waits.
      socket.write(head({ ...plausibleHeaders(), 'content-length': String(MAX_BODY_BYTES) }) + 'a');
      slow.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { status, text } = await rawPost({ ...plausibleHeaders(), 'content-length': '100', connection: 'close' }, Buffer.alloc(100, 'a'));
    expect(status).toBe(503);
    expect(text.toLowerCase()).toContain('retry-after: 1');
    for (const socket of slow) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await booted.post(slashCommandBody({ text: 'help', response_url: booted.slack.responseUrl('budget') }));
    expect(res.status).toBe(200);
  });
});

describe('slow connections are closed (item 4)', () => {
  it('200 sockets trickling a byte a second are closed within the header limit, and a real request is answered meanwhile', async () => {
    const slow: Socket[] = [];
    const heldMs: Array<Promise<number>> = [];
    const preamble = head(plausibleHeaders());
    for (let i = 0; i < 200; i += 1) {
      const socket = await open();
      const opened = Date.now();
      socket.on('error', () => undefined);
      heldMs.push(new Promise((resolve) => socket.on('close', () => resolve(Date.now() - opened))));
      socket.write(preamble[0]!);
      slow.push(socket);
    }
    let sent = 1;
    const trickle = setInterval(() => {
      for (const socket of slow) if (!socket.destroyed) socket.write(preamble[sent % preamble.length]!);
      sent += 1;
    }, 1000);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const asked = Date.now();
      const res = await booted.post(slashCommandBody({ text: 'help', response_url: booted.slack.responseUrl('slowloris') }));
      expect(res.status).toBe(200);
      expect(((await res.json()) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
      expect(Date.now() - asked).toBeLessThan(500);
      // 5 s for the headers, checked every second, and room for a busy machine; Node's defaults would hold them for a minute or more.
      const limitMs = 9000;
      const held = await Promise.all(heldMs.map((closed) => Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), limitMs))])));
      expect(held.filter((ms) => ms >= limitMs)).toHaveLength(0);
    } finally {
      clearInterval(trickle);
      for (const socket of slow) socket.destroy();
    }
  });
});

describe('response URLs outside Slack are never posted to (item 6)', () => {
  let hook: Server;
  let hookUrl: string;
  let posts = 0;
  beforeAll(async () => {
    hook = createServer((req, res) => {
      posts += 1;
      req.resume();
      res.end('ok');
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook/T1/1/secret-token?x=private-query`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  const outOfDateClick = (responseUrl: string) => interactionBody(blockActionPayload({ actionId: 'share_guidance', value: 'not-a-guidance-ref', responseUrl }));

  it('a signed click naming a response URL at 127.0.0.1 gets its ack and no POST there', async () => {
    const res = await booted.post(outOfDateClick(hookUrl));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(posts).toBe(0);
    const warning = booted.logs.find((line) => line.includes('Dropped a response URL outside Slack'));
    expect(warning).toBeDefined();
    expect(warning).not.toMatch(/secret-token|private-query/);
    expect(booted.logs.some((line) => line.includes('share_guidance: no response URL to answer on'))).toBe(true);
    expect(booted.logs.join('\n')).not.toContain('TypeError');
  });

  it('a view submission whose response_urls point at 127.0.0.1 has them dropped before any listener sees them', async () => {
    posts = 0;
    booted.logs.length = 0;
    const submission = {
      type: 'view_submission',
      team: { id: 'T0FAKE' },
      user: { id: 'U0LEAD', team_id: 'T0FAKE' },
      view: { id: 'V1', callback_id: 'mystery', type: 'modal', state: { values: {} } },
      response_urls: [{ block_id: 'b', action_id: 'a', channel_id: 'C1', response_url: hookUrl }],
    };
    const res = await booted.post(interactionBody(submission));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts).toBe(0);
    expect(booted.logs.filter((line) => line.includes('Dropped a response URL outside Slack'))).toHaveLength(1);
  });

  it('still answers on a response URL at the origin of SLACK_API_URL', async () => {
    booted.slack.reset();
    const res = await booted.post(outOfDateClick(booted.slack.responseUrl('allowed')));
    expect(res.status).toBe(200);
    expect((await booted.slack.responseTo('allowed', 5000)).body.response_type).toBe('ephemeral');
  });
});

describe('malformed interactions get a clean answer and one line, not a stack (item 8)', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a view_submission without a user', { type: 'view_submission', team: { id: 'T1' }, view: { id: 'V1', callback_id: 'quiz_setup', state: { values: {} } } }, 'a view_submission without a user id'],
    ['a view_submission without a view id', { type: 'view_submission', user: { id: 'U1' }, view: { callback_id: 'quiz_setup' } }, 'a view_submission without a view id'],
    ['a block_actions whose action is null', { type: 'block_actions', user: { id: 'U1' }, actions: [null] }, 'a block_actions with an action without an action_id'],
    ['a block_actions whose action_id is a number', { type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 7 }] }, 'a block_actions with an action without an action_id'],
    ['a block_actions whose channel is null', { type: 'block_actions', user: { id: 'U1' }, channel: null, actions: [{ action_id: 'share_guidance' }] }, 'a block_actions whose channel is not an object'],
    ['a message_action whose user is a string', { type: 'message_action', callback_id: 'classify_message', user: 'U1' }, 'a message_action without a user id'],
    ['an options request without a user', { name: 'menu', value: 'x' }, 'an options request without a user id'],
  ];

  it.each(cases)('%s gets 200 and a one-line warning', async (_name, payload, reason) => {
    booted.logs.length = 0;
    const res = await booted.post(interactionBody(payload));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(booted.logs.filter((line) => line.includes(`Ignored a malformed request: ${reason}`))).toHaveLength(1);
    const all = booted.logs.join('\n');
    expect(all).not.toContain('TypeError');
    expect(all).not.toContain('A listener failed');
  });

  it('an event whose user is null gets 200 and a one-line warning', async () => {
    booted.logs.length = 0;
    const event = { type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: { type: 'message', channel_type: 'im', user: null, text: 'hi' } };
    const body = JSON.stringify(event);
    const res = await booted.post(body, { contentType: 'application/json' });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(booted.logs.filter((line) => line.includes('Ignored a malformed request: an event whose user is neither an id nor an object'))).toHaveLength(1);
    expect(booted.logs.join('\n')).not.toContain('TypeError');
  });
});

/**
 * Requests that are not Slack's, sent as an attacker would: many large bodies with a signature
 * that signs nothing, and many connections that send their headers a byte a second. What each
 * costs the bot, and whether agents are still answered while it happens.
 */
import { connect, type Socket } from 'node:net';
import { slashCommandBody } from '../../tests/helpers/slack-request.js';
import { post, rssMb, startBench, type Bench } from './app-bench.js';
import { percentile } from './metrics.js';

export interface RequestFaultFigures {
  bodies: Array<{ label: string; statuses: Record<string, number>; rssBeforeMb: number; rssPeakMb: number; seconds: number }>;
  slow: { sockets: number; closedAfterP50: number; closedAfterMax: number; stillOpen: number; helpStatus: number; helpMs: number };
}

const PARALLEL = 200;
const SLOW_SOCKETS = 200;

/** A fresh timestamp and a well-formed signature of nothing: passes the header gate, fails verification. */
function plausibleHead(port: number, contentLength: number): string {
  return [
    'POST /slack/events HTTP/1.1',
    `host: 127.0.0.1:${port}`,
    'content-type: application/x-www-form-urlencoded',
    `content-length: ${contentLength}`,
    `x-slack-request-timestamp: ${Math.floor(Date.now() / 1000)}`,
    `x-slack-signature: v0=${'ab'.repeat(32)}`,
    'connection: close',
    '',
    '',
  ].join('\r\n');
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends a head and a body of `bytes`, and resolves with the status the bot answered (0 when the connection was cut before an answer could be read) once it closes. */
async function unsignedPost(port: number, bytes: number, chunk: Buffer): Promise<number> {
  const socket = await open(port);
  let answer = '';
  const closed = new Promise<number>((resolve) => {
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')));
    // A refused body is left unread, so the close may come as a reset; what arrived before it counts.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
  });
  socket.write(plausibleHead(port, bytes));
  // Written as fast as the bot reads it, and no faster: a body the bot stops reading stays here.
  for (let sent = 0; sent < bytes && !socket.destroyed; sent += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
    if (!socket.write(piece)) await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
  }
  return closed;
}

async function parallelBodies(bench: Bench, port: number, label: string, bytes: number) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const rssBeforeMb = rssMb(bench.bot.pid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb(bench.bot.pid))), 25);
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: PARALLEL }, () => unsignedPost(port, bytes, chunk).catch(() => 0)));
  clearInterval(sampler);
  rssPeakMb = Math.max(rssPeakMb, rssMb(bench.bot.pid));
  const counted: Record<string, number> = {};
  for (const status of statuses) {
    const key = status === 0 ? 'cut before its answer was read' : String(status);
    counted[key] = (counted[key] ?? 0) + 1;
  }
  return { label, statuses: counted, rssBeforeMb, rssPeakMb, seconds: (performance.now() - started) / 1000 };
}

/** Sockets that send a request line and then a header byte a second; when did the bot close each? */
async function slowSockets(bench: Bench, port: number) {
  const started = performance.now();
  const closedAfter: number[] = [];
  const sockets = await Promise.all(Array.from({ length: SLOW_SOCKETS }, () => open(port)));
  const drips: NodeJS.Timeout[] = [];
  for (const socket of sockets) {
    socket.on('error', () => undefined);
    socket.on('close', () => closedAfter.push((performance.now() - started) / 1000));
    socket.write('POST /slack/events HTTP/1.1\r\nx-slow: ');
    drips.push(setInterval(() => socket.destroyed || socket.write('a'), 1000));
  }
  // An agent's command while every one of them is open.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const help = await post(bench.url, slashCommandBody({ text: 'help', response_url: bench.slack.responseUrl('slow-help') }));
  const deadline = performance.now() + 30_000;
  while (closedAfter.length < sockets.length && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  for (const drip of drips) clearInterval(drip);
  const stillOpen = sockets.filter((socket) => !socket.destroyed).length;
  for (const socket of sockets) socket.destroy();
  closedAfter.sort((a, b) => a - b);
  return {
    sockets: sockets.length,
    closedAfterP50: percentile(closedAfter, 50),
    closedAfterMax: closedAfter.at(-1) ?? NaN,
    stillOpen,
    helpStatus: help.status,
    helpMs: help.ms,
  };
}

export async function requestFaults(): Promise<RequestFaultFigures> {
  const bench = await startBench();
  try {
    const port = Number(new URL(bench.url).port);
    const bodies = [
      await parallelBodies(bench, port, `${PARALLEL} at once, 3.9 MB each (over the 1 MiB limit)`, 3.9e6),
      await parallelBodies(bench, port, `${PARALLEL} at once, 0.9 MB each (under the limit: the in-memory budget)`, 0.9e6),
    ];
    const slow = await slowSockets(bench, port);
    return { bodies, slow };
  } finally {
    await bench.stop();
  }
}

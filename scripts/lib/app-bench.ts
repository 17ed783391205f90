/**
 * End-to-end measurements of the running bot: a real process (`src/main.ts`), the project's fake
 * Slack on 127.0.0.1, and requests signed as Slack signs them. Every loop is bounded in count and
 * time, and every target is on this machine. BENCH_NODE_ARGS passes flags to the bot's node, e.g.
 * `BENCH_NODE_ARGS=--cpu-prof` to profile it under load.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/store/sqlite.js';
import { startBot, type BotProcess } from '../../tests/helpers/bot-process.js';
import { FakeSlack } from '../../tests/helpers/fake-slack.js';
import { mutatedPayloads } from '../../tests/helpers/mutations.js';
import { blockActionPayload } from '../../tests/helpers/payloads.js';
import { interactionBody, signedHeaders, slashCommandBody, TEST_SIGNING_SECRET } from '../../tests/helpers/slack-request.js';
import { percentile } from './metrics.js';

export interface Bench {
  slack: FakeSlack;
  bot: BotProcess;
  url: string;
  dbPath: string;
  stop(): Promise<void>;
}

export const QUIZ_CHANNEL = 'C0BENCHQUIZ';

export async function startBench(extraEnv: Record<string, string> = {}, reuse?: { slack: FakeSlack; dir: string }): Promise<Bench> {
  const slack = reuse?.slack ?? (await new FakeSlack().start());
  const dir = reuse?.dir ?? mkdtempSync(join(tmpdir(), 'customertype-bench-'));
  const dbPath = join(dir, 'bench.db');
  const bot = startBot(
    {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      DATABASE_PATH: dbPath,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    dir,
    { compiled: true, nodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean) },
  );
  const url = `http://127.0.0.1:${await bot.port()}/slack/events`;
  return {
    slack,
    bot,
    url,
    dbPath,
    async stop() {
      bot.kill('SIGTERM');
      await bot.exit;
      if (!reuse) {
        await slack.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** User plus system CPU time of a process so far, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Signed ahead of the timed part, so the figures are the bot's time and not the load generator's. */
export function signed(body: string, contentType?: string): SignedRequest {
  return { body, headers: signedHeaders(body, contentType ? { contentType } : {}) };
}

// node:http with kept-alive sockets costs the load generator a fraction of what fetch does; on a
// two-core machine the generator's CPU time would otherwise show up as the bot's latency.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function send(url: string, request: SignedRequest): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((done) => {
    const req = httpRequest(url, { method: 'POST', agent, headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, ms: performance.now() - started, body: text }));
      res.on('error', () => done({ status: 0, ms: performance.now() - started, body: text }));
    });
    req.on('error', () => done({ status: 0, ms: performance.now() - started, body: '' }));
    req.end(request.body);
  });
}

export function post(url: string, body: string, contentType?: string): Promise<{ status: number; ms: number; body: string }> {
  return send(url, signed(body, contentType));
}

/** p50, p95, p99 and max of some requests' times, in ms. */
export function latencies(results: ReadonlyArray<{ ms: number }>) {
  const ms = results.map((result) => result.ms).sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), max: ms.at(-1)! };
}

/** Sends each request at its own moment, evenly over `windowMs`: an open loop, which a slow bot cannot slow down. */
export function sendOnSchedule(requests: readonly SignedRequest[], windowMs: number, urlOf: (index: number) => string) {
  const started = performance.now();
  return Promise.all(
    requests.map(async (request, i) => {
      const wait = started + (i * windowMs) / requests.length - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      return send(urlOf(i), request);
    }),
  );
}

/** Runs `count` jobs, at most `concurrency` at a time. */
export async function pool<T>(count: number, concurrency: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await job(index);
      }
    }),
  );
  return results;
}

export async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
}

export const MESSAGES = [
  "I've asked THREE times for my refund. This is ridiculous!!!",
  'Is there a student discount or any coupon code for the annual plan?',
  "I'm so confused, the app says one price and the invoice says another. Which one is it?",
  'Been with you since 2014 and I always recommend you to friends.',
  'Can you send me the exact uptime figures for the last 90 days, broken down by region?',
];

export async function slashStorm(total = 2000, concurrency = 50, warmUp = 500) {
  const bench = await startBench();
  try {
    const rssBefore = rssMb(bench.bot.pid);
    const warmUpRequests = Array.from({ length: warmUp }, (_, i) =>
      signed(slashCommandBody({ text: `${MESSAGES[i % MESSAGES.length]} (warm-up ${i})`, response_url: bench.slack.responseUrl(`w${i}`) })),
    );
    const requests = Array.from({ length: total }, (_, i) =>
      signed(slashCommandBody({ text: `${MESSAGES[i % MESSAGES.length]} #${i}`, user_id: `U${i % 97}`, response_url: bench.slack.responseUrl(`s${i}`) })),
    );
    // The first few hundred requests run while V8 is still compiling the hot paths: measured apart.
    const cold = await pool(warmUp, concurrency, (i) => send(bench.url, warmUpRequests[i]!));
    const results = await pool(total, concurrency, (i) => send(bench.url, requests[i]!));
    return {
      total,
      concurrency,
      warmUp,
      coldP99: latencies(cold).p99,
      errors: [...cold, ...results].filter((r) => r.status !== 200).length,
      // The answer comes back in the acknowledgement itself.
      delivered: results.filter((r) => r.status === 200 && r.body.includes('"blocks"')).length,
      ...latencies(results),
      rssBefore,
      rssAfter: rssMb(bench.bot.pid),
    };
  } finally {
    await bench.stop();
  }
}

/** The quiz messages posted in the bench's channel: one a day, however many processes run the scheduler. */
export function quizPostsIn(slack: FakeSlack): number {
  return slack.callsTo('chat.postMessage').filter((call) => call.body.channel === QUIZ_CHANNEL && call.body.blocks?.some((block: any) => block.type === 'actions')).length;
}

export async function postedQuizButtons(bench: Pick<Bench, 'slack'>): Promise<Array<{ action_id: string; value: string }>> {
  const [quiz] = await bench.slack.waitForCalls('chat.postMessage', 1, 20_000);
  return quiz!.body.blocks.find((block: any) => block.type === 'actions').elements;
}

export const quizEnv = { QUIZ_CHANNEL, QUIZ_TIME: '00:00', QUIZ_TZ: 'UTC', QUIZ_DAYS: '*' };

/**
 * 1,000 agents click within one second, each twice: every click leaves on its own schedule (an
 * open loop), so a slow bot cannot slow the clicks down and hide its own backlog.
 */
export async function answerStorm(agents = 1000, windowMs = 1000) {
  const bench = await startBench(quizEnv);
  try {
    const buttons = await postedQuizButtons(bench);
    const clicks = Array.from({ length: agents * 2 }, (_, i) => {
      const agent = i % agents;
      const button = buttons[(agent + Math.floor(i / agents)) % buttons.length]!;
      const user = `UAGENT${agent}`;
      return signed(interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: bench.slack.responseUrl(`${user}-${i}`), userId: user })));
    });
    // Spread evenly over the window, the agents' second clicks in the second half.
    const cpuBefore = cpuMs(bench.bot.pid);
    const generatorBefore = process.cpuUsage();
    const started = performance.now();
    const results = await sendOnSchedule(clicks, windowMs, () => bench.url);
    const sentWithin = (performance.now() - started) / 1000;
    await until(() => bench.slack.callsTo('response_url').length >= agents * 2, 30_000);
    const allFeedbackSeconds = (performance.now() - started) / 1000;
    const botCpuMs = cpuMs(bench.bot.pid) - cpuBefore;
    const generator = process.cpuUsage(generatorBefore);
    const replies = bench.slack.callsTo('response_url').map((call) => String(call.body.text));
    const db = openSqlite(bench.dbPath, { readonly: true });
    const rows = (db.prepare('SELECT COUNT(*) AS n FROM quiz_answers').get() as { n: number }).n;
    db.close();
    const ack = results.map((r) => r.ms).sort((a, b) => a - b);
    return {
      agents,
      clicks: agents * 2,
      windowMs,
      sentWithin,
      allFeedbackSeconds,
      ackP50: percentile(ack, 50),
      ackP99: percentile(ack, 99),
      ackMax: ack.at(-1)!,
      botCpuMs,
      generatorCpuMs: (generator.user + generator.system) / 1000,
      errors: results.filter((r) => r.status !== 200).length,
      rows,
      firstFeedback: replies.filter((text) => /^(✅|❌)/.test(text)).length,
      alreadyAnswered: replies.filter((text) => text.startsWith('You already answered')).length,
      quizPosts: quizPostsIn(bench.slack),
    };
  } finally {
    await bench.stop();
  }
}

export async function crash(agents = 1000, killAfter = 300) {
  const slack = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), 'customertype-crash-bench-'));
  try {
    const first = await startBench(quizEnv, { slack, dir });
    const buttons = await postedQuizButtons(first);
    const acknowledged: string[] = [];
    const storm = pool(agents, 100, async (i) => {
      const user = `UCRASH${i}`;
      const button = buttons[i % buttons.length]!;
      const result = await post(first.url, interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl(user), userId: user })));
      if (result.status === 200) acknowledged.push(user);
    });
    await until(() => acknowledged.length >= killAfter, 20_000);
    first.bot.kill('SIGKILL');
    await storm;
    await first.bot.exit;
    const ackedAtKill = acknowledged.length;

    const second = await startBench(quizEnv, { slack, dir });
    await new Promise((r) => setTimeout(r, 1000));
    await second.stop();

    const db = openSqlite(join(dir, 'bench.db'), { readonly: true });
    const stored = new Set((db.prepare('SELECT user_id FROM quiz_answers').all() as Array<{ user_id: string }>).map((row) => row.user_id));
    const integrity = db.prepare('PRAGMA integrity_check').pluck().get();
    const quizzes = (db.prepare('SELECT COUNT(*) AS n FROM quizzes').get() as { n: number }).n;
    db.close();
    return {
      acknowledged: ackedAtKill,
      lost: acknowledged.filter((user) => !stored.has(user)).length,
      stored: stored.size,
      integrity,
      quizRows: quizzes,
      quizPosts: slack.callsTo('chat.postMessage').filter((call) => call.body.channel === QUIZ_CHANNEL).length,
    };
  } finally {
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until the bot's /healthz says 200, that is until it has learned its types. */
async function untilLearned(healthUrl: string, since = performance.now(), timeoutMs = 30_000): Promise<void> {
  while (!(await fetch(healthUrl).then((res) => res.status === 200, () => false))) {
    if (performance.now() - since > timeoutMs) throw new Error(`the bot did not finish learning in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function hostile(count = 500) {
  const bench = await startBench();
  try {
    // Once it has learned: "still answering" is a classification, which a bot still learning would put off.
    await untilLearned(bench.url.replace('/slack/events', '/healthz'));
    const payloads = mutatedPayloads(count, bench.slack.responseUrl('hostile'));
    const results = await pool(payloads.length, 20, (i) => post(bench.url, payloads[i]!.body, payloads[i]!.contentType));
    const statuses: Record<string, number> = {};
    for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    const after = await post(bench.url, slashCommandBody({ text: 'Do you have a coupon code?', response_url: bench.slack.responseUrl('after') }));
    const alive = after.status === 200 && after.body.includes('The Bargain Hunter');
    return { count, statuses, serverErrors: results.filter((r) => r.status >= 500).length, alive };
  } finally {
    await bench.stop();
  }
}

export async function slackFailures() {
  const outcomes: Record<string, string> = {};
  const dirs: string[] = [];
  const scratch = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), name));
    dirs.push(dir);
    return dir;
  };
  // 429 with Retry-After, then success: the quiz is posted once, after the wait.
  {
    const slack = await new FakeSlack().start();
    let attempts = 0;
    slack.on((call) => (call.method === 'chat.postMessage' && ++attempts === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } } : undefined));
    const started = Date.now();
    const bench = await startBench(quizEnv, { slack, dir: scratch('ct-429-') });
    await until(() => slack.callsTo('chat.postMessage').length >= 2, 20_000);
    outcomes['429, Retry-After 2 s'] = `posted after ${((Date.now() - started) / 1000).toFixed(1)} s (${attempts} attempts), posts that landed: ${attempts - 1}`;
    await bench.stop();
    await slack.stop();
  }
  // 500 twice, then success.
  {
    const slack = await new FakeSlack().start();
    let attempts = 0;
    slack.on((call) => (call.method === 'chat.postMessage' && ++attempts <= 2 ? { status: 500, body: 'error' } : undefined));
    const bench = await startBench(quizEnv, { slack, dir: scratch('ct-500-') });
    await until(() => attempts >= 3, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    outcomes['500 twice'] = `${attempts} attempts, posts that landed: ${Math.max(0, attempts - 2)}`;
    await bench.stop();
    await slack.stop();
  }
  // Slow (3 s) Web API: the command is still acked at once and answered when Slack is back.
  {
    const slack = await new FakeSlack().start();
    slack.on((call) => (call.method === 'chat.postMessage' ? { body: { ok: true, ts: '1.1', channel: call.body.channel }, delayMs: 3000 } : undefined));
    const bench = await startBench({}, { slack, dir: scratch('ct-slow-') });
    const result = await post(bench.url, slashCommandBody({ text: 'quiz now', response_url: slack.responseUrl('slow') }));
    const started = Date.now();
    await until(() => slack.callsTo('response_url').length > 0, 15_000);
    outcomes['3 s responses'] = `ack in ${result.ms.toFixed(0)} ms, the answer followed ${((Date.now() - started) / 1000).toFixed(1)} s later: "${slack.callsTo('response_url')[0]?.body.text}"`;
    await bench.stop();
    await slack.stop();
  }
  // Always failing: the agent is told, and nothing is left claimed.
  {
    const slack = await new FakeSlack().start();
    slack.on((call) => (call.method === 'chat.postMessage' ? { status: 500, body: 'down' } : undefined));
    const bench = await startBench({}, { slack, dir: scratch('ct-down-') });
    await post(bench.url, slashCommandBody({ text: 'quiz now', response_url: slack.responseUrl('down') }));
    await until(() => slack.callsTo('response_url').length > 0, 30_000);
    outcomes['Slack down'] = `the agent was told: "${slack.callsTo('response_url')[0]?.body.text}" after ${slack.callsTo('chat.postMessage').length} attempts`;
    await bench.stop();
    await slack.stop();
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  return outcomes;
}

export interface StartUpFigures {
  runs: number;
  /** Spawn to listening, per run. */
  listeningMs: number[];
  /** Spawn to /healthz 200: learning has ended. */
  learnedMs: number[];
  /** Resident memory 5 s after learning, idle. */
  idleRssMb: number[];
  /** The same process 30 s after it listened: V8 gives back start-up's young-generation space only once it sees the process idle. */
  settledRssMb: number[];
}

/**
 * The compiled bot started `runs` times on one data folder: when it listens, when it has learned,
 * what it holds at idle. The first run is a first start (nothing learned yet), the rest restarts.
 */
export async function startUp(runs = 5, nodeArgs: string[] = []): Promise<StartUpFigures> {
  const slack = await new FakeSlack().start();
  const figures: StartUpFigures = { runs, listeningMs: [], learnedMs: [], idleRssMb: [], settledRssMb: [] };
  const dir = mkdtempSync(join(tmpdir(), 'customertype-startup-'));
  try {
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const bot = startBot(
        { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', DATABASE_PATH: join(dir, 'bench.db'), LOG_LEVEL: 'info' },
        dir,
        { compiled: true, nodeArgs },
      );
      try {
        const port = await bot.port();
        figures.listeningMs.push(performance.now() - started);
        await untilLearned(`http://127.0.0.1:${port}/healthz`, started);
        figures.learnedMs.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 5000));
        figures.idleRssMb.push(rssMb(bot.pid));
        await new Promise((r) => setTimeout(r, Math.max(0, started + 30_000 - performance.now())));
        figures.settledRssMb.push(rssMb(bot.pid));
      } finally {
        bot.kill('SIGTERM');
        await bot.exit;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await slack.stop();
  }
  return figures;
}

/**
 * The database and Slack's own retries: what an operator's `sqlite3` shell holding the write lock
 * does to agents, and what Slack delivering an event three times does.
 */
export async function databaseFaults() {
  const outcomes: Record<string, string> = {};
  {
    const bench = await startBench(quizEnv);
    try {
      const [button] = await postedQuizButtons(bench);
      const shell = openSqlite(bench.dbPath);
      const rows = () => (shell.prepare('SELECT COUNT(*) AS n FROM classifications').get() as { n: number }).n;
      const before = rows();
      shell.exec('BEGIN IMMEDIATE');
      const lockedAt = Date.now();
      const help = await post(bench.url, slashCommandBody({ text: 'help', response_url: bench.slack.responseUrl('locked-help') }));
      const classify = await post(bench.url, slashCommandBody({ text: MESSAGES[0]!, response_url: bench.slack.responseUrl('locked-classify') }));
      const click = await post(bench.url, interactionBody(blockActionPayload({ actionId: button!.action_id, value: button!.value, responseUrl: bench.slack.responseUrl('locked-click'), userId: 'U0LOCKED' })));
      await until(() => bench.slack.calls.some((call) => call.responseId === 'locked-click'), 5000);
      const reply = bench.slack.calls.find((call) => call.responseId === 'locked-click')?.body.text as string | undefined;
      const healthStarted = performance.now();
      const health = await fetch(bench.url.replace('/slack/events', '/healthz'));
      const healthMs = performance.now() - healthStarted;
      const healthBody = (await health.json()) as { reason?: string };
      // Held as long as the operator held it, so the answers above were all given under the lock.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 12_000 - (Date.now() - lockedAt))));
      shell.exec('ROLLBACK');
      const released = Date.now();
      await until(() => rows() > before, 10_000);
      const writtenAfter = Date.now() - released;
      shell.close();
      outcomes['a `sqlite3` shell holds the write lock for 12 s'] =
        `help acked in ${help.ms.toFixed(0)} ms, a classification in ${classify.ms.toFixed(0)} ms (its row written ${(writtenAfter / 1000).toFixed(1)} s after the lock went), ` +
        `a quiz answer in ${click.ms.toFixed(0)} ms ("${reply ?? 'no reply'}"), /healthz ${health.status} in ${healthMs.toFixed(0)} ms ("${healthBody.reason ?? ''}")`;
    } finally {
      await bench.stop();
    }
  }
  {
    const bench = await startBench();
    try {
      // Until learning has ended a message is answered "try again in a few seconds"; wait for the real answer.
      const healthUrl = bench.url.replace('/slack/events', '/healthz');
      for (let tries = 0; tries < 200 && (await fetch(healthUrl)).status !== 200; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      const event = JSON.stringify({
        token: 'deprecated',
        team_id: 'T0FAKE',
        api_app_id: 'A0CUSTOMERTYPE',
        type: 'event_callback',
        event_id: 'Ev0BENCHRETRY',
        event_time: Math.floor(Date.now() / 1000),
        event: { type: 'message', channel: 'D0AGENT', channel_type: 'im', user: 'U0AGENT', text: MESSAGES[1], ts: '1700000300.000100', team: 'T0FAKE' },
      });
      const statuses: number[] = [];
      for (const retry of [undefined, '1', '2']) {
        const request = signed(event, 'application/json');
        if (retry) Object.assign(request.headers, { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' });
        statuses.push((await send(bench.url, request)).status);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const db = openSqlite(bench.dbPath);
      const rows = (db.prepare("SELECT COUNT(*) AS n FROM classifications WHERE surface = 'message'").get() as { n: number }).n;
      db.close();
      outcomes['the same `message.im` event delivered 3 times (retry-num 1, 2)'] = `statuses ${statuses.join(', ')}; replies: ${bench.slack.callsTo('chat.postMessage').length}, rows: ${rows}`;
    } finally {
      await bench.stop();
    }
  }
  {
    const slack = await new FakeSlack().start();
    const dir = mkdtempSync(join(tmpdir(), 'ct-landed-'));
    let attempts = 0;
    slack.on((call) => (call.method === 'chat.postMessage' && ++attempts === 1 ? { status: 500, body: 'error', landed: true } : undefined));
    const bench = await startBench(quizEnv, { slack, dir });
    await until(() => slack.callsTo('conversations.history').length > 0, 20_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    outcomes['500 on a quiz post Slack had stored'] = `${attempts} post attempt(s), ${slack.callsTo('conversations.history').length} history check(s), quiz messages in the channel: ${slack.history.get(QUIZ_CHANNEL)?.length ?? 0}`;
    await bench.stop();
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return outcomes;
}

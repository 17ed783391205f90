import { readFileSync } from 'node:fs';
import { Classifier } from '../../src/classifier/classifier.js';
import type { Lang } from '../../src/lang.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';
import { natural, wink } from './baseline.js';
import { percentile } from './metrics.js';
import { CLASSIC, TfidfBaseline } from './tfidf-baseline.js';

/**
 * The classifier's speed, in each language, next to the baselines: latency for 100- and
 * 2,000-character messages, messages per second at 200 characters, and training time. Benchmark
 * text comes from the held-out files: realistic, and never seen in training.
 */
const CORPUS: Record<Lang, string> = { en: 'eval/heldout.jsonl', zh: 'eval/heldout-zh.jsonl' };

function corpus(lang: Lang): string[] {
  return readFileSync(CORPUS[lang], 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

function messagesOf(texts: readonly string[], length: number, count: number): string[] {
  // Chinese packs about three English characters' worth into one, and joins without spaces.
  const glue = /\p{Script=Han}/u.test(texts[0] ?? '') ? '' : ' ';
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let j = i; text.length < length; j += 1) text += `${texts[j % texts.length]}${glue}`;
    return text.slice(0, length);
  });
}

function latencies(classify: (text: string) => unknown, messages: string[]): { p50: number; p99: number; max: number } {
  for (const message of messages.slice(0, 300)) classify(message);
  const times: number[] = [];
  for (const message of messages) {
    const start = process.hrtime.bigint();
    classify(message);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1)! };
}

function throughput(classify: (text: string) => unknown, messages: string[], seconds: number): number {
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let i = 0; i < 200; i += 1) classify(messages[(done + i) % messages.length]!);
    done += 200;
  }
  return done / ((performance.now() - start) / 1000);
}

interface SystemFigures {
  name: string;
  trainMs: number;
  byLang: Map<Lang, { short: ReturnType<typeof latencies>; long: ReturnType<typeof latencies>; perSecond: number }>;
}

function measure(name: string, train: () => (text: string) => unknown, seconds: number, langs: readonly Lang[]): SystemFigures {
  const started = performance.now();
  const classify = train();
  const trainMs = performance.now() - started;
  const byLang = new Map<Lang, SystemFigures['byLang'] extends Map<Lang, infer V> ? V : never>();
  for (const lang of langs) {
    const texts = corpus(lang);
    byLang.set(lang, {
      short: latencies(classify, messagesOf(texts, 100, 2000)),
      long: latencies(classify, messagesOf(texts, 2000, 2000)),
      perSecond: throughput(classify, messagesOf(texts, 200, 3000), seconds),
    });
  }
  return { name, trainMs, byLang };
}

export function classifierBenchmark(): string {
  const { set } = loadPlaybooks();
  const types = typeDefinitions(set.all);
  const langs: Lang[] = ['en', 'zh'];
  const systems = [
    measure('customertype', () => {
      const classifier = Classifier.train(types);
      return (text) => classifier.classify(text);
    }, 2, langs),
    // C fixed at 10 here (eval chooses it by cross-validation): this measures speed, not accuracy.
    measure('TF-IDF + logistic regression', () => {
      const data = types.flatMap((type, label) => [...type.examples.map((example) => ({ text: example.text, label })), ...type.cues.map((cue) => ({ text: cue, label }))]);
      const model = new TfidfBaseline(data, types.length, { ...CLASSIC, grid: [10], innerFolds: 1 });
      return (text) => model.ranked(text);
    }, 1, langs),
    measure('wink-naive-bayes', () => wink.train(types), 1, langs),
    measure('natural BayesClassifier', () => natural.train(types), 1, langs),
  ];
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const lines: string[] = [];
  for (const lang of langs) {
    const title = lang === 'en' ? 'English' : 'Chinese';
    lines.push(`| ${title}: 100 characters, p50 / p99 | ${systems.map((s) => `${ms(s.byLang.get(lang)!.short.p50)} / ${ms(s.byLang.get(lang)!.short.p99)}`).join(' | ')} |`);
    lines.push(`| ${title}: 2,000 characters, p50 / p99 / max | ${systems.map((s) => `${ms(s.byLang.get(lang)!.long.p50)} / ${ms(s.byLang.get(lang)!.long.p99)} / ${ms(s.byLang.get(lang)!.long.max)}`).join(' | ')} |`);
    lines.push(`| ${title}: messages per second, 200 characters | ${systems.map((s) => Math.round(s.byLang.get(lang)!.perSecond).toLocaleString('en')).join(' | ')} |`);
  }
  lines.push(`| learning both languages at start-up | ${systems.map((s) => `${(s.trainMs / 1000).toFixed(2)} s`).join(' | ')} |`);
  return `## Classifier

One process, one core, the same playbooks for every system (${types.reduce((sum, type) => sum + type.examples.length, 0)} examples in both languages).

| measure | ${systems.map((s) => s.name).join(' | ')} |
|---|${systems.map(() => '---').join('|')}|
${lines.join('\n')}

Targets, in each language: p99 under 1 ms for 2,000 characters; at least 10,000 messages of 200 characters per second; learning both languages in under 1.5 s.
`;
}

/**
 * Measures the classifier, in each language, next to four baselines trained on exactly the same
 * data (every example and cue word of the playbooks) and tested on the same folds and files:
 * - TF-IDF of word 1-2-grams and character 3-5-grams with multinomial logistic regression, C chosen
 *   by cross-validation on the training folds only: the classic strong baseline;
 * - the same with words from Intl.Segmenter and character 1-3-grams: that baseline set up for Chinese;
 * - wink-naive-bayes-text-classifier, with its own winkNLP pre-processing;
 * - natural's BayesClassifier.
 * Then held-out files never used for training, social-style comments written to check tone, and,
 * when ../shared/external/ is present, real-world text (evaluation only).
 *
 *   npm run eval                      all of it (baseline results are cached between runs)
 *   npm run eval -- --folds 10
 *   npm run eval -- --no-external     without the real-world files
 *   npm run eval:teaching             only what teaching does (eval/teaching/)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Classifier, type Classification, type TypeDefinition } from '../src/classifier/classifier.js';
import type { Lang } from '../src/lang.js';
import { loadPlaybooks } from '../src/playbooks/load.js';
import { typeDefinitions } from '../src/playbooks/training.js';
import { BASELINES, type Baseline } from './lib/baseline.js';
import { cached } from './lib/cache.js';
import { f3, pct, prf, summarize, type Prediction, type Summary } from './lib/metrics.js';
import { TEACHING_DOMAINS_DIR, teachingInput, teachingReport } from './lib/teaching-eval.js';

const args = process.argv.slice(2);
const folds = Number(args[args.indexOf('--folds') + 1] ?? 5) || 5;
const EXTERNAL_DIR = resolve('../shared/external');
const HELDOUT: Record<Lang, string> = { en: resolve('eval/heldout.jsonl'), zh: resolve('eval/heldout-zh.jsonl') };
const LANG_NAME: Record<Lang, string> = { en: 'English', zh: 'Chinese' };

const { set } = loadPlaybooks();
const labels = set.ids;
const OURS = 'customertype';
const systems = [OURS, ...BASELINES.map((baseline) => baseline.name)];

interface Row {
  text: string;
  expect: string;
  also?: string | undefined;
  lang: Lang;
  fold: number;
}

// Example i of each type and language goes to fold i mod k, so every fold holds every type in both languages.
const rows: Row[] = set.all.flatMap((playbook) => [
  ...playbook.examples.map((example, index) => ({ text: example.text, expect: playbook.id, also: example.also, lang: 'en' as const, fold: index % folds })),
  ...(playbook.zh?.examples ?? []).map((example, index) => ({ text: example.text, expect: playbook.id, also: example.also, lang: 'zh' as const, fold: index % folds })),
]);
const langs = (['en', 'zh'] as const).filter((lang) => rows.some((row) => row.lang === lang));

function trainingTypes(fold: number): TypeDefinition[] {
  const keep = (text: string) => !rows.some((row) => row.fold === fold && row.text === text);
  return typeDefinitions(set.all).map((type) => ({ ...type, examples: type.examples.filter((example) => keep(example.text)) }));
}

function readJsonl(path: string): Array<{ text: string; expect: string | null }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

const ourPrediction = (result: Classification, expected: string | null): Prediction => ({
  expected,
  predicted: result.type,
  top3: result.ranked.slice(0, 3).map((entry) => entry.type),
});
const rankedPrediction = (ranked: readonly string[], expected: string | null): Prediction => ({ expected, predicted: ranked[0] ?? null, top3: ranked.slice(0, 3) });

/** A baseline's top three for each text, trained on `types`; cached by inputs and version. */
function baselineRanks(baseline: Baseline, types: readonly TypeDefinition[], texts: readonly string[]): string[][] {
  return cached(['eval-1', baseline.version, types, texts], () => {
    const predict = baseline.train(types);
    return texts.map((text) => predict(text).slice(0, 3));
  });
}

const timing = new Map<string, number>(systems.map((name) => [name, 0]));
function timed<T>(name: string, work: () => T): T {
  const started = performance.now();
  const result = work();
  timing.set(name, timing.get(name)! + performance.now() - started);
  return result;
}

// Cross-validation.
const cv = new Map<string, Array<Prediction & { lang: Lang }>>(systems.map((name) => [name, []]));
const secondary = { mixed: 0, named: 0, single: 0, falselyNamed: 0 };
const calibration: Array<{ confidence: number; right: boolean }> = [];
const started = performance.now();
for (let fold = 0; fold < folds; fold += 1) {
  const types = trainingTypes(fold);
  const test = rows.filter((row) => row.fold === fold);
  const ours = timed(OURS, () => Classifier.train(types));
  for (const row of test) {
    const result = ours.classify(row.text);
    cv.get(OURS)!.push({ ...ourPrediction(result, row.expect), lang: row.lang });
    if (result.type !== null) calibration.push({ confidence: result.confidence, right: result.type === row.expect });
    if (row.also === undefined) {
      secondary.single += 1;
      if (result.secondary) secondary.falselyNamed += 1;
    } else {
      secondary.mixed += 1;
      const pair = new Set([row.expect, row.also]);
      if (result.secondary && result.type !== null && pair.has(result.type) && pair.has(result.secondary.type)) secondary.named += 1;
    }
  }
  for (const baseline of BASELINES) {
    const ranks = timed(baseline.name, () => baselineRanks(baseline, types, test.map((row) => row.text)));
    test.forEach((row, index) => cv.get(baseline.name)!.push({ ...rankedPrediction(ranks[index]!, row.expect), lang: row.lang }));
  }
  process.stderr.write(`fold ${fold + 1}/${folds} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

function comparison(title: string, predictions: Map<string, Array<Prediction & { lang: Lang }>>, lang: Lang, perType: boolean): void {
  const summaries = new Map<string, Summary>();
  // Averaged over the types that have messages in this language.
  const present = labels.filter((label) => predictions.get(OURS)!.some((p) => p.lang === lang && p.expected === label));
  for (const name of systems) summaries.set(name, summarize(predictions.get(name)!.filter((p) => p.lang === lang), present));
  const count = predictions.get(OURS)!.filter((p) => p.lang === lang).length;
  console.log(`\n## ${title}: ${LANG_NAME[lang]} (${count} messages)\n`);
  console.log('| system | macro-F1 | top-1 | top-3 |');
  console.log('|---|---|---|---|');
  for (const name of systems) {
    const s = summaries.get(name)!;
    console.log(`| ${name} | ${f3(s.macroF1)} | ${f3(s.top1)} | ${f3(s.top3)} |`);
  }
  const ours = summaries.get(OURS)!;
  const best = BASELINES.map((baseline) => ({ name: baseline.name, f1: summaries.get(baseline.name)!.macroF1 })).sort((a, b) => b.f1 - a.f1)[0]!;
  console.log(`\nMargin over the best baseline (${best.name}): ${((ours.macroF1 - best.f1) * 100).toFixed(1)} points of macro-F1 (target: 3 or more).`);
  if (ours.abstained > 0) console.log(`customertype abstained on ${pct(ours.abstained)} (counted as wrong).`);
  if (!perType) return;
  console.log(`\n| type | ${systems.join(' | ')} |`);
  console.log(`|---|${systems.map(() => '---').join('|')}|`);
  for (const label of present) console.log(`| ${label} | ${systems.map((name) => f3(summaries.get(name)!.perType.get(label)!.f1)).join(' | ')} |`);
  console.log('\ncustomertype, most confused (expected → predicted): ' + ours.confusions.slice(0, 8).map((c) => `${c.expected}→${c.predicted} ×${c.count}`).join(', '));
}

console.log(`# customertype evaluation\n\n${labels.length} types; ${rows.length} labelled examples (${langs.map((lang) => `${rows.filter((row) => row.lang === lang).length} ${LANG_NAME[lang]}`).join(', ')}); ${folds}-fold cross-validation, every system on the same folds.`);
for (const lang of langs) comparison(`Cross-validation (${folds} folds)`, cv, lang, true);
console.log(
  `\nSecond type: both types named for ${secondary.named} of ${secondary.mixed} examples labelled with two (${pct(secondary.named / Math.max(1, secondary.mixed))}); ` +
    `a second type named for ${secondary.falselyNamed} of ${secondary.single} labelled with one (${pct(secondary.falselyNamed / Math.max(1, secondary.single))}).`,
);
const buckets = [0, 0.4, 0.7, 0.9, 1.01];
const calibrationLine = buckets.slice(0, -1).map((low, index) => {
  const inBucket = calibration.filter((entry) => entry.confidence >= low && entry.confidence < buckets[index + 1]!);
  const right = inBucket.filter((entry) => entry.right).length;
  return `${Math.round(low * 100)}-${Math.min(100, Math.round(buckets[index + 1]! * 100))}%: ${inBucket.length ? pct(right / inBucket.length) : 'n/a'} right of ${inBucket.length}`;
});
console.log(`\nConfidence against accuracy (cross-validation): ${calibrationLine.join('; ')}.`);

// Held-out files: written for evaluation, never used in training.
const fullTypes = typeDefinitions(set.all);
const full = timed(OURS, () => Classifier.train(fullTypes));
const heldout = new Map<string, Array<Prediction & { lang: Lang }>>(systems.map((name) => [name, []]));
for (const lang of langs) {
  if (!existsSync(HELDOUT[lang])) continue;
  const file = readJsonl(HELDOUT[lang]);
  for (const row of file) heldout.get(OURS)!.push({ ...ourPrediction(full.classify(row.text), row.expect), lang });
  for (const baseline of BASELINES) {
    const ranks = timed(baseline.name, () => baselineRanks(baseline, fullTypes, file.map((row) => row.text)));
    file.forEach((row, index) => heldout.get(baseline.name)!.push({ ...rankedPrediction(ranks[index]!, row.expect), lang }));
  }
}
for (const lang of langs) if (heldout.get(OURS)!.some((p) => p.lang === lang)) comparison(`Held-out file (${HELDOUT[lang].split('/').pop()})`, heldout, lang, true);

/** Precision, recall and F1 of "the top type is angry" (and confused), and calm text called angry. */
function toneReport(file: Array<{ text: string; expect: string | null }>, title: string): void {
  const bySystem = new Map<string, Prediction[]>([[OURS, file.map((row) => ourPrediction(full.classify(row.text), row.expect))]]);
  for (const baseline of BASELINES) {
    const ranks = baselineRanks(baseline, fullTypes, file.map((row) => row.text));
    bySystem.set(baseline.name, file.map((row, index) => rankedPrediction(ranks[index]!, row.expect)));
  }
  console.log(`\n## ${title} (${file.length} rows)\n`);
  console.log(`| measure | ${systems.join(' | ')} |`);
  console.log(`|---|${systems.map(() => '---').join('|')}|`);
  for (const label of ['angry', 'confused']) {
    if (!file.some((row) => row.expect === label)) continue;
    const cells = systems.map((name) => {
      const s = prf(bySystem.get(name)!, label);
      return `${f3(s.precision)} / ${f3(s.recall)} / ${f3(s.f1)}`;
    });
    console.log(`| ${label} P / R / F1 | ${cells.join(' | ')} |`);
  }
  const calmCalledAngry = (predictions: Prediction[]) => {
    const calm = predictions.filter((p) => p.expected === null);
    return `${pct(calm.filter((p) => p.predicted === 'angry').length / Math.max(1, calm.length))} of ${calm.length}`;
  };
  console.log(`| calm or polite called angry | ${systems.map((name) => calmCalledAngry(bySystem.get(name)!)).join(' | ')} |`);
  console.log(`| abstained | ${pct(bySystem.get(OURS)!.filter((p) => p.predicted === null).length / file.length)} |${BASELINES.map(() => ' n/a ').join('|')}|`);
}

// Comments written for this project in the style of social posts: the tone check we may look into
// and learn from, unlike the real-world files below.
const SOCIAL_DIR = resolve('eval/social');
if (existsSync(SOCIAL_DIR)) {
  const file = readdirSync(SOCIAL_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readJsonl(resolve(SOCIAL_DIR, name)));
  toneReport(file, 'Social-style comments (eval/social, written for this project)');
}

// Real-world text: evaluation only, never training, never tuning.
if (!args.includes('--no-external')) {
  for (const [name, title] of [
    ['goemotions-test.jsonl', 'GoEmotions test split'],
    ['bitext-tone.jsonl', 'Bitext rude and polite requests'],
  ] as const) {
    const path = resolve(EXTERNAL_DIR, name);
    if (existsSync(path)) toneReport(readJsonl(path), title);
    else console.log(`\n## ${title}\n\n(skipped: ${path} not found)`);
  }
}

// What teaching does: the two TF-IDF baselines are the ones worth comparing with (the Bayes ones are far behind).
if (existsSync(TEACHING_DOMAINS_DIR)) await teachingReport(teachingInput(BASELINES.slice(0, 2), full), LANG_NAME);

console.log(`\nTime spent training and predicting: ${systems.map((name) => `${name} ${(timing.get(name)! / 1000).toFixed(1)} s`).join(', ')} (baseline results come from the cache when their inputs are unchanged).`);

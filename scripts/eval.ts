/**
 * Measures the classifier: k-fold cross-validation over the playbooks' examples, a held-out file
 * never used for training, and real-world text from ../shared/external (evaluation only), each
 * next to a Naive Bayes baseline trained on exactly the same data.
 *
 *   npm run eval                 all of it
 *   npm run eval -- --folds 5
 *   npm run eval -- --no-external    without the real-world files
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Classifier, type Classification, type TypeDefinition } from '../src/classifier/classifier.js';
import { loadPlaybooks } from '../src/playbooks/load.js';
import { NaiveBayesBaseline } from './lib/baseline.js';
import { f3, pct, prf, summarize, type Prediction, type Summary } from './lib/metrics.js';

const args = process.argv.slice(2);
const folds = Number(args[args.indexOf('--folds') + 1] ?? 10) || 10;
const EXTERNAL_DIR = resolve('../shared/external');
const HELDOUT_FILE = resolve('eval/heldout.jsonl');

const { set } = loadPlaybooks();
const types = set.all;
const labels = set.ids;

function readJsonl(path: string): Array<{ text: string; expect: string | null }> {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

function predictionOf(result: Classification, expected: string | null): Prediction {
  return { expected, predicted: result.type, top3: result.ranked.slice(0, 3).map((entry) => entry.type) };
}

function predictOurs(classifier: Classifier, text: string, expected: string | null): Prediction {
  return predictionOf(classifier.classify(text), expected);
}

function predictBaseline(baseline: NaiveBayesBaseline, text: string, expected: string | null): Prediction {
  const ranked = baseline.ranked(text);
  return { expected, predicted: ranked[0] ?? null, top3: ranked.slice(0, 3) };
}

/** Every type with its cues, and only the examples of the other folds. */
function trainingFolds(fold: number): TypeDefinition[] {
  return types.map((type) => ({ ...type, examples: type.examples.filter((_, index) => index % folds !== fold) }));
}

function report(title: string, ours: Summary, baseline: Summary, showTypes: boolean): void {
  console.log(`\n## ${title}\n`);
  console.log('| metric | customertype | Naive Bayes (natural) |');
  console.log('|---|---|---|');
  console.log(`| macro-F1 | ${f3(ours.macroF1)} | ${f3(baseline.macroF1)} |`);
  console.log(`| top-1 accuracy | ${pct(ours.top1)} | ${pct(baseline.top1)} |`);
  console.log(`| top-3 accuracy | ${pct(ours.top3)} | ${pct(baseline.top3)} |`);
  console.log(`| abstained | ${pct(ours.abstained)} | ${pct(baseline.abstained)} |`);
  if (!showTypes) return;
  console.log('\n| type | precision | recall | F1 | baseline F1 |');
  console.log('|---|---|---|---|---|');
  for (const label of labels) {
    const o = ours.perType.get(label)!;
    console.log(`| ${label} | ${f3(o.precision)} | ${f3(o.recall)} | ${f3(o.f1)} | ${f3(baseline.perType.get(label)!.f1)} |`);
  }
  console.log('\nMost confused (expected → predicted): ' + ours.confusions.slice(0, 8).map((c) => `${c.expected}→${c.predicted} ×${c.count}`).join(', '));
}

// Cross-validation: example i of each type goes to fold i mod k, so every fold holds every type.
const started = performance.now();
const cvOurs: Prediction[] = [];
const cvBaseline: Prediction[] = [];
// The second type: examples labelled with two types (`also`) against those labelled with one.
const secondary = { mixed: 0, named: 0, single: 0, falselyNamed: 0 };
for (let fold = 0; fold < folds; fold += 1) {
  const training = trainingFolds(fold);
  const classifier = Classifier.train(training);
  const baseline = new NaiveBayesBaseline(training);
  for (const type of types) {
    type.examples.forEach((example, index) => {
      if (index % folds !== fold) return;
      const result = classifier.classify(example.text);
      cvOurs.push(predictionOf(result, type.id));
      const pair = new Set([type.id, example.also]);
      if (example.also === undefined) {
        secondary.single += 1;
        if (result.secondary) secondary.falselyNamed += 1;
      } else {
        secondary.mixed += 1;
        if (result.secondary && result.type !== null && pair.has(result.type) && pair.has(result.secondary.type)) secondary.named += 1;
      }
      cvBaseline.push(predictBaseline(baseline, example.text, type.id));
    });
  }
}
const cv = summarize(cvOurs, labels);
const cvBase = summarize(cvBaseline, labels);
console.log(`# customertype evaluation\n\n${types.length} types, ${cvOurs.length} labelled examples, ${folds}-fold cross-validation (${((performance.now() - started) / 1000).toFixed(1)} s).`);
report(`Cross-validation (${folds} folds)`, cv, cvBase, true);
console.log(`\nmacro-F1 lead over the baseline: ${((cv.macroF1 - cvBase.macroF1) * 100).toFixed(1)} points`);
console.log(
  `\nSecond type: both types named for ${secondary.named} of ${secondary.mixed} examples labelled with two (${pct(secondary.named / Math.max(1, secondary.mixed))}); ` +
    `a second type named for ${secondary.falselyNamed} of ${secondary.single} labelled with one (${pct(secondary.falselyNamed / Math.max(1, secondary.single))}).`,
);

// Held-out: messages written for evaluation and never used in training.
const full = Classifier.train(types);
const fullBaseline = new NaiveBayesBaseline(types);
if (existsSync(HELDOUT_FILE)) {
  const rows = readJsonl(HELDOUT_FILE);
  const ours = rows.map((row) => predictOurs(full, row.text, row.expect));
  const base = rows.map((row) => predictBaseline(fullBaseline, row.text, row.expect));
  report(`Held-out file (${rows.length} messages, eval/heldout.jsonl)`, summarize(ours, labels), summarize(base, labels), false);
}

/** Precision, recall and F1 of "the top type is angry" (and confused), and calm text called angry. */
function toneReport(rows: Array<{ text: string; expect: string | null }>, title: string): void {
  const ours = rows.map((row) => predictOurs(full, row.text, row.expect));
  const base = rows.map((row) => predictBaseline(fullBaseline, row.text, row.expect));
  console.log(`\n## ${title} (${rows.length} rows)\n`);
  console.log('| label | customertype P / R / F1 | Naive Bayes P / R / F1 |');
  console.log('|---|---|---|');
  for (const label of ['angry', 'confused']) {
    if (!rows.some((row) => row.expect === label)) continue;
    const o = prf(ours, label);
    const b = prf(base, label);
    console.log(`| ${label} | ${f3(o.precision)} / ${f3(o.recall)} / ${f3(o.f1)} | ${f3(b.precision)} / ${f3(b.recall)} / ${f3(b.f1)} |`);
  }
  const calm = ours.filter((p) => p.expected === null);
  const calmBase = base.filter((p) => p.expected === null);
  const wrongAngry = calm.filter((p) => p.predicted === 'angry').length / Math.max(1, calm.length);
  const wrongAngryBase = calmBase.filter((p) => p.predicted === 'angry').length / Math.max(1, calmBase.length);
  console.log(`| polite/neutral called angry | ${pct(wrongAngry)} of ${calm.length} | ${pct(wrongAngryBase)} |`);
  console.log(`| abstained | ${pct(ours.filter((p) => p.predicted === null).length / rows.length)} | n/a |`);
}

// Comments written for this project in the style of social posts: the check on tone we may look
// into and learn from, unlike the real-world files below.
const SOCIAL_DIR = resolve('eval/social');
if (existsSync(SOCIAL_DIR)) {
  const rows = readdirSync(SOCIAL_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) => readJsonl(resolve(SOCIAL_DIR, file)));
  toneReport(rows, 'Social-style comments (eval/social, written for this project)');
}

// Real-world text: evaluation only, never training.
function externalReport(file: string, title: string): void {
  const path = resolve(EXTERNAL_DIR, file);
  if (!existsSync(path)) {
    console.log(`\n## ${title}\n\n(skipped: ${path} not found)`);
    return;
  }
  toneReport(readJsonl(path), title);
}
if (!args.includes('--no-external')) {
  externalReport('goemotions-test.jsonl', 'GoEmotions test split');
  externalReport('bitext-tone.jsonl', 'Bitext rude and polite requests');
}

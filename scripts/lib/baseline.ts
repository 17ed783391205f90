import { createRequire } from 'node:module';
import type { TypeDefinition } from '../../src/classifier/classifier.js';
import { CLASSIC, SEGMENTED, TfidfBaseline } from './tfidf-baseline.js';

/** A system customertype is measured against: trained on the same types, ranking every type for a text. */
export interface Baseline {
  name: string;
  /** Bumped when the baseline's code changes, so cached predictions are not reused across versions. */
  version: string;
  train(types: readonly TypeDefinition[]): (text: string) => string[];
}

/** Exactly what customertype learns from: every example and every cue word, as labelled texts. */
function labelledTexts(types: readonly TypeDefinition[]): Array<{ text: string; label: number }> {
  return types.flatMap((type, label) => [
    ...type.examples.map((example) => ({ text: example.text, label })),
    ...type.cues.map((cue) => ({ text: cue.replace(/\*$/, ''), label })),
  ]);
}

export const tfidf: Baseline = {
  name: 'TF-IDF + logistic regression',
  version: 'tfidf-2',
  train(types) {
    const model = new TfidfBaseline(labelledTexts(types), types.length, CLASSIC);
    return (text) => model.ranked(text).map((index) => types[index]!.id);
  },
};

export const tfidfSegmented: Baseline = {
  name: 'TF-IDF (segmented words, char 1-3)',
  version: 'tfidf-seg-2',
  train(types) {
    const model = new TfidfBaseline(labelledTexts(types), types.length, SEGMENTED);
    return (text) => model.ranked(text).map((index) => types[index]!.id);
  },
};

const require = createRequire(import.meta.url);

interface WinkClassifier {
  definePrepTasks(tasks: Array<(text: string) => string[]>): void;
  defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): void;
  learn(text: string, label: string): void;
  consolidate(): void;
  computeOdds(text: string): Array<[string, number]>;
}

export const wink: Baseline = {
  name: 'wink-naive-bayes',
  version: 'wink-1',
  train(types) {
    const classifier = (require('wink-naive-bayes-text-classifier') as () => WinkClassifier)();
    // The package's own winkNLP pre-processing: words, no stop words, stems, negation marked.
    classifier.definePrepTasks([require('wink-naive-bayes-text-classifier/src/prep-text.js') as (text: string) => string[]]);
    classifier.defineConfig({ considerOnlyPresence: false, smoothingFactor: 0.5 });
    for (const { text, label } of labelledTexts(types)) classifier.learn(text, types[label]!.id);
    classifier.consolidate();
    return (text) => {
      try {
        return classifier.computeOdds(text).map(([label]) => label);
      } catch {
        // A text with no known word: wink has no answer.
        return [];
      }
    };
  },
};

interface BayesClassifier {
  addDocument(text: string, label: string): void;
  train(): void;
  getClassifications(text: string): Array<{ label: string; value: number }>;
}

export const natural: Baseline = {
  name: 'natural BayesClassifier',
  version: 'natural-1',
  train(types) {
    // natural pulls in dotenv, which announces itself on stdout unless told to be quiet.
    process.env.DOTENV_CONFIG_QUIET = 'true';
    const { BayesClassifier } = require('natural') as { BayesClassifier: new () => BayesClassifier };
    const bayes = new BayesClassifier();
    for (const { text, label } of labelledTexts(types)) bayes.addDocument(text, types[label]!.id);
    bayes.train();
    return (text) => bayes.getClassifications(text).map((entry) => entry.label);
  },
};

export const BASELINES = [tfidf, tfidfSegmented, wink, natural];

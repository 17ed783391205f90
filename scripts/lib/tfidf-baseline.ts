import { saga, type SparseVector } from '../../src/classifier/model.js';

/**
 * The classic strong text-classification baseline, built as scikit-learn builds it:
 * TfidfVectorizer(word 1-2-grams, token pattern \w\w+) ∪ TfidfVectorizer(char_wb 3-5-grams), each
 * with sublinear tf, smooth idf and L2 norm, then multinomial logistic regression (mean
 * cross-entropy + ‖W‖² / 2Cn, the objective of scikit-learn's LogisticRegression) with C chosen by
 * cross-validation on the training data alone. It is fitted by the same solver as customertype
 * (SAGA, one of scikit-learn's own), so the two differ in what they read, not in how they are fitted.
 */
export interface TrainingText {
  text: string;
  label: number;
}

export interface TfidfOptions {
  /** `regex`: scikit-learn's default token pattern; `segmenter`: Intl.Segmenter's words (Chinese has no spaces). */
  words: 'regex' | 'segmenter';
  /** `char_wb`: n-grams inside whitespace-separated words; `char`: n-grams over the whole text, spaces included. */
  chars: 'char_wb' | 'char';
  charRange: readonly [number, number];
  /** Candidate values of C, chosen by macro-F1 in inner cross-validation. */
  grid: readonly number[];
  innerFolds: number;
  epochs: number;
}

export const CLASSIC: TfidfOptions = { words: 'regex', chars: 'char_wb', charRange: [3, 5], grid: [1, 3, 10, 30], innerFolds: 3, epochs: 20 };

/**
 * The same baseline as an engineer would set it up for Chinese: words from Intl.Segmenter (a run of
 * Han characters is otherwise one "word"), and character 1-3-grams over the whole text, since most
 * Chinese words are one to three characters long.
 */
export const SEGMENTED: TfidfOptions = { ...CLASSIC, words: 'segmenter', chars: 'char', charRange: [1, 3] };

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function segmentedWordGrams(text: string): string[] {
  const tokens = [...segmenter.segment(text.toLowerCase())].filter((part) => part.isWordLike).map((part) => part.segment);
  const grams = [...tokens];
  for (let i = 1; i < tokens.length; i += 1) grams.push(`${tokens[i - 1]} ${tokens[i]}`);
  return grams;
}

/** scikit-learn's `char` analyzer: n-grams over the text with runs of whitespace folded to one space. */
function wholeTextCharGrams(text: string, [min, max]: readonly [number, number]): string[] {
  const chars = Array.from(text.toLowerCase().replace(/\s+/g, ' '));
  const grams: string[] = [];
  for (let n = min; n <= max; n += 1) for (let i = 0; i + n <= chars.length; i += 1) grams.push(chars.slice(i, i + n).join(''));
  return grams;
}

const WORD = /[\p{L}\p{M}\p{N}_]{2,}/gu;

function wordGrams(text: string): string[] {
  const tokens = text.toLowerCase().match(WORD) ?? [];
  const grams = [...tokens];
  for (let i = 1; i < tokens.length; i += 1) grams.push(`${tokens[i - 1]} ${tokens[i]}`);
  return grams;
}

/** scikit-learn's `char_wb`: n-grams inside each whitespace-separated word padded with one space. */
function charGrams(text: string, [min, max]: readonly [number, number]): string[] {
  const grams: string[] = [];
  for (const raw of text.toLowerCase().split(/\s+/)) {
    if (raw === '') continue;
    const word = ` ${raw} `;
    for (let n = min; n <= max; n += 1) {
      let offset = 0;
      grams.push(word.slice(offset, offset + n));
      while (offset + n < word.length) {
        offset += 1;
        grams.push(word.slice(offset, offset + n));
      }
      if (offset === 0) break;
    }
  }
  return grams;
}

class Vectorizer {
  readonly index = new Map<string, number>();
  private idf = new Float64Array();

  constructor(
    private readonly analyze: (text: string) => string[],
    private readonly offset: number,
  ) {}

  fit(texts: readonly string[]): void {
    const df = new Map<string, number>();
    for (const text of texts) for (const gram of new Set(this.analyze(text))) df.set(gram, (df.get(gram) ?? 0) + 1);
    for (const gram of [...df.keys()].sort()) this.index.set(gram, this.index.size);
    this.idf = new Float64Array(this.index.size);
    for (const [gram, id] of this.index) this.idf[id] = Math.log((1 + texts.length) / (1 + df.get(gram)!)) + 1;
  }

  transform(text: string, rows: number[], values: number[]): void {
    const counts = new Map<number, number>();
    for (const gram of this.analyze(text)) {
      const id = this.index.get(gram);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    const weighted: Array<[number, number]> = [];
    for (const [id, count] of counts) {
      const value = (1 + Math.log(count)) * this.idf[id]!;
      weighted.push([id, value]);
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [id, value] of weighted) {
      rows.push(id + this.offset);
      values.push(value / norm);
    }
  }
}

class Pipeline {
  private words!: Vectorizer;
  private chars!: Vectorizer;
  private weights!: Float64Array;
  private bias!: Float64Array;

  constructor(
    private readonly options: TfidfOptions,
    private readonly classCount: number,
  ) {}

  fit(data: readonly TrainingText[], C: number): this {
    const texts = data.map((row) => row.text);
    this.words = new Vectorizer(this.options.words === 'segmenter' ? segmentedWordGrams : wordGrams, 0);
    this.words.fit(texts);
    const chars = this.options.chars === 'char' ? wholeTextCharGrams : charGrams;
    this.chars = new Vectorizer((text) => chars(text, this.options.charRange), this.words.index.size);
    this.chars.fit(texts);
    const vectors = texts.map((text) => this.vector(text));
    const size = this.words.index.size + this.chars.index.size;
    ({ weights: this.weights, bias: this.bias } = saga(vectors, data.map((row) => ({ label: row.label, weight: 1 })), size, this.classCount, { C, epochs: this.options.epochs, seed: 7 }));
    return this;
  }

  private vector(text: string): SparseVector {
    const rows: number[] = [];
    const values: number[] = [];
    this.words.transform(text, rows, values);
    this.chars.transform(text, rows, values);
    return { rows: Int32Array.from(rows), values: Float64Array.from(values) };
  }

  scores(text: string): Float64Array {
    const K = this.classCount;
    const { rows, values } = this.vector(text);
    const scores = new Float64Array(this.bias);
    for (let k = 0; k < rows.length; k += 1) for (let c = 0; c < K; c += 1) scores[c]! += this.weights[rows[k]! * K + c]! * values[k]!;
    return scores;
  }
}

function macroF1(predicted: readonly number[], expected: readonly number[], classCount: number): number {
  let sum = 0;
  for (let label = 0; label < classCount; label += 1) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    predicted.forEach((p, i) => {
      if (p === label && expected[i] === label) tp += 1;
      else if (p === label) fp += 1;
      else if (expected[i] === label) fn += 1;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / classCount;
}

const argmax = (scores: Float64Array) => scores.reduce((best, score, index) => (score > scores[best]! ? index : best), 0);

/** The baseline: C picked by macro-F1 in inner cross-validation over `data` alone, then fitted on all of it. */
export class TfidfBaseline {
  readonly chosenC: number;
  private readonly pipeline: Pipeline;

  constructor(data: readonly TrainingText[], classCount: number, options: TfidfOptions = CLASSIC) {
    let best = { C: options.grid[0]!, score: -1 };
    if (options.grid.length > 1) {
      for (const C of options.grid) {
        const predicted: number[] = [];
        const expected: number[] = [];
        for (let fold = 0; fold < options.innerFolds; fold += 1) {
          const pipeline = new Pipeline(options, classCount).fit(
            data.filter((_, index) => index % options.innerFolds !== fold),
            C,
          );
          data.forEach((row, index) => {
            if (index % options.innerFolds !== fold) return;
            predicted.push(argmax(pipeline.scores(row.text)));
            expected.push(row.label);
          });
        }
        const score = macroF1(predicted, expected, classCount);
        if (score > best.score) best = { C, score };
      }
    }
    this.chosenC = best.C;
    this.pipeline = new Pipeline(options, classCount).fit(data, best.C);
  }

  /** Class indexes, best first. */
  ranked(text: string): number[] {
    const scores = this.pipeline.scores(text);
    return Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]!);
  }
}

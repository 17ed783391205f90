import { mulberry32 } from '../random.js';
import type { FeatureVector } from './features.js';

export interface TrainingDoc {
  features: FeatureVector;
  /** Probability the doc belongs to each class (sums to 1): a mixed example is 0.7 / 0.3. */
  target: Float64Array;
  weight: number;
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Features the model knows, in parallel arrays: name, row in the weight table, value. */
export interface KnownFeatures {
  names: string[];
  ids: Int32Array;
  values: Float64Array;
}

export const DEFAULT_TRAINING: TrainingOptions = { epochs: 30, learningRate: 0.5, l2: 1e-4, seed: 7 };

function softmaxInPlace(values: Float64Array): void {
  let max = -Infinity;
  for (const value of values) if (value > max) max = value;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    values[i] = Math.exp(values[i]! - max);
    sum += values[i]!;
  }
  for (let i = 0; i < values.length; i += 1) values[i]! /= sum;
}

/**
 * Multinomial logistic regression over sparse features, trained with AdaGrad. Linear, so every
 * decision splits into per-feature contributions an agent can read as "why".
 */
export class SoftmaxModel {
  /** Per feature, its largest absolute weight for any class: computed once, asked for every word. */
  private readonly strengths: Float64Array;
  /** Per feature, its mean weight over the classes, the reference point for "pushed towards". */
  private readonly means: Float64Array;

  private constructor(
    readonly classCount: number,
    private readonly featureIndex: Map<string, number>,
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
  ) {
    this.strengths = new Float64Array(featureIndex.size);
    this.means = new Float64Array(featureIndex.size);
    for (let id = 0; id < featureIndex.size; id += 1) {
      let max = 0;
      let sum = 0;
      for (let c = 0; c < classCount; c += 1) {
        const weight = weights[id * classCount + c]!;
        max = Math.max(max, Math.abs(weight));
        sum += weight;
      }
      this.strengths[id] = max;
      this.means[id] = sum / classCount;
    }
  }

  /** `docs` is read once; a generator keeps only the compact indexed form of each doc alive, not its map. */
  static train(docs: Iterable<TrainingDoc>, classCount: number, options: TrainingOptions = DEFAULT_TRAINING): SoftmaxModel {
    const featureIndex = new Map<string, number>();
    const indexed = Array.from(docs, (doc) => {
      const ids: number[] = [];
      const values: number[] = [];
      for (const [name, value] of doc.features) {
        let id = featureIndex.get(name);
        if (id === undefined) {
          id = featureIndex.size;
          featureIndex.set(name, id);
        }
        ids.push(id);
        values.push(value);
      }
      return { ids: Int32Array.from(ids), values: Float64Array.from(values), target: doc.target, weight: doc.weight };
    });
    const C = classCount;
    const weights = new Float64Array(featureIndex.size * C);
    const gradSquares = new Float64Array(featureIndex.size * C).fill(1e-8);
    const bias = new Float64Array(C);
    const biasSquares = new Float64Array(C).fill(1e-8);
    const probabilities = new Float64Array(C);
    const random = mulberry32(options.seed);
    const order = indexed.map((_, i) => i);

    for (let epoch = 0; epoch < options.epochs; epoch += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const docIndex of order) {
        const doc = indexed[docIndex]!;
        probabilities.set(bias);
        for (let k = 0; k < doc.ids.length; k += 1) {
          const base = doc.ids[k]! * C;
          const value = doc.values[k]!;
          for (let c = 0; c < C; c += 1) probabilities[c]! += weights[base + c]! * value;
        }
        softmaxInPlace(probabilities);
        for (let c = 0; c < C; c += 1) {
          const error = (probabilities[c]! - doc.target[c]!) * doc.weight;
          // Once a class is confidently ruled out its gradient is negligible; skipping it halves training time.
          if (Math.abs(error) < 1e-4) continue;
          biasSquares[c]! += error * error;
          bias[c]! -= (options.learningRate * error) / Math.sqrt(biasSquares[c]!);
          for (let k = 0; k < doc.ids.length; k += 1) {
            const at = doc.ids[k]! * C + c;
            const gradient = error * doc.values[k]! + options.l2 * weights[at]!;
            gradSquares[at]! += gradient * gradient;
            weights[at]! -= (options.learningRate * gradient) / Math.sqrt(gradSquares[at]!);
          }
        }
      }
    }
    return new SoftmaxModel(C, featureIndex, weights, bias);
  }

  /**
   * The features the model knows, looked up once: predicting, explaining and finding a runner-up
   * all walk the same list, and features it has never seen carry no evidence either way.
   */
  resolve(features: FeatureVector): KnownFeatures {
    const names: string[] = new Array(features.size);
    const ids = new Int32Array(features.size);
    const values = new Float64Array(features.size);
    let count = 0;
    for (const [name, value] of features) {
      const id = this.featureIndex.get(name);
      if (id === undefined) continue;
      names[count] = name;
      ids[count] = id;
      values[count] = value;
      count += 1;
    }
    names.length = count;
    return { names, ids: ids.subarray(0, count), values: values.subarray(0, count) };
  }

  /** Whether the model has a weight for this feature: anything else is not worth counting. */
  readonly knows = (name: string): boolean => this.featureIndex.has(name);

  /** A probability per class. */
  predict(known: KnownFeatures, temperature = 1, offsets?: Float64Array): Float64Array {
    return this.score(known, temperature, -1, offsets);
  }

  /**
   * The best class once the evidence for `excluded` is taken away: every feature that pushed towards
   * it is dropped and the class itself is out of the running. What is left says whether a second
   * type stands on its own feet (an angry loyalist is still a loyalist without the anger).
   */
  runnerUp(known: KnownFeatures, excluded: number, temperature = 1, offsets?: Float64Array): { index: number; probability: number } {
    const probabilities = this.score(known, temperature, excluded, offsets);
    let index = excluded === 0 ? 1 : 0;
    for (let c = 0; c < this.classCount; c += 1) if (c !== excluded && probabilities[c]! > probabilities[index]!) index = c;
    return { index, probability: probabilities[index]! };
  }

  /**
   * How much each feature pushed towards `classIndex` rather than the average class,
   * largest first; only features that pushed towards it.
   */
  contributions(known: KnownFeatures, classIndex: number, limit = 12): Array<{ name: string; amount: number }> {
    const C = this.classCount;
    const result: Array<{ name: string; amount: number }> = [];
    let floor = 0;
    for (let k = 0; k < known.ids.length; k += 1) {
      const id = known.ids[k]!;
      const amount = (this.weights[id * C + classIndex]! - this.means[id]!) * known.values[k]!;
      if (amount <= floor) continue;
      result.push({ name: known.names[k]!, amount });
      // Keep only the strongest `limit`: explanations need a handful, and sorting every feature of a long message is waste.
      if (result.length > limit * 2) {
        result.sort((a, b) => b.amount - a.amount).length = limit;
        floor = result[limit - 1]!.amount;
      }
    }
    return result.sort((a, b) => b.amount - a.amount).slice(0, limit);
  }

  /** The largest weight the k-th known feature has for any class: whether it is evidence at all. */
  strength(known: KnownFeatures, k: number): number {
    return this.strengths[known.ids[k]!]!;
  }

  /**
   * Softmax of the scores; with `excluded` ≥ 0, without that class and without the features that
   * favour it. `offsets` shift a class's score up or down before the softmax.
   */
  private score(known: KnownFeatures, temperature: number, excluded: number, offsets?: Float64Array): Float64Array {
    const C = this.classCount;
    const scores = new Float64Array(this.bias);
    if (offsets) for (let c = 0; c < C; c += 1) scores[c]! += offsets[c]!;
    for (let k = 0; k < known.ids.length; k += 1) {
      const base = known.ids[k]! * C;
      if (excluded >= 0 && this.weights[base + excluded]! > this.means[known.ids[k]!]!) continue;
      const value = known.values[k]!;
      for (let c = 0; c < C; c += 1) scores[c]! += this.weights[base + c]! * value;
    }
    if (excluded >= 0) scores[excluded] = -Infinity;
    if (temperature !== 1) for (let c = 0; c < C; c += 1) scores[c]! /= temperature;
    softmaxInPlace(scores);
    return scores;
  }
}

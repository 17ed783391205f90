import { mulberry32 } from '../random.js';
import { BLOCK, type Blocks, type BlockId, type FeatureSink } from './features.js';
import { IntTable } from './int-table.js';

/** A training document: its blocks, what it should predict, and how much it counts. */
export interface TrainingDoc {
  blocks: Blocks;
  /** The class, and optionally a second one it also shows (a mixed example: 70 / 30). */
  label: number;
  also?: number | undefined;
  weight: number;
}

export interface TrainingOptions {
  /** SAGA's step as a multiple of 1 / 3L, the step its convergence proof allows. */
  stepScale?: number;
  /** Inverse strength of the L2 penalty, as scikit-learn's C: the loss is the mean cross-entropy plus ‖W‖² / (2·C·n). */
  C: number;
  epochs: number;
  seed: number;
  /** How much each block counts once L2-normalised: characters a little less than words. */
  blockWeights: Readonly<Record<BlockId, number>>;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  // C 10 and character n-grams at 0.75 of the word block: best of a grid over C 2.5–20 and 0.5–1.0 in
  // cross-validation and on both held-out files, in English and Chinese (higher C or more epochs: no change).
  C: 10,
  // Twice the proven step reaches in 10 epochs what the proven one does in 20 (measured in cross-validation).
  epochs: 10,
  stepScale: 2,
  seed: 7,
  blockWeights: { [BLOCK.lexical]: 1, [BLOCK.chars]: 0.75, [BLOCK.style]: 0.1 },
};

export const MIXED_EXAMPLE_SHARE = 0.3;

/** A trained model as plain arrays: what a training worker sends back, with its buffers transferred. */
export interface ModelParts {
  classCount: number;
  /** Each row's feature hash, in row order. */
  keys: Int32Array;
  idf: Float64Array;
  blockOf: Uint8Array;
  blockWeights: Readonly<Record<BlockId, number>>;
  weights: Float32Array;
  bias: Float64Array;
}

/** A message's features that the model knows, as rows of its weight table and their values. */
export interface KnownFeatures {
  rows: Int32Array;
  values: Float64Array;
}

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

const damp = (count: number) => (count <= 1 ? count : 1 + Math.log(count));

/**
 * Multinomial logistic regression over TF-IDF features: each block's counts damped (1 + ln n),
 * weighted by inverse document frequency and L2-normalised, as the classic strong text baseline
 * does, then fitted to the regularised optimum by SAGA. Linear, so every decision splits into
 * per-feature contributions an agent can read as "why".
 */
export class LinearModel {
  /** Per row, its largest absolute weight for any class: whether the feature is evidence at all. */
  private readonly strengths: Float32Array;
  private readonly weights: Float32Array;
  private readonly index: IntTable;
  /** Per row, its mean weight over the classes, the reference point for "pushed towards". */
  private readonly means: Float32Array;
  /**
   * The message being classified, by row: its counts while features arrive, then its final values.
   * Reused from message to message (a classification runs start to end without yielding), so a
   * long message allocates nothing per feature.
   */
  private readonly counts: Float32Array;
  private readonly rowValues: Float32Array;
  /** Per row of the message, the token that first produced it: what a feature is shown as. */
  private readonly firstToken: Int32Array;
  private touched = new Int32Array(1024);
  private touchedCount = 0;
  private lastRows: Int32Array = new Int32Array(0);

  private constructor(
    readonly classCount: number,
    private readonly keys: Int32Array,
    private readonly idf: Float64Array,
    private readonly blockOf: Uint8Array,
    private readonly blockWeights: Readonly<Record<BlockId, number>>,
    weights: Float32Array | Float64Array,
    private readonly bias: Float64Array,
  ) {
    this.index = new IntTable(keys.length);
    for (const key of keys) this.index.intern(key);
    // Single precision is plenty to classify with, and halves the memory each message reads.
    this.weights = weights instanceof Float32Array ? weights : Float32Array.from(weights);
    const rows = keys.length;
    // Per-row scratch and summaries in single precision too: a long message touches thousands of
    // rows, and the bot holds them all its life (about 2 MB less resident than in double).
    this.counts = new Float32Array(rows);
    this.rowValues = new Float32Array(rows);
    this.firstToken = new Int32Array(rows);
    this.strengths = new Float32Array(rows);
    this.means = new Float32Array(rows);
    for (let row = 0; row < rows; row += 1) {
      let max = 0;
      let sum = 0;
      for (let c = 0; c < classCount; c += 1) {
        const weight = weights[row * classCount + c]!;
        max = Math.max(max, Math.abs(weight));
        sum += weight;
      }
      this.strengths[row] = max;
      this.means[row] = sum / classCount;
    }
  }

  get featureCount(): number {
    return this.idf.length;
  }

  static train(docs: readonly TrainingDoc[], classCount: number, options: TrainingOptions = DEFAULT_TRAINING): LinearModel {
    // Vocabulary and document frequencies over every training document.
    const found = new Map<number, number>();
    const blockOfHash = new Map<number, BlockId>();
    for (const doc of docs) {
      for (const block of [BLOCK.lexical, BLOCK.chars, BLOCK.style] as const) {
        for (const hash of blockMap(doc.blocks, block).keys()) {
          found.set(hash, (found.get(hash) ?? 0) + 1);
          blockOfHash.set(hash, block);
        }
      }
    }
    const keys = Int32Array.from(found.keys());
    const df = Array.from(found.values());
    const blockOf = Uint8Array.from(keys, (hash) => blockOfHash.get(hash)!);
    const n = docs.length;
    const idf = Float64Array.from(df, (count, row) => (blockOf[row] === BLOCK.style ? 1 : Math.log((1 + n) / (1 + count)) + 1));
    const untrained = new LinearModel(classCount, keys, idf, blockOf, options.blockWeights, new Float64Array(0), new Float64Array(classCount));
    const vectors = docs.map((doc) => untrained.vectorize(doc.blocks));
    const { weights, bias } = saga(vectors, docs, keys.length, classCount, options);
    return new LinearModel(classCount, keys, idf, blockOf, options.blockWeights, weights, bias);
  }

  static fromParts(parts: ModelParts): LinearModel {
    return new LinearModel(parts.classCount, parts.keys, parts.idf, parts.blockOf, parts.blockWeights, parts.weights, parts.bias);
  }

  toParts(): ModelParts {
    return { classCount: this.classCount, keys: this.keys, idf: this.idf, blockOf: this.blockOf, blockWeights: this.blockWeights, weights: this.weights, bias: this.bias };
  }

  /** A training document's known features as weighted, normalised values. */
  vectorize(blocks: Blocks): KnownFeatures {
    const sink = this.begin();
    for (const block of [BLOCK.lexical, BLOCK.chars, BLOCK.style] as const) for (const [hash, count] of blockMap(blocks, block)) sink.add(block, hash, count);
    const known = this.end();
    // A copy: the scratch arrays belong to the next message.
    return { rows: Int32Array.from(known.rows), values: Float64Array.from(known.values) };
  }

  /** Starts a message: features handed to the returned sink are counted by row; features the model never saw count for nothing. */
  begin(): FeatureSink {
    for (const row of this.lastRows) this.rowValues[row] = 0;
    this.touchedCount = 0;
    return this.sink;
  }

  private readonly sink: FeatureSink = {
    token: -1,
    add: (_block, hash, amount) => {
      const row = this.index.get(hash);
      if (row < 0) return;
      if (this.counts[row] === 0) {
        this.firstToken[row] = this.sink.token;
        if (this.touchedCount === this.touched.length) {
          const larger = new Int32Array(this.touched.length * 2);
          larger.set(this.touched);
          this.touched = larger;
        }
        this.touched[this.touchedCount] = row;
        this.touchedCount += 1;
      }
      this.counts[row]! += amount;
    },
  };

  /**
   * Ends the message: counts damped (1 + ln n) and weighted by idf, each block L2-normalised and
   * weighted. The result, and `valueOf`, are valid until the next `begin`.
   */
  end(): KnownFeatures {
    const rows = this.touched.subarray(0, this.touchedCount);
    const norms = [0, 0, 0];
    const values = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k += 1) {
      const row = rows[k]!;
      const count = this.counts[row]!;
      this.counts[row] = 0;
      // Style is whether a mark or shouting is there, not how often: a hundred "!" are one raised voice.
      const value = this.blockOf[row] === BLOCK.style ? Math.min(1, count) : damp(count) * this.idf[row]!;
      values[k] = value;
      norms[this.blockOf[row]!]! += value * value;
    }
    // Style is a handful of flags: it is weighted, not normalised.
    const scales = norms.map((norm, block) =>
      block === BLOCK.style ? this.blockWeights[block as BlockId] : norm > 0 ? this.blockWeights[block as BlockId] / Math.sqrt(norm) : 0,
    );
    for (let k = 0; k < rows.length; k += 1) {
      const row = rows[k]!;
      values[k]! *= scales[this.blockOf[row]!]!;
      this.rowValues[row] = values[k]!;
    }
    this.lastRows = rows;
    return { rows, values };
  }

  /** A probability per class; `offsets` shift a class's score before the softmax. */
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
    let best = excluded === 0 ? 1 : 0;
    for (let c = 0; c < this.classCount; c += 1) if (c !== excluded && probabilities[c]! > probabilities[best]!) best = c;
    return { index: best, probability: probabilities[best]! };
  }

  /**
   * How much each token of the message last ended pushed towards `classIndex` rather than the
   * average class, through every feature it produced first; features of the message as a whole
   * (shouting, marks) are left to `contributionOf`.
   */
  tokenContributions(tokenCount: number, classIndex: number): Float64Array {
    const scores = new Float64Array(tokenCount);
    const C = this.classCount;
    for (const row of this.lastRows) {
      const token = this.firstToken[row]!;
      if (token < 0 || token >= tokenCount) continue;
      scores[token]! += (this.weights[row * C + classIndex]! - this.means[row]!) * this.rowValues[row]!;
    }
    return scores;
  }

  /**
   * How much a feature of the message last ended pushed towards `classIndex` rather than the
   * average class; 0 for one the message or the model does not have.
   */
  contributionOf(hash: number, classIndex: number): number {
    const row = this.index.get(hash);
    if (row < 0) return 0;
    const value = this.rowValues[row]!;
    return value === 0 ? 0 : (this.weights[row * this.classCount + classIndex]! - this.means[row]!) * value;
  }

  /** The largest weight a feature has for any class, 0 for one the model never saw. */
  strengthOf(hash: number): number {
    const row = this.index.get(hash);
    return row < 0 ? 0 : this.strengths[row]!;
  }

  private score(known: KnownFeatures, temperature: number, excluded: number, offsets?: Float64Array): Float64Array {
    const C = this.classCount;
    const scores = new Float64Array(this.bias);
    if (offsets) for (let c = 0; c < C; c += 1) scores[c]! += offsets[c]!;
    for (let k = 0; k < known.rows.length; k += 1) {
      const row = known.rows[k]!;
      const base = row * C;
      if (excluded >= 0 && this.weights[base + excluded]! > this.means[row]!) continue;
      const value = known.values[k]!;
      for (let c = 0; c < C; c += 1) scores[c]! += this.weights[base + c]! * value;
    }
    if (excluded >= 0) scores[excluded] = -Infinity;
    if (temperature !== 1) for (let c = 0; c < C; c += 1) scores[c]! /= temperature;
    softmaxInPlace(scores);
    return scores;
  }
}

function blockMap(blocks: Blocks, block: BlockId): Map<number, number> {
  return block === BLOCK.lexical ? blocks.lexical : block === BLOCK.chars ? blocks.chars : blocks.style;
}

/**
 * SAGA (Defazio et al., 2014) for the L2-regularised multinomial loss: each step uses one document's
 * fresh gradient against the stored one, plus the average of all stored gradients, so it converges
 * like full-batch descent at the cost of a stochastic step. Features a step does not touch are
 * brought up to date only when next touched, in closed form, so an epoch costs what the documents'
 * features cost, not the size of the weight table.
 */
const DECAY_TABLE = 1 << 14;
/** A gradient change below this is left out of a step: it would move no weight by a measurable amount. */
const MOVED = 1e-6;

/** What SAGA needs of a document: its sparse vector, its classes and its weight. */
export interface SparseVector {
  rows: Int32Array;
  values: Float64Array;
}
export type Labelled = Pick<TrainingDoc, 'label' | 'also' | 'weight'>;

export function saga(
  vectors: readonly SparseVector[],
  docs: readonly Labelled[],
  featureCount: number,
  classCount: number,
  options: Pick<TrainingOptions, 'C' | 'epochs' | 'seed'> & { stepScale?: number },
): { weights: Float64Array; bias: Float64Array } {
  const K = classCount;
  const K2 = 2 * K;
  const n = vectors.length;
  const lambda = 1 / (options.C * n);
  const perLambda = options.C * n;
  const perDoc = 1 / n;
  // Per feature, its K weights and then the K averaged gradients, side by side: a step touches both.
  // Single precision halves the memory each step reads, which is what bounds training speed; the
  // weights come out the same to three decimals of every eval figure, and are used as Float32 anyway.
  const table = new Float32Array(featureCount * K2);
  const bias = new Float64Array(K);
  const biasAverage = new Float64Array(K);
  const stored = new Float64Array(n * K);
  const updatedAt = new Int32Array(featureCount);
  let largest = 0;
  for (let d = 0; d < n; d += 1) {
    let norm = 1;
    for (const value of vectors[d]!.values) norm += value * value;
    largest = Math.max(largest, norm * docs[d]!.weight);
  }
  // 1 / (3L) is the step the convergence proof allows; L bounds the curvature of one document's loss.
  const eta = (options.stepScale ?? 1) / (3 * (0.5 * largest + lambda));
  const logDecay = Math.log(1 - eta * lambda);
  // (1 - ηλ)^k for the short gaps that are nearly all of them; Math.exp only for longer ones.
  const powers = new Float64Array(DECAY_TABLE);
  for (let k = 0; k < DECAY_TABLE; k += 1) powers[k] = Math.exp(k * logDecay);
  const random = mulberry32(options.seed);
  const p = new Float64Array(K);
  const active = new Int32Array(K);
  const delta = new Float64Array(K);
  const targets = docs.map((doc) => {
    const target = new Float64Array(K);
    if (doc.also === undefined) target[doc.label] = 1;
    else {
      target[doc.label] = 1 - MIXED_EXAMPLE_SHARE;
      target[doc.also] = MIXED_EXAMPLE_SHARE;
    }
    return target;
  });
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let iteration = 0; iteration < n; iteration += 1) {
      const d = Math.floor(random() * n);
      const { rows, values } = vectors[d]!;
      const weight = docs[d]!.weight;
      const target = targets[d]!;
      p.set(bias);
      for (let k = 0; k < rows.length; k += 1) {
        const row = rows[k]!;
        const base = row * K2;
        // Bring the row up to date: `steps` updates of w ← (1 − ηλ)·w − η·average, in closed form.
        const steps = t - updatedAt[row]!;
        const value = values[k]!;
        if (steps > 0) {
          updatedAt[row] = t;
          const decay = steps < DECAY_TABLE ? powers[steps]! : Math.exp(steps * logDecay);
          // One pass brings each weight up to date and adds it to the score.
          for (let c = 0; c < K; c += 1) {
            const fixed = table[base + K + c]! * perLambda;
            const weight = Math.fround((table[base + c]! + fixed) * decay - fixed);
            table[base + c] = weight;
            p[c]! += weight * value;
          }
        } else {
          for (let c = 0; c < K; c += 1) p[c]! += table[base + c]! * value;
        }
      }
      softmaxInPlace(p);
      const at = d * K;
      // Only the classes whose gradient moved: once a document is learned, that is one or two of nineteen.
      let moved = 0;
      for (let c = 0; c < K; c += 1) {
        const gradient = (p[c]! - target[c]!) * weight;
        const change = gradient - stored[at + c]!;
        stored[at + c] = gradient;
        if (change > MOVED || change < -MOVED) {
          active[moved] = c;
          delta[moved] = change;
          moved += 1;
        }
        p[c] = change;
      }
      for (let k = 0; k < rows.length; k += 1) {
        const base = rows[k]! * K2;
        const value = values[k]!;
        for (let m = 0; m < moved; m += 1) {
          const c = active[m]!;
          const change = value * delta[m]!;
          table[base + c]! -= eta * change;
          table[base + K + c]! += change * perDoc;
        }
      }
      for (let c = 0; c < K; c += 1) {
        bias[c]! -= eta * (p[c]! + biasAverage[c]!);
        biasAverage[c]! += p[c]! * perDoc;
      }
      t += 1;
    }
  }
  const weights = new Float64Array(featureCount * K);
  for (let row = 0; row < featureCount; row += 1) {
    const base = row * K2;
    const steps = t - updatedAt[row]!;
    const decay = Math.exp(steps * logDecay);
    for (let c = 0; c < K; c += 1) {
      const fixed = table[base + K + c]! / lambda;
      weights[row * K + c] = steps > 0 ? (table[base + c]! + fixed) * decay - fixed : table[base + c]!;
    }
  }
  return { weights, bias };
}

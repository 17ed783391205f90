import { ABSTAIN_MESSAGES, isOnlyEmoji, looksLikeCode, looksNonEnglish, STOPWORDS, type AbstainReason } from './abstain.js';
import { CueMatcher, type CueHit } from './cues.js';
import { explain } from './explain.js';
import { extractFeatures, surfacesOf, type FeatureVector } from './features.js';
import { DEFAULT_TRAINING, SoftmaxModel, type KnownFeatures, type TrainingDoc, type TrainingOptions } from './model.js';
import { binaryNoiseRatio, cleanText, splitSegments } from './normalize.js';
import { detectLanguage } from './language.js';
import type { Lang } from '../lang.js';

/** What the classifier needs of a playbook: the core's view, free of display fields. */
export interface TypeDefinition {
  id: string;
  cues: readonly string[];
  examples: ReadonlyArray<{ text: string; also?: string | undefined }>;
  /** Name this type only on a cue of its own: without one its score is held well down, with one it is lifted. */
  needs_cue?: boolean | undefined;
  /** Phrases that void this type's cues inside them: "holy shit" is surprise, "in a good way" praise. */
  not_cues?: readonly string[] | undefined;
}

export interface RankedType {
  type: string;
  score: number;
}

export interface Classification {
  /** The most likely type, or null when the classifier abstains. */
  type: string | null;
  confidence: number;
  /** Every type, best first; scores sum to 1. */
  ranked: RankedType[];
  cues: string[];
  /** A second type clearly present too (an angry loyalist), or null. */
  secondary: RankedType | null;
  abstain: { reason: AbstainReason; message: string } | null;
  /** The input was longer than `maxChars`; only the first `maxChars` were read. */
  truncated: boolean;
  /** The language the customer wrote in. */
  lang: Lang;
}

export interface ClassifierOptions {
  maxChars?: number;
  training?: TrainingOptions;
  /** Below this confidence, with no cue of its own, the top type is not trusted. */
  minConfidence?: number;
  /**
   * Softens the model's probabilities so that a stated 70% is right about 70% of the time; a model
   * trained on a few dozen examples per type is otherwise far too sure of itself. `npm run eval` measures it.
   */
  temperature?: number;
}

export const MAX_INPUT_CHARS = 4000;
const STOPWORD_FEATURES = new Set([...STOPWORDS].map((word) => `w:${word}`));
const CUE_DOC_WEIGHT = 1;
const MIXED_EXAMPLE_SHARE = 0.3;
const SECONDARY_MIN_EVIDENCE = 0.6;
export const DEFAULT_TEMPERATURE = 2;
/**
 * A type that needs a cue (angry) is moved by whether the message has one, in log-odds before the
 * temperature. Without a cue it is held well down, so narrative words that happen to fill angry
 * examples ("he told me", "they said") no longer make a calm message angry, yet a message the model
 * is sure of can still win. With one, it is nudged up: a swear word or "fed up" outweighs the topic.
 */
export const NO_CUE_PENALTY = 3;
export const CUE_BONUS = 1;

function onlyLexical(features: FeatureVector): FeatureVector {
  return new Map([...features].filter(([name]) => !name.startsWith('s:')));
}

export class Classifier {
  private constructor(
    readonly typeIds: readonly string[],
    /** Indexes of the types that need a cue of their own to be named. */
    private readonly cueGated: readonly number[],
    private readonly cues: CueMatcher,
    private readonly model: SoftmaxModel,
    private readonly options: Required<Omit<ClassifierOptions, 'training'>>,
  ) {}

  /** Learns from the examples and cues of each type; the same types always give the same model. */
  static train(types: readonly TypeDefinition[], options: ClassifierOptions = {}): Classifier {
    const typeIds = types.map((type) => type.id);
    const indexOf = new Map(typeIds.map((id, index) => [id, index]));
    const cues = new CueMatcher(types.map((type) => ({ typeId: type.id, cues: type.cues, notCues: type.not_cues })));
    const target = (primary: string, also?: string) => {
      const distribution = new Float64Array(typeIds.length);
      const alsoIndex = also === undefined ? undefined : indexOf.get(also);
      if (alsoIndex === undefined) distribution[indexOf.get(primary)!] = 1;
      else {
        distribution[indexOf.get(primary)!] = 1 - MIXED_EXAMPLE_SHARE;
        distribution[alsoIndex] = MIXED_EXAMPLE_SHARE;
      }
      return distribution;
    };
    // Generated one at a time, so each document's feature map is garbage as soon as it is indexed.
    function* docs(): Generator<TrainingDoc> {
      for (const type of types) {
        for (const example of type.examples) {
          const { features } = extractFeatures(splitSegments(cleanText(example.text)), cues);
          yield { features, target: target(type.id, example.also), weight: 1 };
        }
        // Each cue on its own, so a cue word no example used still counts as evidence.
        for (const cue of type.cues) {
          const { features } = extractFeatures([{ text: cue.replace(/\*$/, ''), weight: 1 }], cues);
          yield { features: onlyLexical(features), target: target(type.id), weight: CUE_DOC_WEIGHT };
        }
      }
    }
    const model = SoftmaxModel.train(docs(), typeIds.length, options.training ?? DEFAULT_TRAINING);
    const cueGated = typeIds.flatMap((_, index) => (types[index]!.needs_cue ? [index] : []));
    return new Classifier(typeIds, cueGated, cues, model, {
      maxChars: options.maxChars ?? MAX_INPUT_CHARS,
      minConfidence: options.minConfidence ?? 0.15,
      temperature: options.temperature ?? DEFAULT_TEMPERATURE,
    });
  }

  /** Never throws: anything that is not a readable customer message comes back as an abstention with a reason. */
  classify(input: unknown): Classification {
    const raw = typeof input === 'string' ? input : '';
    const truncated = raw.length > this.options.maxChars;
    const text = truncated ? raw.slice(0, this.options.maxChars) : raw;
    const lang = detectLanguage(text);

    if (text.trim() === '') return this.abstain(lang, 'empty', truncated);
    if (binaryNoiseRatio(text) > 0.1) return this.abstain(lang, 'binary', truncated);
    const cleaned = cleanText(text);
    if (cleaned.trim() === '') return this.abstain(lang, 'empty', truncated);
    if (isOnlyEmoji(cleaned)) return this.abstain(lang, 'emoji', truncated);
    if (looksLikeCode(cleaned)) return this.abstain(lang, 'code', truncated);

    const segments = splitSegments(cleaned);
    const extracted = extractFeatures(segments, this.cues, this.model.knows);
    const { features, tokens, cueHits } = extracted;
    const words: string[] = [];
    for (const token of tokens) if (token.kind === 'word') words.push(token.text);
    if (looksNonEnglish(cleaned, words) && cueHits.length === 0) return this.abstain(lang, 'language', truncated);

    const known = this.model.resolve(features);
    // Two meaningful words are enough to stop counting.
    let evidence = 0;
    for (let k = 0; k < known.names.length && evidence < 2; k += 1) {
      const name = known.names[k]!;
      if (name.startsWith('w:') && !STOPWORD_FEATURES.has(name) && this.model.strength(known, k) > 0.05) evidence += 1;
    }
    const offsets = this.cueOffsets(cueHits);
    const ranked = this.rank(known, offsets);
    if (cueHits.length === 0 && evidence < 2) return this.abstain(lang, 'no-signal', truncated, ranked);

    const top = ranked[0]!;
    const topHasCue = cueHits.some((hit) => hit.typeId === top.type);
    if (top.score < this.options.minConfidence && !topHasCue) return this.abstain(lang, 'unsure', truncated, ranked);

    const topIndex = this.typeIds.indexOf(top.type);
    const contributions = this.model.contributions(known, topIndex);
    const surfaces = surfacesOf(extracted, new Set(contributions.map((entry) => entry.name)));
    const cues = explain(top.type, cueHits, contributions, (name) => surfaces.get(name));
    // A second type counts when, without the top type's evidence, the rest of the message clearly
    // points to it and carries its own cue words.
    const runnerUp = this.model.runnerUp(known, topIndex, this.options.temperature, offsets);
    const secondType = this.typeIds[runnerUp.index]!;
    const secondary =
      runnerUp.probability >= SECONDARY_MIN_EVIDENCE && cueHits.some((hit) => hit.typeId === secondType)
        ? ranked.find((entry) => entry.type === secondType)!
        : null;
    return { type: top.type, confidence: top.score, ranked, cues, secondary, abstain: null, truncated, lang };
  }

  /** Moves each type that needs a cue: down when this message has none of its cues, up when it has one. */
  private cueOffsets(cueHits: readonly CueHit[]): Float64Array | undefined {
    if (this.cueGated.length === 0) return undefined;
    const offsets = new Float64Array(this.typeIds.length);
    for (const index of this.cueGated) {
      offsets[index] = cueHits.some((hit) => hit.typeId === this.typeIds[index]) ? CUE_BONUS : -NO_CUE_PENALTY;
    }
    return offsets;
  }

  private rank(known: KnownFeatures, offsets?: Float64Array): RankedType[] {
    const probabilities = this.model.predict(known, this.options.temperature, offsets);
    return this.typeIds
      .map((type, index) => ({ type, score: probabilities[index]! }))
      .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type));
  }

  private abstain(lang: Lang, reason: AbstainReason, truncated: boolean, ranked?: RankedType[]): Classification {
    const uniform = 1 / this.typeIds.length;
    const scores = ranked ?? this.typeIds.map((type) => ({ type, score: uniform }));
    return {
      type: null,
      confidence: 0,
      ranked: scores,
      cues: [],
      secondary: null,
      abstain: { reason, message: ABSTAIN_MESSAGES[reason] },
      truncated,
      lang,
    };
  }
}

import { STOPWORDS } from './abstain.js';
import type { CueHit, CueMatcher } from './cues.js';
import type { Segment } from './normalize.js';
import { namesOf, pairName, type TermNames } from './feature-names.js';
import { stem } from './stem.js';
import { tokenize, type Token } from './tokenize.js';

/** Sparse features: name → value. Names are prefixed by family: w: word, b: word pair, c: cue, s: style. */
export type FeatureVector = Map<string, number>;

export interface ExtractedFeatures {
  features: FeatureVector;
  tokens: Token[];
  /** Per token, its feature names when it is a term (word, number, emoji); for explaining without a second stemming pass. */
  terms: Array<TermNames | undefined>;
  cueHits: CueHit[];
  wordCount: number;
}

/** Which feature names to keep; classifying keeps only those the model knows, so nothing else is counted. */
export type KeepFeature = (name: string) => boolean;

const keepAll: KeepFeature = () => true;

function lengthBucket(words: number): string {
  if (words < 8) return 's:len:short';
  if (words < 30) return 's:len:medium';
  if (words < 90) return 's:len:long';
  return 's:len:very-long';
}

/**
 * Turns weighted segments into features. Counts are damped (1 + ln n) so that a word repeated ten
 * times is strong evidence, not ten times the evidence.
 */
export function extractFeatures(segments: readonly Segment[], cues: CueMatcher, keep: KeepFeature = keepAll): ExtractedFeatures {
  const raw: FeatureVector = new Map();
  const add = (name: string, value: number) => {
    if (keep(name)) raw.set(name, (raw.get(name) ?? 0) + value);
  };
  const tokens: Token[] = [];
  for (const segment of segments) tokenize(segment.text, segment.weight, tokens);

  let wordCount = 0;
  let emphasised = 0;
  let previousWord: TermNames | undefined;
  const terms: Array<TermNames | undefined> = new Array(tokens.length);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (isTerm(token)) {
      if (token.kind === 'word') wordCount += 1;
      const names = namesOf(termOf(token));
      terms[index] = names;
      add(token.negated ? names.negatedUnigram : names.unigram, token.weight);
      if (previousWord) add(pairName(previousWord, names), token.weight);
      previousWord = names;
      if (isEmphasis(token)) emphasised += 1;
    } else {
      previousWord = undefined;
      if (token.kind === 'mark') add(`s:mark:${token.text}`, token.weight);
    }
  }

  const features = raw;
  for (const [name, count] of raw) if (count > 1) features.set(name, 1 + Math.log(count));

  const cueHits = cues.match(tokens.filter((token) => token.kind !== 'boundary'));
  const cueWeight = new Map<string, number>();
  for (const hit of cueHits) cueWeight.set(hit.typeId, (cueWeight.get(hit.typeId) ?? 0) + hit.weight);
  for (const [typeId, weight] of cueWeight) features.set(`c:${typeId}`, weight <= 1 ? weight : 1 + Math.log(weight));

  if (emphasised > 0) features.set(emphasised >= 2 || emphasised / wordCount > 0.3 ? 's:shouting' : 's:caps', 1);
  if (wordCount > 0) features.set(lengthBucket(wordCount), 1);
  return { features, tokens, terms, cueHits, wordCount };
}

/**
 * A word in capitals that is not an acronym: "THIRD", "NOT", "AGAIN" are raised voices; "SLA",
 * "CRM" and "HTTP" are how those words are spelt. Short capitals count only if they are everyday words.
 */
function isEmphasis(token: Token): boolean {
  return token.caps && (token.text.length >= 5 || STOPWORDS.has(token.text));
}

const isTerm = (token: Token) => token.kind === 'word' || token.kind === 'emoji' || token.kind === 'number';
const termOf = (token: Token) => (token.kind === 'word' ? stem(token.text) : token.text);

/**
 * How word and word-pair features were written in this message ("w:charg" → "charges"), for
 * explanations: one pass over the tokens for just the handful of features shown to the agent.
 */
export function surfacesOf(extracted: Pick<ExtractedFeatures, 'tokens' | 'terms'>, wanted: ReadonlySet<string>): Map<string, string> {
  const { tokens, terms } = extracted;
  const found = new Map<string, string>();
  let previousNames: TermNames | undefined;
  let previousText = '';
  for (let index = 0; index < tokens.length; index += 1) {
    if (found.size === wanted.size) break;
    const names = terms[index];
    if (!names) {
      previousNames = undefined;
      continue;
    }
    const token = tokens[index]!;
    if (!token.negated && wanted.has(names.unigram) && !found.has(names.unigram)) found.set(names.unigram, token.text);
    if (previousNames) {
      const pair = pairName(previousNames, names);
      if (wanted.has(pair) && !found.has(pair)) found.set(pair, `${previousText} ${token.text}`);
    }
    previousNames = names;
    previousText = token.text;
  }
  return found;
}

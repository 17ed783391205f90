import type { CueHit, CueMatcher } from './cues.js';
import type { Segment } from './normalize.js';
import { stem } from './stem.js';
import { tokenize, type Token } from './tokenize.js';

/** Sparse features: name → value. Names are prefixed by family: w: word, b: word pair, c: cue, s: style. */
export type FeatureVector = Map<string, number>;

export interface ExtractedFeatures {
  features: FeatureVector;
  tokens: Token[];
  cueHits: CueHit[];
  wordCount: number;
}

function add(features: FeatureVector, name: string, value: number): void {
  features.set(name, (features.get(name) ?? 0) + value);
}

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
export function extractFeatures(segments: readonly Segment[], cues: CueMatcher): ExtractedFeatures {
  const raw: FeatureVector = new Map();
  const tokens: Token[] = [];
  for (const segment of segments) tokens.push(...tokenize(segment.text, segment.weight));

  let wordCount = 0;
  let capsWords = 0;
  let capsRun = 0;
  let longestCapsRun = 0;
  let previousWord: string | undefined;
  for (const token of tokens) {
    if (isTerm(token)) {
      if (token.kind === 'word') wordCount += 1;
      const term = termOf(token);
      add(raw, token.negated ? `w:not_${term}` : `w:${term}`, token.weight);
      if (previousWord) add(raw, `b:${previousWord}_${term}`, token.weight);
      previousWord = term;
      if (token.caps) {
        capsWords += 1;
        capsRun += 1;
        longestCapsRun = Math.max(longestCapsRun, capsRun);
      } else if (token.kind === 'word') capsRun = 0;
    } else {
      previousWord = undefined;
      if (token.kind === 'mark') add(raw, `s:mark:${token.text}`, token.weight);
    }
  }

  const features = raw;
  for (const [name, count] of raw) if (count > 1) features.set(name, 1 + Math.log(count));

  const cueHits = cues.match(tokens.filter((token) => token.kind !== 'boundary'));
  const cueWeight = new Map<string, number>();
  for (const hit of cueHits) cueWeight.set(hit.typeId, (cueWeight.get(hit.typeId) ?? 0) + hit.weight);
  for (const [typeId, weight] of cueWeight) features.set(`c:${typeId}`, weight <= 1 ? weight : 1 + Math.log(weight));

  if (capsWords > 0 && wordCount > 0) {
    const shouting = longestCapsRun >= 2 || capsWords / wordCount > 0.3;
    features.set(shouting ? 's:shouting' : 's:caps', 1);
  }
  if (wordCount > 0) features.set(lengthBucket(wordCount), 1);
  return { features, tokens, cueHits, wordCount };
}

const isTerm = (token: Token) => token.kind === 'word' || token.kind === 'emoji' || token.kind === 'number';
const termOf = (token: Token) => (token.kind === 'word' ? stem(token.text) : token.text);

/**
 * How a word or word-pair feature was written in this message ("w:charg" → "charges"), for
 * explanations. Found on demand: only the handful of features shown to the agent need it.
 */
export function surfaceOf(tokens: readonly Token[], name: string): string | undefined {
  const family = name.slice(0, 2);
  const value = name.slice(2);
  let previous: { term: string; text: string } | undefined;
  for (const token of tokens) {
    if (!isTerm(token)) {
      previous = undefined;
      continue;
    }
    const term = termOf(token);
    if (family === 'w:' && !token.negated && term === value) return token.text;
    if (
      family === 'b:' &&
      previous &&
      value.length === previous.term.length + 1 + term.length &&
      value.startsWith(previous.term) &&
      value.endsWith(term)
    ) {
      return `${previous.text} ${token.text}`;
    }
    previous = { term, text: token.text };
  }
  return undefined;
}

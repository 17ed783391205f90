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
  /** How a word or word-pair feature was written in this message, for explanations ("charg" → "charges"). */
  surface: Map<string, string>;
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
  let previousSurface = '';
  const surface = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === 'word' || token.kind === 'emoji' || token.kind === 'number') {
      if (token.kind === 'word') wordCount += 1;
      const term = token.kind === 'word' ? stem(token.text) : token.text;
      const unigram = token.negated ? `w:not_${term}` : `w:${term}`;
      add(raw, unigram, token.weight);
      if (!surface.has(unigram)) surface.set(unigram, token.text);
      if (previousWord) {
        const bigram = `b:${previousWord}_${term}`;
        add(raw, bigram, token.weight);
        if (!surface.has(bigram)) surface.set(bigram, `${previousSurface} ${token.text}`);
      }
      previousSurface = token.text;
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
  return { features, tokens, cueHits, wordCount, surface };
}

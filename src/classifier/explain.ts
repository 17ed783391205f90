import type { CueHit } from './cues.js';
import { isStopword, isTerm, STYLE } from './features.js';
import type { Token } from './tokenize.js';

const MAX_CUES = 6;

/**
 * The cues shown to the agent: the playbook's own cue phrases found in the message first, then the
 * words that weighed most. A word's weight is everything it brought: the word itself, its character
 * n-grams and the word pairs it ends (`scores`, per token, from the model); so a character n-gram
 * shows as the word it came from, and an agent reads words, never fragments. Shouting and "!!" show
 * as such (`amount`, for features of the message as a whole).
 */
export function explain(topType: string, hits: readonly CueHit[], tokens: readonly Token[], scores: Float64Array, amount: (hash: number) => number): string[] {
  const cues: string[] = [];
  const shown: string[] = [];
  const addCue = (label: string, words: string) => {
    if (cues.length >= MAX_CUES || cues.includes(label)) return;
    if (shown.some((phrase) => phrase === words || ` ${phrase} `.includes(` ${words} `) || (/\p{Script=Han}/u.test(words) && phrase.includes(words)))) return;
    cues.push(label);
    shown.push(words);
  };
  for (const hit of hits) if (hit.typeId === topType) addCue(`"${hit.matched}"`, hit.matched);
  const best = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (!isTerm(token) || token.kind === 'number' || token.negated || isStopword(token) || scores[index]! <= 0) return;
    best.set(token.text, Math.max(best.get(token.text) ?? 0, scores[index]!));
  });
  const candidates = [...best].map(([words, score]) => ({ label: `"${words}"`, words, score }));
  const shouting = Math.max(amount(STYLE.shouting), amount(STYLE.caps));
  if (shouting > 0) candidates.push({ label: amount(STYLE.shouting) > 0 ? 'ALL CAPS' : 'capitals', words: '#caps', score: shouting });
  for (const mark of ['!!', '??', '?!']) if (amount(STYLE.mark(mark)) > 0) candidates.push({ label: `"${mark}"`, words: mark, score: amount(STYLE.mark(mark)) });
  candidates.sort((a, b) => b.score - a.score || a.words.localeCompare(b.words));
  for (const candidate of candidates) addCue(candidate.label, candidate.words);
  return cues;
}

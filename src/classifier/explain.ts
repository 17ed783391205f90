import type { CueHit } from './cues.js';
import { forEachCharGram, isStopword, isTerm, pairHash, STYLE, termOf } from './features.js';
import { finish, hashString, SEED, step } from './hash.js';
import type { Token } from './tokenize.js';

const MAX_CUES = 6;

/**
 * The cues shown to the agent: the playbook's own cue phrases found in the message first, then the
 * words that weighed most. A word's weight is everything it brought: the word itself, its
 * character n-grams, and half of each word pair it is in; so a character n-gram shows as the word
 * it came from, and an agent reads words, never fragments. Shouting and "!!" show as such.
 */
export function explain(topType: string, hits: readonly CueHit[], tokens: readonly Token[], contribution: ReadonlyMap<number, number>): string[] {
  const amount = (hash: number) => contribution.get(hash) ?? 0;
  const scores = new Float64Array(tokens.length);
  let previous = -1;
  // Chinese runs: each character n-gram's weight is shared by the characters it covers, then summed per word.
  let runStart = -1;
  const flushRun = (end: number) => {
    if (runStart < 0) return;
    const owners: number[] = [];
    let text = '';
    for (let index = runStart; index < end; index += 1) {
      text += tokens[index]!.text;
      for (let k = 0; k < tokens[index]!.text.length; k += 1) owners.push(index);
    }
    const length = text.length + 2;
    const at = (index: number) => (index === 0 || index === length - 1 ? 1 : text.charCodeAt(index - 1));
    for (let start = 0; start < length; start += 1) {
      let hash = SEED.han;
      for (let n = 1; n <= 3 && start + n <= length; n += 1) {
        hash = step(hash, at(start + n - 1));
        const share = amount(finish(hash)) / n;
        if (share === 0) continue;
        for (let k = start; k < start + n; k += 1) if (k >= 1 && k <= text.length) scores[owners[k - 1]!]! += share;
      }
    }
    runStart = -1;
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (!token.han || token.runStart) flushRun(index);
    if (!isTerm(token)) {
      previous = -1;
      continue;
    }
    const term = termOf(token);
    scores[index]! += amount(hashString(token.negated ? SEED.negated : SEED.word, term));
    if (previous >= 0) {
      const pair = amount(pairHash(hashesFor(termOf(tokens[previous]!)), hashesFor(term))) / 2;
      scores[index]! += pair;
      scores[previous]! += pair;
    }
    previous = index;
    if (token.han) {
      if (runStart < 0) runStart = index;
    } else if (token.kind === 'word' && !isStopword(token)) forEachCharGram(token.text, (hash) => (scores[index]! += amount(hash)));
  }
  flushRun(tokens.length);

  const cues: string[] = [];
  const shown: string[] = [];
  const addCue = (label: string, words: string) => {
    if (cues.length >= MAX_CUES || cues.includes(label)) return;
    if (shown.some((phrase) => phrase === words || ` ${phrase} `.includes(` ${words} `) || (/\p{Script=Han}/u.test(words) && phrase.includes(words)))) return;
    cues.push(label);
    shown.push(words);
  };
  for (const hit of hits) if (hit.typeId === topType) addCue(`"${hit.matched}"`, hit.matched);
  const candidates: Array<{ label: string; words: string; score: number }> = [];
  tokens.forEach((token, index) => {
    if (!isTerm(token) || token.kind === 'number' || token.negated || isStopword(token) || scores[index]! <= 0) return;
    candidates.push({ label: `"${token.text}"`, words: token.text, score: scores[index]! });
  });
  const shouting = Math.max(amount(STYLE.shouting), amount(STYLE.caps));
  if (shouting > 0) candidates.push({ label: amount(STYLE.shouting) > 0 ? 'ALL CAPS' : 'capitals', words: '#caps', score: shouting });
  for (const mark of ['!!', '??', '?!']) if (amount(STYLE.mark(mark)) > 0) candidates.push({ label: `"${mark}"`, words: mark, score: amount(STYLE.mark(mark)) });
  candidates.sort((a, b) => b.score - a.score);
  for (const candidate of candidates) addCue(candidate.label, candidate.words);
  return cues;
}

function hashesFor(term: string) {
  return { term, word: hashString(SEED.word, term), negated: 0 };
}

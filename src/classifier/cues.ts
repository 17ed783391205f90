import { isNegator, tokenize, type Token } from './tokenize.js';

export interface CueSource {
  typeId: string;
  cues: readonly string[];
}

interface CuePattern {
  typeId: string;
  cue: string;
  tokens: string[];
  /** A trailing `*` in the playbook: the last word matches any ending (frustrat* → frustrated). */
  prefixLast: boolean;
  negatable: boolean;
}

export interface CueHit {
  typeId: string;
  cue: string;
  /** The words as the customer wrote them, for showing the agent. */
  matched: string;
  weight: number;
}

const PREFIX_KEY_LENGTH = 3;
const CANDIDATE_CACHE_LIMIT = 100_000;
const NONE: readonly CuePattern[] = [];

/** Finds the playbooks' cue words and phrases in a message, in one pass over its tokens. */
export class CueMatcher {
  private readonly byFirstToken = new Map<string, CuePattern[]>();
  private readonly byPrefix = new Map<string, CuePattern[]>();
  /** Per word, the patterns that could start at it; most words have none, and words repeat a lot. */
  private readonly candidates = new Map<string, readonly CuePattern[]>();

  constructor(sources: readonly CueSource[]) {
    for (const { typeId, cues } of sources) {
      for (const cue of cues) {
        const prefixLast = cue.endsWith('*');
        const tokens = tokenize(prefixLast ? cue.slice(0, -1) : cue)
          .filter((token) => token.kind !== 'boundary')
          .map((token) => token.text);
        if (tokens.length === 0) continue;
        const pattern: CuePattern = { typeId, cue, tokens, prefixLast, negatable: !tokens.some(isNegator) };
        const first = tokens[0]!;
        if (prefixLast && tokens.length === 1) push(this.byPrefix, first.slice(0, PREFIX_KEY_LENGTH), pattern);
        else push(this.byFirstToken, first, pattern);
      }
    }
  }

  /** `tokens` without boundaries; a cue with a negated word ("not furious") does not count. */
  match(tokens: readonly Token[]): CueHit[] {
    const hits: CueHit[] = [];
    for (let start = 0; start < tokens.length; start += 1) {
      for (const pattern of this.candidatesFor(tokens[start]!.text)) this.tryMatch(pattern, tokens, start, hits);
    }
    return hits;
  }

  private candidatesFor(word: string): readonly CuePattern[] {
    const cached = this.candidates.get(word);
    if (cached) return cached;
    const found: CuePattern[] = [...(this.byFirstToken.get(word) ?? [])];
    for (let length = 1; length <= PREFIX_KEY_LENGTH && length <= word.length; length += 1) {
      for (const pattern of this.byPrefix.get(word.slice(0, length)) ?? []) {
        if (word.startsWith(pattern.tokens[0]!)) found.push(pattern);
      }
    }
    const result = found.length === 0 ? NONE : found;
    if (this.candidates.size < CANDIDATE_CACHE_LIMIT) this.candidates.set(word, result);
    return result;
  }

  private tryMatch(pattern: CuePattern, tokens: readonly Token[], start: number, hits: CueHit[]): void {
    const { tokens: words, prefixLast } = pattern;
    if (start + words.length > tokens.length) return;
    for (let offset = 0; offset < words.length; offset += 1) {
      const actual = tokens[start + offset]!.text;
      const expected = words[offset]!;
      const isLast = offset === words.length - 1;
      if (isLast && prefixLast ? !actual.startsWith(expected) : actual !== expected) return;
    }
    const first = tokens[start]!;
    // Any negated word voids the cue: "not so mad", and "she was so mad" where the feeling is hers.
    if (pattern.negatable) for (let offset = 0; offset < words.length; offset += 1) if (tokens[start + offset]!.negated) return;
    hits.push({
      typeId: pattern.typeId,
      cue: pattern.cue,
      matched: tokens
        .slice(start, start + words.length)
        .map((token) => token.text)
        .join(' '),
      weight: first.weight,
    });
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

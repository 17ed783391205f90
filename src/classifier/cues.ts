import { isChineseCue } from './chinese-cues.js';
import { isNegator, tokenize, type Token } from './tokenize.js';

export interface CueSource {
  typeId: string;
  cues: readonly string[];
  /** Phrases that void this type's cues inside them: "holy shit" is surprise, not anger. */
  notCues?: readonly string[] | undefined;
}

interface CuePattern {
  typeId: string;
  cue: string;
  tokens: string[];
  /** A trailing `*` in the playbook: the last word matches any ending (frustrat* → frustrated). */
  prefixLast: boolean;
  negatable: boolean;
  /** A not-cue: it is no evidence itself, and the type's cues it overlaps do not count. */
  voids: boolean;
}

/** Where a phrase was found: tokens `start` to `end`, exclusive. */
interface Found {
  pattern: CuePattern;
  start: number;
  end: number;
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
    for (const { typeId, cues, notCues = [] } of sources) {
      for (const cue of cues) this.add(typeId, cue, false);
      for (const cue of notCues) this.add(typeId, cue, true);
    }
  }

  private add(typeId: string, cue: string, voids: boolean): void {
    // Chinese cues are found by their characters (ChineseCueMatcher), not by English words.
    if (isChineseCue(cue)) return;
    const prefixLast = cue.endsWith('*');
    const tokens = tokenize(prefixLast ? cue.slice(0, -1) : cue)
      .filter((token) => token.kind !== 'boundary')
      .map((token) => token.text);
    if (tokens.length === 0) return;
    const pattern: CuePattern = { typeId, cue, tokens, prefixLast, negatable: !tokens.some(isNegator), voids };
    const first = tokens[0]!;
    if (prefixLast && tokens.length === 1) push(this.byPrefix, first.slice(0, PREFIX_KEY_LENGTH), pattern);
    else push(this.byFirstToken, first, pattern);
  }

  /**
   * `tokens` without boundaries. A cue with a negated word ("not furious") does not count, nor one
   * inside a not-cue of its own type ("holy shit" for angry).
   */
  match(tokens: readonly Token[]): CueHit[] {
    const found: Found[] = [];
    let voiding = false;
    for (let start = 0; start < tokens.length; start += 1) {
      for (const pattern of this.candidatesFor(tokens[start]!.text)) {
        if (this.matchesAt(pattern, tokens, start)) {
          found.push({ pattern, start, end: start + pattern.tokens.length });
          if (pattern.voids) voiding = true;
        }
      }
    }
    const voids = voiding ? found.filter((entry) => entry.pattern.voids) : [];
    const hits: CueHit[] = [];
    for (const { pattern, start, end } of found) {
      if (pattern.voids) continue;
      if (voids.some((entry) => entry.pattern.typeId === pattern.typeId && entry.start < end && start < entry.end)) continue;
      hits.push({
        typeId: pattern.typeId,
        cue: pattern.cue,
        matched: tokens
          .slice(start, end)
          .map((token) => token.text)
          .join(' '),
        weight: tokens[start]!.weight,
      });
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

  private matchesAt(pattern: CuePattern, tokens: readonly Token[], start: number): boolean {
    const { tokens: words, prefixLast } = pattern;
    if (start + words.length > tokens.length) return false;
    for (let offset = 0; offset < words.length; offset += 1) {
      const actual = tokens[start + offset]!.text;
      const expected = words[offset]!;
      const isLast = offset === words.length - 1;
      if (isLast && prefixLast ? !actual.startsWith(expected) : actual !== expected) return false;
    }
    // Any negated word voids the cue: "not so mad", and "she was so mad" where the feeling is hers.
    if (pattern.negatable) for (let offset = 0; offset < words.length; offset += 1) if (tokens[start + offset]!.negated) return false;
    return true;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

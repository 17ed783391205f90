import { STOPWORDS } from './abstain.js';
import type { ChineseLexicon } from './chinese.js';
import { CHINESE_STOPWORDS } from './chinese.js';
import { combine, finish, hashString, SEED, step } from './hash.js';
import type { Segment } from './normalize.js';
import { stem } from './stem.js';
import { tokenize, type Token } from './tokenize.js';

/**
 * The three blocks of a message's features, each a map from feature hash to (weighted) count:
 * - lexical: words (stemmed English, Chinese words), words after a negator as their own feature,
 *   and word pairs;
 * - chars: character n-grams, 3 to 5 inside each English word (padded with a space at each end, as
 *   scikit-learn's char_wb does) and 1 and 2 along each run of Chinese characters; they carry typos,
 *   word forms and Chinese words the lexicon does not know;
 * - style: shouting and runs of ! and ?.
 */
export interface Blocks {
  lexical: Map<number, number>;
  chars: Map<number, number>;
  style: Map<number, number>;
}

export const BLOCK = { lexical: 0, chars: 1, style: 2 } as const;
export type BlockId = (typeof BLOCK)[keyof typeof BLOCK];

export const CHAR_MIN = 3;
export const CHAR_MAX = 5;
export const HAN_MIN = 1;
export const HAN_MAX = 2;

interface TermHashes {
  term: string;
  word: number;
  negated: number;
}

// Terms repeat across messages; their hashes are kept, bounded so odd input cannot grow the cache forever.
const TERM_LIMIT = 50_000;
const termCache = new Map<string, TermHashes>();

function hashesOf(term: string): TermHashes {
  let hashes = termCache.get(term);
  if (!hashes) {
    hashes = { term, word: hashString(SEED.word, term), negated: hashString(SEED.negated, term) };
    if (termCache.size < TERM_LIMIT) termCache.set(term, hashes);
  }
  return hashes;
}

export const STYLE = {
  shouting: hashString(SEED.style, 'shouting'),
  caps: hashString(SEED.style, 'caps'),
  mark: (mark: string) => hashString(SEED.style, `mark:${mark}`),
} as const;
const MARKS = new Map(['!', '?', '!!', '??', '?!'].map((mark) => [mark, STYLE.mark(mark)]));

export const isTerm = (token: Token) => token.kind === 'word' || token.kind === 'emoji' || token.kind === 'number';
/** What a term token counts as: English words by their stem, Chinese words and emoji as written. */
export const termOf = (token: Token) => (token.kind === 'word' && !token.han ? stem(token.text) : token.text);

/** A word that says nothing about a customer type on its own: evidence is counted without these. */
export function isStopword(token: Token): boolean {
  return token.han ? CHINESE_STOPWORDS.has(token.text) : STOPWORDS.has(token.text) || CHINESE_STOPWORDS.has(token.text);
}

/**
 * A word in capitals that is not an acronym: "THIRD", "NOT", "AGAIN" are raised voices; "SLA",
 * "CRM" and "HTTP" are how those words are spelt. Short capitals count only if they are everyday words.
 */
function isEmphasis(token: Token): boolean {
  return token.caps && (token.text.length >= 5 || STOPWORDS.has(token.text));
}

function add(map: Map<number, number>, key: number, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Calls `visit` with the hash of each character n-gram of an English word, char_wb style. */
export function forEachCharGram(word: string, visit: (hash: number) => void): void {
  // ' ' + word + ' ', walked by index without building it.
  const length = word.length + 2;
  const at = (index: number) => (index === 0 || index === length - 1 ? 32 : word.charCodeAt(index - 1));
  if (length <= CHAR_MIN) {
    let hash = SEED.chars;
    for (let index = 0; index < length; index += 1) hash = step(hash, at(index));
    visit(finish(hash));
    return;
  }
  for (let start = 0; start + CHAR_MIN <= length; start += 1) {
    let hash = SEED.chars;
    for (let n = 1; n <= CHAR_MAX && start + n <= length; n += 1) {
      hash = step(hash, at(start + n - 1));
      if (n >= CHAR_MIN) visit(finish(hash));
    }
  }
}

/**
 * Calls `visit` with the hash of each character n-gram along a run of Chinese, with a mark at each
 * end, and the index in `run` of the n-gram's first character.
 */
export function forEachHanGram(run: string, visit: (hash: number, at: number) => void): void {
  const length = run.length + 2;
  const at = (index: number) => (index === 0 || index === length - 1 ? 1 : run.charCodeAt(index - 1));
  for (let start = 0; start < length; start += 1) {
    let hash = SEED.han;
    for (let n = 1; n <= HAN_MAX && start + n <= length; n += 1) {
      hash = step(hash, at(start + n - 1));
      // A lone end mark says nothing.
      if (n >= HAN_MIN && !(n === 1 && (start === 0 || start === length - 1))) visit(finish(hash), Math.min(run.length - 1, Math.max(0, start - 1)));
    }
  }
}

export function pairHash(first: TermHashes, second: TermHashes): number {
  return combine(SEED.pair, first.word, second.word);
}

export interface Extracted {
  blocks: Blocks;
  tokens: Token[];
}

/** Where features go: maps while learning, the model's own rows while classifying. */
export interface FeatureSink {
  add(block: BlockId, hash: number, amount: number): void;
  /** The token the features now arriving come from (-1: the message as a whole), for explaining. */
  token: number;
}

/** Features as three maps, for training, where there is no vocabulary yet. */
export function extractFeatures(segments: readonly Segment[], lexicon: ChineseLexicon): Extracted {
  const blocks: Blocks = { lexical: new Map(), chars: new Map(), style: new Map() };
  const maps = [blocks.lexical, blocks.chars, blocks.style] as const;
  const tokens = extractInto(segments, lexicon, { add: (block, hash, amount) => add(maps[block], hash, amount), token: -1 });
  return { blocks, tokens };
}

/**
 * Turns weighted segments into features of the three blocks, handed to `sink`. A token's count is
 * its segment's weight, so quoted history counts less. Negated words count as their own feature
 * ("not angry" is no anger).
 */
export function extractInto(segments: readonly Segment[], lexicon: ChineseLexicon, sink: FeatureSink): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) tokenize(segment.text, segment.weight, tokens, { lexicon });
  const LEXICAL = BLOCK.lexical;
  const CHARS = BLOCK.chars;
  let previous: TermHashes | undefined;
  let emphasised = 0;
  let words = 0;
  let run = '';
  let runWeight = 1;
  // For each character of the run, the token it belongs to.
  const owners: number[] = [];
  const flushRun = () => {
    if (run === '') return;
    forEachHanGram(run, (hash, at) => {
      sink.token = owners[at]!;
      sink.add(CHARS, hash, runWeight);
    });
    run = '';
    owners.length = 0;
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (!token.han || token.runStart) flushRun();
    if (isTerm(token)) {
      sink.token = index;
      const hashes = hashesOf(termOf(token));
      sink.add(LEXICAL, token.negated ? hashes.negated : hashes.word, token.weight);
      if (previous) sink.add(LEXICAL, pairHash(previous, hashes), token.weight);
      previous = hashes;
      if (token.kind === 'word') {
        words += 1;
        if (token.han) {
          run += token.text;
          runWeight = token.weight;
          for (let k = 0; k < token.text.length; k += 1) owners.push(index);
          // A stopword's letters say nothing its word does not, and stopwords are a third of all words.
        } else if (!STOPWORDS.has(token.text)) forEachCharGram(token.text, (hash) => sink.add(CHARS, hash, token.weight));
        if (isEmphasis(token)) emphasised += 1;
      }
    } else {
      previous = undefined;
      sink.token = -1;
      if (token.kind === 'mark') sink.add(BLOCK.style, MARKS.get(token.text) ?? STYLE.mark(token.text), token.weight);
    }
  }
  flushRun();
  sink.token = -1;
  if (emphasised > 0) sink.add(BLOCK.style, emphasised >= 2 || emphasised / Math.max(1, words) > 0.3 ? STYLE.shouting : STYLE.caps, 1);
  return tokens;
}

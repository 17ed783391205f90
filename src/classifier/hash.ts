/**
 * FNV-1a, kept to 30 bits. Features are named by hash rather than by string: a 2,000-character
 * message has thousands of character n-grams, and hashing their characters where they stand, without
 * cutting a string for each, is what keeps a classification under a millisecond. 30 bits, because
 * V8 keeps integers below 2³⁰ unboxed, and a Map keyed by them is several times faster. With a few
 * hundred thousand features in 2³⁰, two sharing a hash happens a few dozen times, harmlessly.
 */
export const FNV_OFFSET = 0x811c9dc5;

export function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) >>> 0;
}

/** The hash a feature is known by: the running FNV state folded to 30 bits. */
export const finish = (hash: number) => (hash ^ (hash >>> 30)) & 0x3fffffff;

export function hashString(seed: number, text: string): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) hash = step(hash, text.charCodeAt(index));
  return finish(hash);
}

/** A hash of two hashes, for a word pair from its two words. */
export function combine(seed: number, first: number, second: number): number {
  let hash = step(step(step(step(seed, first & 0xffff), first >>> 16), second & 0xffff), second >>> 16);
  return finish(hash);
}

/** A seed per feature family, so that a word and a character n-gram of the same letters differ. */
export const SEED = {
  word: hashString(FNV_OFFSET, 'w:'),
  negated: hashString(FNV_OFFSET, 'n:'),
  pair: hashString(FNV_OFFSET, 'b:'),
  chars: hashString(FNV_OFFSET, 'c:'),
  han: hashString(FNV_OFFSET, 'h:'),
  style: hashString(FNV_OFFSET, 's:'),
} as const;

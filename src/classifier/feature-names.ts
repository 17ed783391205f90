/**
 * Feature names built once per word and reused. A Map hashes a string the first time it sees that
 * string object and keeps the hash on it, so handing the model the same string objects again and
 * again makes every lookup after the first nearly free. Bounded, so odd input cannot grow it forever.
 */
export interface TermNames {
  term: string;
  unigram: string;
  negatedUnigram: string;
}

const CACHE_LIMIT = 200_000;
const terms = new Map<string, TermNames>();
const pairs = new Map<TermNames, Map<TermNames, string>>();
let pairCount = 0;

export function namesOf(term: string): TermNames {
  const cached = terms.get(term);
  if (cached) return cached;
  const names = { term, unigram: `w:${term}`, negatedUnigram: `w:not_${term}` };
  if (terms.size < CACHE_LIMIT) terms.set(term, names);
  return names;
}

export function pairName(first: TermNames, second: TermNames): string {
  let row = pairs.get(first);
  const cached = row?.get(second);
  if (cached !== undefined) return cached;
  const name = `b:${first.term}_${second.term}`;
  if (pairCount < CACHE_LIMIT) {
    if (!row) pairs.set(first, (row = new Map()));
    row.set(second, name);
    pairCount += 1;
  }
  return name;
}

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

// Training alone fills about 5,000 terms and 30,000 pairs; the rest is room for customers' words,
// bounded so that months of odd input hold a few MB, not tens.
const TERM_LIMIT = 50_000;
const PAIR_LIMIT = 100_000;
const terms = new Map<string, TermNames>();
const pairs = new Map<TermNames, Map<TermNames, string>>();
let pairCount = 0;

export function namesOf(term: string): TermNames {
  const cached = terms.get(term);
  if (cached) return cached;
  const names = { term, unigram: `w:${term}`, negatedUnigram: `w:not_${term}` };
  if (terms.size < TERM_LIMIT) terms.set(term, names);
  return names;
}

export function pairName(first: TermNames, second: TermNames): string {
  let row = pairs.get(first);
  const cached = row?.get(second);
  if (cached !== undefined) return cached;
  const name = `b:${first.term}_${second.term}`;
  if (pairCount < PAIR_LIMIT) {
    if (!row) pairs.set(first, (row = new Map()));
    row.set(second, name);
    pairCount += 1;
  }
  return name;
}

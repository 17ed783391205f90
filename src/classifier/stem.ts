const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/**
 * A light suffix stripper (plural, -ed, -ing, -ly): "refunds", "refunded" and "refunding" become one
 * feature, which matters when each type has only a few dozen examples to learn from.
 */
export function stem(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let result = word;
  if (word.length > 4) {
    if (word.endsWith('ies')) result = `${word.slice(0, -3)}y`;
    else if (word.endsWith('sses')) result = word.slice(0, -2);
    else if (word.endsWith('ing') && word.length > 5) result = word.slice(0, -3);
    else if (word.endsWith('ed') && !word.endsWith('eed')) result = word.slice(0, -2);
    else if (word.endsWith('ly') && word.length > 5) result = word.slice(0, -2);
    else if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) result = word.slice(0, -1);
  }
  if (result.endsWith('e') && result.length > 4) result = result.slice(0, -1);
  if (cache.size < CACHE_LIMIT) cache.set(word, result);
  return result;
}

import { STOPWORDS } from './abstain.js';
import type { CueHit } from './cues.js';

const MAX_CUES = 6;

/** How a feature reads to an agent; undefined for features that explain nothing on their own. */
export function describeFeature(name: string, surface: (name: string) => string | undefined): string | undefined {
  const [family, ...rest] = name.split(':');
  const value = rest.join(':');
  switch (family) {
    case 'w':
      if (value === '#num' || STOPWORDS.has(value) || value.startsWith('not_')) return undefined;
      return `"${surface(name) ?? value}"`;
    case 'b': {
      const words = value.split('_');
      if (value.includes('#num') || words.every((word) => STOPWORDS.has(word))) return undefined;
      return `"${surface(name) ?? words.join(' ')}"`;
    }
    case 's':
      if (value === 'shouting') return 'ALL CAPS';
      if (value === 'caps') return 'capitals';
      if (value.startsWith('mark:')) return `"${value.slice(5)}"`;
      if (value === 'len:very-long' || value === 'len:long') return 'a long message';
      if (value === 'len:short') return 'a very short message';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The cues shown to the agent: the playbook's own cue phrases found in the message first, then
 * the words and habits that weighed most, without repeating a word already inside a phrase.
 */
export function explain(
  topType: string,
  hits: readonly CueHit[],
  contributions: ReadonlyArray<{ name: string }>,
  surface: (name: string) => string | undefined,
): string[] {
  const cues: string[] = [];
  const seenWords = new Set<string>();
  const addCue = (cue: string) => {
    if (cues.length >= MAX_CUES || cues.includes(cue)) return;
    const words = cue.replace(/"/g, '').split(' ');
    if (cue.startsWith('"') && words.every((word) => seenWords.has(word))) return;
    cues.push(cue);
    for (const word of words) seenWords.add(word);
  };
  for (const hit of hits) if (hit.typeId === topType) addCue(`"${hit.matched}"`);
  for (const { name } of contributions) {
    if (name.startsWith('c:')) continue;
    const described = describeFeature(name, surface);
    if (described) addCue(described);
  }
  return cues;
}

import type { CueHit, CueSource } from './cues.js';
import { HAN } from './chinese.js';
import { toSimplified } from './traditional.js';
import type { Token } from './tokenize.js';

interface ChineseCue {
  typeId: string;
  cue: string;
  voids: boolean;
}

const BRACKET = /^\[[\p{L}]{1,4}\]$/u;

/** A cue the Chinese matcher reads: one with Chinese characters, or an emoticon code such as [怒]. */
export const isChineseCue = (cue: string) => HAN.test(cue) || BRACKET.test(cue);

interface Found {
  cue: ChineseCue;
  run: number;
  start: number;
  end: number;
  weight: number;
}

/**
 * Finds Chinese cues along each run of Chinese characters, by the characters rather than by the
 * words: a segmenter can split 气死我了 as 气死|我|了 or 气|死|我|了, and the cue 气死 is there
 * either way. A cue is void when a word it covers was negated (我不是生气) or is someone else's
 * feeling, and inside a not-cue of its own type.
 */
export class ChineseCueMatcher {
  private readonly byFirstChar = new Map<number, ChineseCue[]>();
  private readonly codes = new Map<string, ChineseCue[]>();
  readonly size: number;

  constructor(sources: readonly CueSource[]) {
    let size = 0;
    for (const { typeId, cues, notCues = [] } of sources) {
      const add = (raw: string, voids: boolean) => {
        if (!isChineseCue(raw)) return;
        const cue = toSimplified(raw);
        const entry = { typeId, cue, voids };
        size += 1;
        if (BRACKET.test(cue)) push(this.codes, cue, entry);
        else push(this.byFirstChar, cue.charCodeAt(0), entry);
      };
      for (const cue of cues) add(cue, false);
      for (const cue of notCues) add(cue, true);
    }
    this.size = size;
  }

  match(tokens: readonly Token[]): CueHit[] {
    if (this.size === 0) return [];
    const found: Found[] = [];
    let run = -1;
    let text = '';
    // For each character of the current run, the token it belongs to.
    const owner: number[] = [];
    const scan = () => {
      for (let at = 0; at < text.length; at += 1) {
        const starting = this.byFirstChar.get(text.charCodeAt(at));
        if (starting === undefined) continue;
        for (const cue of starting) {
          if (!text.startsWith(cue.cue, at)) continue;
          const end = at + cue.cue.length;
          let negated = false;
          for (let index = at; index < end && !negated; index += 1) negated = tokens[owner[index]!]!.negated;
          if (!negated || cue.voids) found.push({ cue, run, start: at, end, weight: tokens[owner[at]!]!.weight });
        }
      }
    };
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      if (token.han) {
        if (token.runStart) {
          scan();
          run += 1;
          text = '';
          owner.length = 0;
        }
        text += token.text;
        for (let k = 0; k < token.text.length; k += 1) owner.push(index);
      } else if (token.kind === 'emoji' && token.text.startsWith('[')) {
        for (const cue of this.codes.get(token.text) ?? []) if (!cue.voids) found.push({ cue, run: -1, start: index, end: index + 1, weight: token.weight });
      }
    }
    scan();
    const voids = found.filter((entry) => entry.cue.voids);
    return found
      .filter(
        (entry) =>
          !entry.cue.voids &&
          !voids.some((other) => other.cue.typeId === entry.cue.typeId && other.run === entry.run && other.start < entry.end && entry.start < other.end),
      )
      .map((entry) => ({ typeId: entry.cue.typeId, cue: entry.cue.cue, matched: entry.cue.cue, weight: entry.weight }));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

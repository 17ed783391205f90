import { EMAIL_ADDRESS } from '../personal-data.js';
import { toSimplified } from './traditional.js';

/** A piece of the message and how much it counts: quoted history counts less than what the customer just wrote. */
export interface Segment {
  text: string;
  weight: number;
}

export const QUOTED_WEIGHT = 0.3;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Share of characters that only binary data or a broken encoding produce (controls, U+FFFD, private use). */
export function binaryNoiseRatio(text: string): number {
  if (text.length === 0) return 0;
  let noise = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x08 || (code >= 0x0e && code <= 0x1f) || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) noise += 1;
  }
  return noise / text.length;
}

/** Slack's own markup, in pasted or forwarded text: mentions vanish, links keep their label. */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<[@!](?:[^<>|]*)(?:\|([^<>]*))?>/g, ' ')
    .replace(/<#[A-Z0-9]+(?:\|([^<>]*))?>/g, (_m, label: string | undefined) => ` ${label ?? ''} `)
    .replace(/<(?:https?|mailto|tel):[^<>|]*\|([^<>]*)>/g, ' $1 ')
    .replace(/<(?:https?|mailto|tel):[^<>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

const QUOTE_HEADER = [
  /^\s*On .{3,200}\bwrote:\s*$/i,
  /^\s*-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}\s*$/i,
  /^\s*Begin forwarded message:\s*$/i,
  /^\s*From: .+$/i,
];
const SIGNATURE_START = /^\s*(?:--|—|__+)\s*$|^\s*Sent from my \w+/i;
const SIGN_OFF = /^\s*(?:(?:best|kind|warm|many)\s+)?(?:regards|wishes|thanks|thank you|cheers|sincerely|best|thx|ta)[,.!]?\s*$/i;

/**
 * Separates what the customer wrote now from quoted history and signature. Email clients put
 * history after an "On … wrote:" line or in "> " lines; those still count, but less.
 */
export function splitSegments(text: string): Segment[] {
  const lines = text.split(/\r?\n/);
  const own: string[] = [];
  const quoted: string[] = [];
  let inHistory = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (!inHistory && QUOTE_HEADER.some((pattern) => pattern.test(line)) && index > 0) {
      inHistory = true;
      continue;
    }
    if (!inHistory && SIGNATURE_START.test(line)) break;
    if (!inHistory && SIGN_OFF.test(line) && lines.length - index <= 5) {
      own.push(line);
      break;
    }
    if (inHistory || /^\s*>/.test(line)) quoted.push(line.replace(/^\s*(?:>\s?)+/, ''));
    else own.push(line);
  }
  const segments: Segment[] = [];
  const ownText = own.join('\n').trim();
  const quotedText = quoted.join('\n').trim();
  if (ownText) segments.push({ text: ownText, weight: 1 });
  if (quotedText) segments.push({ text: quotedText, weight: ownText ? QUOTED_WEIGHT : 1 });
  return segments;
}

/** Chinese punctuation that ends a phrase or asks, as its ASCII twin does; brackets are only decoration. */
const CJK_PUNCTUATION: Record<string, string> = {
  '\u3000': ' ', '。': '.', '、': ',', '「': ' ', '」': ' ', '『': ' ', '』': ' ', '【': ' ', '】': ' ', '〔': ' ', '〕': ' ',
  '《': ' ', '》': ' ', '〈': ' ', '〉': ' ', '“': '"', '”': '"', '…': '.',
};
const WIDE = /[\uff01-\uff5e\u3000-\u3011\u2026\u201c\u201d]/g;

/**
 * Full-width letters, digits and marks as their ASCII forms (！→!, ？→?, ，→,, ＡＢＣ→ABC), Chinese
 * full stops and brackets as what they do, and Traditional characters as Simplified: the rest of the
 * classifier then reads one alphabet of punctuation and one script.
 */
export function foldChinese(text: string): string {
  const folded = text.replace(WIDE, (char) => {
    const code = char.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return CJK_PUNCTUATION[char] ?? char;
  });
  return toSimplified(folded);
}

/** Makes any string safe to tokenize: no control characters, no broken surrogate halves, no markup. */
export function cleanText(raw: string): string {
  // Each pass copies the text, so passes that cannot match are skipped; this is the hot path.
  let text = /[\uD800-\uDFFF]/.test(raw) ? raw.replace(LONE_SURROGATE, ' ') : raw;
  text = text.replace(CONTROL, ' ');
  if (text.includes('<') || text.includes('&')) text = stripSlackMarkup(text);
  if (/https?:|www\./i.test(text)) text = text.replace(URL, ' ');
  if (text.includes('@')) text = text.replace(EMAIL_ADDRESS, ' ');
  if (/[\u2014-\uffff]/.test(text)) text = foldChinese(text);
  return text.replace(/[ \t]{2,}|\t/g, ' ');
}

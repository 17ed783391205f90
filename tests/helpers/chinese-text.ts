/**
 * Checks for text a Chinese-reading agent sees: that nothing of the interface was left in English,
 * and that the typography is right for Chinese in Slack's mrkdwn.
 */

/** Full-width punctuation as Chinese text uses it. */
const FULL_WIDTH = '，。：；！？、（）【】「」“”《》…—';
const HAN = /\p{Script=Han}/u;

/**
 * Latin words that belong in a Chinese interface: the product's and Slack's names, the manifest's
 * shortcut, setting names, the CSV file format, time-zone examples and the other language's own name.
 */
const ALLOWED_LATIN = [
  'Classify customer type',
  'customertype',
  'QUIZ_ADMINS',
  'LEADS',
  'CSV',
  'Asia/Shanghai',
  'Asia/Taipei',
  'HH:mm',
  'English',
  'IANA',
  'Slack',
];

/** The Latin words left once code spans, mentions, links and the allowed names are taken out. */
export function englishLeftIn(text: string, allowed: readonly string[] = []): string[] {
  let rest = text
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/&(?:amp|lt|gt);/g, ' ');
  for (const word of [...allowed, ...ALLOWED_LATIN].sort((a, b) => b.length - a.length)) rest = rest.split(word).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * Typography problems in Chinese mrkdwn, each as a short description with where it is:
 * - a space next to full-width punctuation;
 * - half-width punctuation (, : ; ? ! ( )) next to a Chinese character, where full-width belongs;
 * - *bold*, _italics_ or `code` whose marker touches a character on its outer side: Slack does not
 *   format `文字*粗体*文字`, the asterisks then show as they are.
 */
export function chineseTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  const around = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 8), index + 9));
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    if (FULL_WIDTH.includes(char) && ((before && / /.test(before)) || (after && / /.test(after)))) {
      problems.push(`space next to ${char}: ${around(i)}`);
    }
    if (/[,:;?!()]/.test(char) && ((before && HAN.test(before)) || (after && HAN.test(after)))) {
      problems.push(`half-width ${char} next to Chinese: ${around(i)}`);
    }
  }
  for (const span of formattingSpans(text)) {
    const outsideBefore = text[span.start - 1];
    const outsideAfter = text[span.end + 1];
    if (outsideBefore !== undefined && !/\s/.test(outsideBefore)) problems.push(`${span.marker} opens after ${JSON.stringify(outsideBefore)}: ${around(span.start)}`);
    if (outsideAfter !== undefined && !/\s/.test(outsideAfter)) problems.push(`${span.marker} closes before ${JSON.stringify(outsideAfter)}: ${around(span.end)}`);
    if (span.marker === '_') problems.push(`italics in Chinese: ${around(span.start)}`);
  }
  return problems;
}

/** Pairs of *, _ and ` markers on one line (code first: markers inside code are literal). */
function formattingSpans(text: string): Array<{ marker: string; start: number; end: number }> {
  const spans: Array<{ marker: string; start: number; end: number }> = [];
  const code = /`[^`\n]+`/g;
  const codeRanges: Array<[number, number]> = [];
  for (const match of text.matchAll(code)) {
    spans.push({ marker: '`', start: match.index, end: match.index + match[0].length - 1 });
    codeRanges.push([match.index, match.index + match[0].length - 1]);
  }
  const inCode = (index: number) => codeRanges.some(([from, to]) => index >= from && index <= to);
  for (const marker of ['*', '_']) {
    const escaped = marker === '*' ? '\\*' : '_';
    for (const match of text.matchAll(new RegExp(`${escaped}[^${escaped}\\n]+${escaped}`, 'g'))) {
      if (inCode(match.index)) continue;
      // An identifier such as QUIZ_ADMINS is not italics.
      if (marker === '_' && /\w/.test(text[match.index - 1] ?? '') && /\w/.test(text[match.index + 1] ?? '')) continue;
      spans.push({ marker, start: match.index, end: match.index + match[0].length - 1 });
    }
  }
  return spans;
}

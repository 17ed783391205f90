import type { Escaped } from '../../i18n/escaped.js';

/**
 * Slack reads `<!channel>`, `<@U123>` and `<url|label>` in mrkdwn as live mentions and links; these
 * three escapes are the ones Slack documents, and they turn any such text into plain characters.
 */
export function escapeMrkdwn(text: string): Escaped {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') as Escaped;
}

/** A user mention we mean to make: the id comes from Slack, and is escaped all the same. */
export const mentionUser = (userId: string): Escaped => `<@${escapeMrkdwn(userId)}>` as Escaped;
export const mentionChannel = (channelId: string): Escaped => `<#${escapeMrkdwn(channelId)}>` as Escaped;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` characters (code points, as Slack counts them), marking the cut. It
 * cuts between graphemes, so a Chinese character, an emoji, a flag, a family emoji or a letter with
 * its accent is kept whole or dropped whole, never split.
 */
export function truncate(text: string, max: number): string {
  // A string has at least as many UTF-16 units as code points, so a short one needs no counting.
  if (text.length <= max) return text;
  let count = 0;
  for (const _ of text) if ((count += 1) > max) break;
  if (count <= max) return text;
  const room = Math.max(0, max - 1);
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    let size = 0;
    for (const _ of segment) size += 1;
    if (used + size > room) break;
    kept += segment;
    used += size;
  }
  return `${kept}${ELLIPSIS}`;
}

/**
 * `truncate` for mrkdwn: a cut never leaves half an escape (`&am…`) or half a mention or link
 * (`<@U12…`), which Slack would show as stray characters.
 */
export function truncateMrkdwn(text: string, max: number): string {
  const cut = truncate(text, max);
  if (cut === text) return text;
  const body = cut.slice(0, -ELLIPSIS.length).replace(/&[a-z]{0,4}$/, '').replace(/<[^<>]*$/, '');
  return `${body}${ELLIPSIS}`;
}

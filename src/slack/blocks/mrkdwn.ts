/**
 * Slack reads `<!channel>`, `<@U123>` and `<url|label>` in mrkdwn as live mentions and links; these
 * three escapes are the ones Slack documents, and they turn any such text into plain characters.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters on a character boundary, marking the cut. */
export function truncate(text: string, max: number): string {
  // A string has at least as many UTF-16 units as characters, so a short one needs no counting.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

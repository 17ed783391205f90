/**
 * A generous estimate of how wide a line of text is drawn, in pixels. Vega without a canvas guesses
 * every character at about half an em, which clips Chinese (each character is a full em) and wide
 * capitals; the chart lays itself out with this, an upper bound for Noto Sans, instead.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += isWide(char.codePointAt(0)!) ? 1 : /[A-Z@%&mw]/u.test(char) ? 0.95 : 0.62;
  return Math.ceil(ems * fontSize);
}

/** East Asian wide and full-width characters: CJK, kana, hangul, full-width forms and punctuation. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../../../src/slack/blocks/mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('turns mentions, links and entities into plain characters', () => {
    expect(escapeMrkdwn('<!channel> <@U123> <https://x.test|here> &amp;')).toBe('&lt;!channel&gt; &lt;@U123&gt; &lt;https://x.test|here&gt; &amp;amp;');
  });
});

describe('truncate', () => {
  it('returns short text as it is', () => {
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts long text and marks the cut within the limit', () => {
    expect(truncate('hello world', 6)).toBe('hello…');
  });

  it('never splits an emoji: it counts characters, not UTF-16 units', () => {
    // Six characters in eleven UTF-16 units: not over a limit of six.
    expect(truncate('😀😀😀😀😀a', 6)).toBe('😀😀😀😀😀a');
    expect(truncate('😀😀😀😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('truncate on Chinese, emoji and combined characters', () => {
  const codePoints = (text: string) => Array.from(text).length;

  it('counts a Chinese character as one and cuts between them', () => {
    expect(truncate('愤怒的客户需要被倾听', 10)).toBe('愤怒的客户需要被倾听');
    expect(truncate('愤怒的客户需要被倾听', 6)).toBe('愤怒的客户…');
  });

  it('keeps a flag, a family emoji, a skin tone and an accent whole, or drops them whole', () => {
    for (const [text, max] of [
      ['退款🇨🇳🇨🇳🇨🇳', 5],
      ['👨‍👩‍👧👨‍👩‍👧', 6],
      ['👍🏽👍🏽👍🏽', 4],
      ['cafe\u0301 cafe\u0301', 5],
      ['中'.repeat(2999) + '😡😡', 3000],
    ] as const) {
      const cut = truncate(text, max);
      expect(codePoints(cut)).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      // What is kept is a run of whole graphemes of the original.
      const kept = cut.slice(0, -1);
      expect(text.startsWith(kept)).toBe(true);
      const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((g) => g.segment);
      let joined = '';
      for (const grapheme of graphemes) if ((joined + grapheme).length <= kept.length) joined += grapheme;
      expect(joined).toBe(kept);
    }
    // A family is five code points: it fits in six with the mark, not in five.
    expect(truncate('👨‍👩‍👧👨‍👩‍👧', 6)).toBe('👨‍👩‍👧…');
    expect(truncate('👨‍👩‍👧👨‍👩‍👧', 5)).toBe('…');
    // A flag is two code points: with the mark it fits in five, not in four.
    expect(truncate('退款🇨🇳🇨🇳🇨🇳', 5)).toBe('退款🇨🇳…');
    expect(truncate('退款🇨🇳🇨🇳🇨🇳', 4)).toBe('退款…');
  });

  it('never leaves a lone surrogate', () => {
    const text = '😀'.repeat(100);
    for (let max = 1; max < 60; max += 1) expect(truncate(text, max)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('in mrkdwn, never leaves half an escape or half a mention', () => {
    expect(truncateMrkdwn(`${'a'.repeat(7)}&amp;b`, 10)).toBe('aaaaaaa…');
    expect(truncateMrkdwn(`分享者 <@U0123456789> 分享`, 12)).toBe('分享者 …');
    expect(truncateMrkdwn('短', 10)).toBe('短');
  });
});

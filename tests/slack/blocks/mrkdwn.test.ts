import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate } from '../../../src/slack/blocks/mrkdwn.js';

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

import { describe, expect, it } from 'vitest';
import { dropForeignResponseUrls, responseUrlOrigins } from '../../src/slack/response-url.js';

describe('response URLs', () => {
  const allowed = responseUrlOrigins('http://127.0.0.1:4000/api/');

  it('allows Slack and the origin of SLACK_API_URL, nothing else', () => {
    expect([...allowed].sort()).toEqual(['http://127.0.0.1:4000', 'https://hooks.slack.com']);
    expect([...responseUrlOrigins(undefined)]).toEqual(['https://hooks.slack.com']);
  });

  it.each([
    ['https://hooks.slack.com/commands/T1/2/abc', true],
    ['https://hooks.slack.com:443/actions/T1/2/abc', true],
    ['http://127.0.0.1:4000/response/x', true],
    ['http://hooks.slack.com/commands/T1/2/abc', false],
    ['https://hooks.slack.com.evil.example/x', false],
    ['https://hooks.slack.com@evil.example/x', false],
    ['http://127.0.0.1:4001/response/x', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['not a url', false],
  ])('%s kept: %s', (url, kept) => {
    const body: Record<string, unknown> = { response_url: url };
    const dropped = dropForeignResponseUrls(body, allowed);
    expect('response_url' in body).toBe(kept);
    expect(dropped).toHaveLength(kept ? 0 : 1);
  });

  it("keeps only Slack's entries of a view submission's response_urls, and names only origins", () => {
    const body: Record<string, unknown> = {
      response_urls: [
        { response_url: 'http://10.0.0.1/hook?token=secret' },
        { response_url: 'https://hooks.slack.com/app/T1/2/abc' },
        null,
      ],
    };
    expect(dropForeignResponseUrls(body, allowed)).toEqual(['http://10.0.0.1', 'an unparsable URL']);
    expect(body.response_urls).toEqual([{ response_url: 'https://hooks.slack.com/app/T1/2/abc' }]);
    const none: Record<string, unknown> = { response_urls: [{ response_url: 'http://10.0.0.1/' }] };
    dropForeignResponseUrls(none, allowed);
    expect('response_urls' in none).toBe(false);
  });
});

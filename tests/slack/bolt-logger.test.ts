import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { asBoltLogger } from '../../src/slack/bolt-logger.js';

describe('asBoltLogger', () => {
  it('drops message text from the payloads Slack libraries dump at debug level', () => {
    const lines: string[] = [];
    const bolt = asBoltLogger(createLogger('debug', { write: (line) => lines.push(line) }));
    bolt.debug('Received a message on the WebSocket: {"envelope_id":"e1","payload":{"command":"/customertype","text":"my husband \\"Bob\\" is furious"}}');
    bolt.debug('http request body: token=x&text=my+husband+is+furious&user_id=U1');
    bolt.debug({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Why: "furious"' } }] });
    bolt.debug('Received: {"files":[{"filetype":"email","subject":"Refund for my husband","plain_text":"He is furious","preview":"He is"}]}');
    bolt.debug('Unable to parse an incoming WebSocket message: {"payload":{"text":"my husband is furious');
    bolt.debug('Unable to parse an incoming WebSocket message: {"payload":{"text":"my husband is furious\\');
    bolt.debug('{"values":["my husband is furious", "really"],"channel":"C1"}');
    const all = lines.join('');
    expect(all).not.toMatch(/husband|furious|He is/);
    expect(all).toContain('"envelope_id":"e1"');
    expect(all).toContain('"command":"/customertype"');
    expect(all).toContain('"channel":"C1"');
    expect(all).toContain('user_id=U1');
  });

  it('keeps warnings and errors as written, and follows the level', () => {
    const lines: string[] = [];
    const bolt = asBoltLogger(createLogger('info', { write: (line) => lines.push(line) }));
    bolt.debug('hidden');
    bolt.warn('An API error occurred: "text" is too long');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('"text" is too long');
    bolt.setLevel('debug' as never);
    expect(bolt.getLevel()).toBe('debug');
  });
});

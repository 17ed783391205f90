import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';

describe('createLogger', () => {
  it('writes one redacted line per entry and respects the level', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line) => lines.push(line) });
    logger.debug('hidden');
    logger.warn('customer bob@example.com said:\nmy card is 5500 0000 0000 0004');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ WARN  \[customertype\] customer \[email\] said:\\nmy card is \[card\]\n$/);
    logger.setLevel('debug');
    logger.debug('shown');
    expect(lines).toHaveLength(2);
    expect(logger.getLevel()).toBe('debug');
  });
});

describe('createLogger and Slack tokens', () => {
  it.each(['xoxb-1234-5678-abcdef', 'xoxe.xoxb-1-MTIzNDU2Nzg5', 'xoxe-1-My0xLTEyMzQ1Ng', 'xoxp-1-2-3-abc', 'xapp-1-A1-123-abc'])(
    'never writes a token (%s), wherever it appears in the line',
    (token) => {
      const lines: string[] = [];
      const logger = createLogger('debug', { write: (line) => lines.push(line) });
      logger.error(`call failed with token=${token}; retrying`, { token }, new Error(`bad ${token}`));
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/xox[a-z]-|xapp-/);
      expect(lines[0]).toContain('[token]');
    },
  );
});

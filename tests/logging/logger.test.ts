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

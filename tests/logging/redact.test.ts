import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { redactPersonalData } from '../../src/logging/redact.js';

describe('redactPersonalData', () => {
  it.each([
    ['mail me at jane.doe+support@example.co.uk today', 'mail me at [email] today'],
    ['card 4111 1111 1111 1111 was charged', 'card [card] was charged'],
    ['card 4111-1111-1111-1111', 'card [card]'],
    ['call +1 (415) 555-0132 now', 'call [phone] now'],
    ['ring 020 7946 0958', 'ring [phone]'],
  ])('redacts %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('leaves ordinary text and short numbers alone', () => {
    const text = 'Order 12345 arrived 3 days late, I paid $49.99 on 2024-05-01';
    expect(redactPersonalData(text)).toBe(text);
  });
});

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

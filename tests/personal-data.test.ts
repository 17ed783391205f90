import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../src/personal-data.js';

describe('redactPersonalData', () => {
  it.each([
    ['mail me at jane.doe+support@example.co.uk today', 'mail me at [email] today'],
    ['card 4111 1111 1111 1111 was charged', 'card [card] was charged'],
    ['card 4111-1111-1111-1111', 'card [card]'],
    ['card 4111 - 1111 - 1111 - 1111 expired', 'card [card] expired'],
    ['call +1 (415) 555-0132 now', 'call [phone] now'],
    ['ring 020 7946 0958', 'ring [phone]'],
    ['called 2024-05-01 +1 (415) 555-0132', 'called 2024-05-01 [phone]'],
    ['call +1 (415) 555-0132 2024-05-01', 'call [phone] 2024-05-01'],
    ['paid 2024-05-01 with 4111 1111 1111 1111', 'paid 2024-05-01 with [card]'],
    ['id 12345678-2024-05-01, tel 0044-2012-12-12-34', 'id [card], tel [card]'],
  ])('redacts %s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('leaves ordinary text, short numbers, dates and times alone', () => {
    const text = 'Order 12345 arrived 3 days late, I paid $49.99 on 2024-05-01 at 2024-05-01 12:30 (message ts 1700000300.000100)';
    expect(redactPersonalData(text)).toBe(text);
  });

  it('finds an address inside punctuation and leaves a lone @ alone', () => {
    expect(redactPersonalData('(write to ops@shop.example.com), or @ShopNow')).toBe('(write to [email]), or @ShopNow');
  });

  // These patterns run on every message and log line: hostile text must cost linear time, not
  // seconds. The bound is thousands of times what a linear pass needs, so it is no speed target.
  it.each([
    ['4,000 × "@"', '@'.repeat(4000)],
    ['2,000 × "x@"', 'x@'.repeat(2000)],
    ['a 40 KB word', 'a'.repeat(40_000)],
    ['40 KB of "a.b@"', 'a.b@'.repeat(10_000)],
  ])('redacts %s without catastrophic backtracking', (_name, text) => {
    const started = performance.now();
    redactPersonalData(text);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

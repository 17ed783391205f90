import { describe, expect, it } from 'vitest';
import { isFreshTimestamp } from '../../src/http/timestamp.js';

const now = 1_800_000_000_000;
const seconds = now / 1000;

describe('isFreshTimestamp', () => {
  it.each([
    [String(seconds), true],
    [String(seconds - 300), true],
    [String(seconds + 300), true],
    [String(seconds - 301), false],
    [String(seconds + 301), false],
    [undefined, false],
    ['', false],
    ['12abc', false],
    ['-5', false],
  ])('%s → %s', (header, fresh) => {
    expect(isFreshTimestamp(header, now)).toBe(fresh);
  });
});

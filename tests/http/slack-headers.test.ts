import { describe, expect, it } from 'vitest';
import { declaredLength, hasWellFormedSignature } from '../../src/http/slack-headers.js';

describe('hasWellFormedSignature', () => {
  it.each([
    [`v0=${'a1'.repeat(32)}`, true],
    [undefined, false],
    ['', false],
    [`v1=${'a1'.repeat(32)}`, false],
    [`v0=${'a1'.repeat(31)}`, false],
    [`v0=${'A1'.repeat(32)}`, false],
    [`v0=${'a1'.repeat(32)}x`, false],
  ])('%s → %s', (value, expected) => {
    expect(hasWellFormedSignature(value === undefined ? {} : { 'x-slack-signature': value })).toBe(expected);
  });
});

describe('declaredLength', () => {
  it('reads a length, says undefined for a chunked body and NaN for garbage', () => {
    expect(declaredLength({ 'content-length': '1234' })).toBe(1234);
    expect(declaredLength({})).toBeUndefined();
    expect(declaredLength({ 'content-length': '-1' })).toBeNaN();
    expect(declaredLength({ 'content-length': '1e9' })).toBeNaN();
  });
});

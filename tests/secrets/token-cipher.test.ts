import { describe, expect, it } from 'vitest';
import { TokenCipher, TokenDecryptionError } from '../../src/secrets/token-cipher.js';

const key = Buffer.alloc(32, 1).toString('base64');
const otherKey = Buffer.alloc(32, 2).toString('base64');
const token = 'xoxb-1234-5678-abcdefghijklmnop';

describe('TokenCipher', () => {
  it('gives the token back, and never stores it in the clear', () => {
    const cipher = new TokenCipher(key);
    const stored = cipher.encrypt(token, 'T1');
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('xoxb');
    expect(cipher.decrypt(stored, 'T1')).toBe(token);
  });

  it('uses a fresh IV each time: the same token encrypts differently', () => {
    const cipher = new TokenCipher(key);
    const first = cipher.encrypt(token);
    const second = cipher.encrypt(token);
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
    expect(Buffer.from(first.split(':')[1]!, 'base64')).toHaveLength(12);
  });

  it('keeps other languages and long values whole', () => {
    const cipher = new TokenCipher(key);
    for (const value of ['', '客户很生气：退款！', 'x'.repeat(100_000)]) expect(cipher.decrypt(cipher.encrypt(value))).toBe(value);
  });

  it('refuses a value moved to another row, altered, malformed or of an unknown version, without saying what it held', () => {
    const cipher = new TokenCipher(key);
    const stored = cipher.encrypt(token, 'T1');
    const [version, iv, tag, body] = stored.split(':') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64');
    flipped[0]! ^= 1;
    for (const [bad, context] of [
      [stored, 'T2'],
      [[version, iv, tag, flipped.toString('base64')].join(':'), 'T1'],
      [`v2:${iv}:${tag}:${body}`, 'T1'],
      ['', 'T1'],
      ['v1:::', 'T1'],
      [token, 'T1'],
    ] as const) {
      expect(() => cipher.decrypt(bad, context)).toThrow(TokenDecryptionError);
      try {
        cipher.decrypt(bad, context);
      } catch (error) {
        expect((error as Error).message).not.toContain('xoxb');
      }
    }
  });

  it('opens a value under the previous key during rotation, and says it should be encrypted again', () => {
    const before = new TokenCipher(otherKey);
    const stored = before.encrypt(token, 'T1');
    expect(() => new TokenCipher(key).decrypt(stored, 'T1')).toThrow(TokenDecryptionError);
    const rotating = new TokenCipher(key, otherKey);
    expect(rotating.decrypt(stored, 'T1')).toBe(token);
    expect(rotating.isUnderPreviousKey(stored, 'T1')).toBe(true);
    expect(rotating.isUnderPreviousKey(rotating.encrypt(token, 'T1'), 'T1')).toBe(false);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new TokenCipher(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

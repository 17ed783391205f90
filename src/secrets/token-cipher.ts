import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored secret that no key opens: tampered with, or encrypted with a key no longer configured. Says nothing of the value. */
export class TokenDecryptionError extends Error {
  override name = 'TokenDecryptionError';
  constructor(reason: string) {
    super(`cannot decrypt a stored token (${reason}); if TOKEN_ENCRYPTION_KEY changed, set the old one as TOKEN_ENCRYPTION_KEY_PREVIOUS`);
  }
}

const keyOf = (base64: string) => {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('an encryption key must be 32 bytes');
  return key;
};

/**
 * Tokens at rest: AES-256-GCM with a fresh 12-byte IV per value, stored as
 * `v1:<iv>:<tag>:<ciphertext>` (base64 parts), so the format and the key can change later. The
 * associated data (a workspace id, say) binds a value to its row: one moved to another row fails.
 * A value the current key cannot open is tried with the previous key, for key rotation.
 */
export class TokenCipher {
  private readonly key: Buffer;
  private readonly previousKey: Buffer | undefined;

  constructor(key: string, previousKey?: string) {
    this.key = keyOf(key);
    this.previousKey = previousKey === undefined ? undefined : keyOf(previousKey);
  }

  encrypt(plain: string, associatedData = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  decrypt(stored: string, associatedData = ''): string {
    return this.open(stored, associatedData).plain;
  }

  /** Whether the value was encrypted with the previous key (so it should be encrypted again with the current one). */
  isUnderPreviousKey(stored: string, associatedData = ''): boolean {
    return this.open(stored, associatedData).withPrevious;
  }

  private open(stored: string, associatedData: string): { plain: string; withPrevious: boolean } {
    const parts = stored.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new TokenDecryptionError('not a v1 value');
    const [, iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64')) as [Buffer, Buffer, Buffer, Buffer];
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenDecryptionError('malformed');
    const withCurrent = tryOpen(this.key, iv, tag, body, associatedData);
    if (withCurrent !== undefined) return { plain: withCurrent, withPrevious: false };
    const withPrevious = this.previousKey ? tryOpen(this.previousKey, iv, tag, body, associatedData) : undefined;
    if (withPrevious !== undefined) return { plain: withPrevious, withPrevious: true };
    throw new TokenDecryptionError('wrong key or altered');
  }
}

function tryOpen(key: Buffer, iv: Buffer, tag: Buffer, body: Buffer, associatedData: string): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

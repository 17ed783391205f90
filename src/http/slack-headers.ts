import type { IncomingHttpHeaders } from 'node:http';

/** Slack's signature header: version 0 and a hex HMAC-SHA256. Anything else cannot be a valid signature. */
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

export function hasWellFormedSignature(headers: IncomingHttpHeaders): boolean {
  const value = headers['x-slack-signature'];
  return typeof value === 'string' && SIGNATURE.test(value);
}

/**
 * The body length the client declared: a number, `undefined` for a chunked body, or `NaN` for a
 * header no honest client sends (Node itself refuses duplicates and most garbage before this).
 */
export function declaredLength(headers: IncomingHttpHeaders): number | undefined {
  const value = headers['content-length'];
  if (value === undefined) return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}

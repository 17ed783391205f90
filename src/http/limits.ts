import type { ServerOptions } from 'node:http';

/**
 * What one HTTP request may cost before it is known to be Slack's. Slack's payloads are kilobytes;
 * the largest realistic one, a view submission or a message action carrying the message's
 * attachments, is a few hundred kilobytes. A mebibyte leaves room for that and refuses the rest.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Bytes all not-yet-verified requests may hold in memory at once: sixteen largest bodies, or
 * thousands of real ones. Past it a request is turned away with 503 (Slack retries) before it is read.
 */
export const UNVERIFIED_BYTES_BUDGET = 16 * MAX_BODY_BYTES;

/** Slack sends a request in milliseconds; a client that needs seconds for its headers is not Slack. */
export const HEADERS_TIMEOUT_MS = 5_000;
/** Headers and body together; Slack's own timeout is 3 s, so a slower request could not be answered in time anyway. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How long an idle keep-alive connection is kept for the next request (Node's default). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/**
 * How often Node looks for connections over the time limits. Its default is 30 s, which would let a
 * slow client hold a socket for up to 35 s despite a 5 s limit.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** Open sockets at most; past it Node closes new ones at once instead of running out of file descriptors. */
export const MAX_CONNECTIONS = 1_000;

/**
 * What of a refused body is still read, and thrown away, before the connection is cut: enough for
 * a small body to end and the connection to be kept, and for the answer to reach the client before
 * the cut (which resets the connection), never enough to cost memory or much time.
 */
export const REFUSED_DRAIN_BYTES = 64 * 1024;
export const REFUSED_DRAIN_MS = 500;

export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
};

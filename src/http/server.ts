import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_CONNECTIONS, REFUSED_DRAIN_BYTES, REFUSED_DRAIN_MS, SERVER_OPTIONS } from './limits.js';

export const HEALTH_PATH = '/healthz';

/** Healthy, or why not (a sentence for whoever reads the load balancer's log). */
export type HealthCheck = () => Promise<{ ok: true } | { ok: false; reason: string }>;

export interface ListenOptions {
  port: number;
  host?: string;
}

export function sendStatus(res: ServerResponse, status: number, body?: object): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** An HTTP server with time limits fit for Slack and a cap on connections (see limits.ts). */
export function createLimitedServer(listener: RequestListener): Server {
  const server = createServer(SERVER_OPTIONS, listener);
  server.maxConnections = MAX_CONNECTIONS;
  return server;
}

/**
 * Answers without keeping the body. A little more of it is read and thrown away, then reading
 * stops (the client's sending stalls, and nothing is held here), and the connection is cut after
 * REFUSED_DRAIN_MS. Not at once: closing a socket with unread data resets the connection, and the
 * reset can destroy the answer on its way to the client before the client has read it.
 */
export function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, headers).end();
  if (req.complete) return;
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > REFUSED_DRAIN_BYTES) req.pause();
  });
  const cutOff = setTimeout(() => req.socket.destroy(), REFUSED_DRAIN_MS);
  cutOff.unref();
  req.once('end', () => clearTimeout(cutOff));
  req.once('close', () => clearTimeout(cutOff));
}

/** Answers `/healthz` and says whether it did; the same in both modes. */
export function healthListener(health: HealthCheck) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== HEALTH_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStatus(res, 405);
      return true;
    }
    void health().then(
      (state) => sendStatus(res, state.ok ? 200 : 503, state),
      (error: unknown) => sendStatus(res, 503, { ok: false, reason: `the health check failed: ${(error as Error).message}` }),
    );
    return true;
  };
}

export function listen(server: Server, { port, host }: ListenOptions): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open forever; requests already running keep theirs.
    server.closeIdleConnections();
  });
}

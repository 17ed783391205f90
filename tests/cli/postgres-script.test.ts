import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePortOption } from '../../scripts/lib/port-option.js';

// `npm run postgres`: the local PostgreSQL for trying several instances. Run through npm, as a
// person does, with its data in a temporary folder instead of .data/postgres.

const parent = mkdtempSync(join(tmpdir(), 'customertype-postgres-script-'));
if (userInfo().uid === 0) chmodSync(parent, 0o755); // the server runs as the postgres user under root
const dataDir = join(parent, 'postgres');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

interface Run {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function runScript(...args: string[]): Run {
  const child = spawn('npm', ['run', '--silent', 'postgres', '--', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function databaseUrl(run: Run): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (!/^DATABASE_URL=.*\n/m.test(run.output()) && run.child.exitCode === null && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
  }
  const lines = run.output().split('\n').filter((line) => line.startsWith('DATABASE_URL='));
  expect(lines, run.output()).toHaveLength(1);
  return lines[0]!.slice('DATABASE_URL='.length);
}

async function stopWithSigterm(run: Run): Promise<void> {
  run.child.kill('SIGTERM');
  const result = await Promise.race([run.exited, new Promise<'still running'>((done) => setTimeout(() => done('still running'), 10_000))]);
  if (result === 'still running') run.child.kill('SIGKILL');
  expect(result).not.toBe('still running');
  // A server that shut down cleanly removes its lock file; a killed one leaves it behind.
  expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  expect(run.output().trim().split('\n'), 'nothing but the URL line, even while stopping').toHaveLength(1);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('npm run postgres', () => {
  it('creates the data and the customertype database, prints its URL, stops on SIGTERM, and keeps the data for the next run', async () => {
    const port = await freePort();
    const first = runScript('--port', String(port), '--data', dataDir);
    const url = await databaseUrl(first);
    expect(url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${port}/customertype$`));
    await query(url, "CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('from the first run')");
    await stopWithSigterm(first);

    const second = runScript('--port', String(port), '--data', dataDir);
    expect(await databaseUrl(second)).toBe(url);
    expect(await query(url, 'SELECT note FROM kept')).toEqual([{ note: 'from the first run' }]);
    await stopWithSigterm(second);
  }, 60_000);

  it('refuses to start on its data without the password file, and says how to start afresh', async () => {
    const dir = join(parent, 'lost-password');
    const first = runScript('--port', String(await freePort()), '--data', dir);
    await databaseUrl(first);
    first.child.kill('SIGTERM');
    await first.exited;
    rmSync(`${dir}.password`);
    const second = runScript('--port', String(await freePort()), '--data', dir);
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toBe(`postgres: ${dir}.password is missing, and the server's password with it: delete ${dir} to start afresh`);
  }, 60_000);

  it('says the port is taken, and exits', async () => {
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as { port: number };
    try {
      const run = runScript('--port', String(port), '--data', join(parent, 'taken'));
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(`port ${port} is taken: choose another with --port`);
    } finally {
      await new Promise((done) => taken.close(done));
    }
  }, 60_000);

  it('refuses a bad --port with one clear line, before touching the data folder', async () => {
    const run = runScript('--port=70000', '--data', join(parent, 'never'));
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe('postgres: --port must be a whole number from 1 to 65535, not "70000"');
    expect(existsSync(join(parent, 'never'))).toBe(false);
    expect(existsSync(join(parent, 'never.password'))).toBe(false);
  });

  it.each(['0', '65536', 'abc', '54.3', '-1', '', ' 5433', '1e3', '５４３３'])('--port %j is refused', (text) => {
    expect(parsePortOption(text)).toEqual({ problem: `--port must be a whole number from 1 to 65535, not "${text}"` });
  });

  it.each([['1', 1], ['5433', 5433], ['65535', 65535], ['05433', 5433]] as const)('--port %j is port %i', (text, port) => {
    expect(parsePortOption(text)).toEqual({ port });
  });

  it('names an unknown option and shows how to call it', async () => {
    const run = runScript('--prot', '5433');
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(/^postgres: Unknown option '--prot'.*\(usage: npm run postgres -- \[--port 5433\]\)$/s);
  });
});

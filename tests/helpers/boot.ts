import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { startApp, type RunningApp } from '../../src/app.js';
import { parseConfig } from '../../src/config/config.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { openDatabase, openSqliteDatabase } from '../../src/store/database.js';
import type { SqlDatabase } from '../../src/store/sql.js';
import { Classifier } from '../../src/classifier/classifier.js';
import type { ClassifierHost } from '../../src/service/classifier-host.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { FakeSlack } from './fake-slack.js';
import { signedHeaders, TEST_SIGNING_SECRET, type SignOptions } from './slack-request.js';
import { typeDefinitions } from '../../src/playbooks/training.js';

const trained = new Map<string, { playbooks: PlaybookSet; classifier: Classifier }>();
/** Training takes a few hundred milliseconds; every app booted in one test file with the same playbooks shares the result. */
function core(dir?: string) {
  let found = trained.get(dir ?? '');
  if (!found) {
    const playbooks = loadPlaybooks(dir).set;
    trained.set(dir ?? '', (found = { playbooks, classifier: Classifier.train(typeDefinitions(playbooks.all)) }));
  }
  return found;
}

export interface BootedApp {
  slack: FakeSlack;
  running: RunningApp;
  /** The SQLite file's handle, to look at rows directly; throws for an app on PostgreSQL. */
  db: Database;
  /** The app's database, either engine. */
  database: SqlDatabase;
  dbPath: string;
  baseUrl: string;
  logs: string[];
  /** Posts a body to /slack/events, signed as Slack would unless told otherwise. */
  post(body: string, options?: SignOptions & { headers?: Record<string, string>; unsigned?: boolean }): Promise<Response>;
  stop(): Promise<void>;
}

export interface BootOptions {
  env?: Record<string, string>;
  clock?: () => Date;
  random?: () => number;
  /** Web API retries; 0 unless a test is about retrying. */
  slackRetries?: number;
  /** A playbooks folder of the test's own, e.g. with Chinese text; the built-in one otherwise. */
  playbooksDir?: string;
  /** A host the test fills itself, to see the bot before learning has ended; a trained classifier otherwise. */
  classifier?: ClassifierHost;
  /** Another app's database file, to run two instances on one database; a fresh one otherwise. */
  databasePath?: string;
  /** How often the app looks for team examples taught through another instance. */
  teamExampleCheckMs?: number;
  /** A PostgreSQL database (tests/helpers/postgres.ts) instead of a SQLite file; two apps given one URL share it. */
  databaseUrl?: string;
  /** Another app's fake Slack, so two instances talk to one Slack. */
  slack?: FakeSlack;
}

/** Boots the real app on 127.0.0.1, port 0, against a fresh fake Slack and a fresh database. */
export async function bootApp(options: BootOptions = {}): Promise<BootedApp> {
  const slack = options.slack ?? (await new FakeSlack().start());
  const dir = mkdtempSync(join(tmpdir(), 'customertype-test-'));
  const dbPath = options.databasePath ?? join(dir, 'test.db');
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    PORT: '0',
    SLACK_API_URL: slack.apiUrl,
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs: string[] = [];
  const logger: Logger = createLogger('debug', { write: (line) => logs.push(line) });
  const database = options.databaseUrl ? await openDatabase({ url: options.databaseUrl }) : await openSqliteDatabase(config.DATABASE_PATH);
  const running = await startApp({ config, logger, db: database, ...core(options.playbooksDir), ...(options.classifier ? { classifier: options.classifier } : {}), slackRetries: options.slackRetries ?? 0, ...(options.teamExampleCheckMs ? { teamExampleCheckMs: options.teamExampleCheckMs } : {}), ...(options.clock ? { clock: options.clock } : {}), ...(options.random ? { random: options.random } : {}) });
  const baseUrl = `http://127.0.0.1:${running.address.port}`;
  let stopped = false;
  return {
    slack,
    running,
    get db(): Database {
      if (!('raw' in database)) throw new Error('this app runs on PostgreSQL: use `database`');
      return (database as { raw: Database }).raw;
    },
    database,
    dbPath,
    baseUrl,
    logs,
    post(body, postOptions = {}) {
      const headers = postOptions.unsigned
        ? { 'content-type': postOptions.contentType ?? 'application/x-www-form-urlencoded' }
        : signedHeaders(body, postOptions);
      return fetch(`${baseUrl}/slack/events`, { method: 'POST', body, headers: { ...headers, ...postOptions.headers } });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await running.stop();
      // A shared Slack and database belong to the app that made them.
      if (!options.slack) await slack.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

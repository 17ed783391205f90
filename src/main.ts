import { ConfigError, parseConfig } from './config/config.js';
import { loadEnvFile } from './config/load-env-file.js';
import { createLogger } from './logging/logger.js';
import { openDatabase, DatabaseOpenError } from './store/database.js';
import { startApp } from './app.js';
import { Classifier } from './classifier/classifier.js';
import { loadPlaybooks, PlaybookError } from './playbooks/load.js';

const README_HINT = 'See "Configuration" in README.md.';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`customertype: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadEnvFile();
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail([...error.problems, README_HINT]);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let playbooks;
  try {
    playbooks = loadPlaybooks(config.PLAYBOOKS_DIR);
  } catch (error) {
    if (error instanceof PlaybookError) fail([...error.problems, 'Fix the playbooks (npm run playbooks:check) and start again.']);
    throw error;
  }
  for (const warning of playbooks.warnings) logger.warn(warning);
  const trainedAt = performance.now();
  const classifier = Classifier.train(playbooks.set.all);
  logger.info(`Learned ${playbooks.set.all.length} customer types in ${Math.round(performance.now() - trainedAt)} ms`);
  let db;
  try {
    db = openDatabase(config.DATABASE_PATH);
  } catch (error) {
    if (error instanceof DatabaseOpenError) fail([error.message]);
    throw error;
  }
  const running = await startApp({ config, logger, db, playbooks: playbooks.set, classifier });

  const shutdown = (signal: string) => {
    logger.info(`${signal} received: finishing requests in flight, then closing the database`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') fail([`port ${process.env.PORT ?? 3000} is already in use. Set PORT to a free port.`]);
  fail([`failed to start: ${err.message ?? String(error)}`]);
});

import { startApp } from './app.js';
import { Classifier } from './classifier/classifier.js';
import { parseConfig } from './config/config.js';
import { loadEnvFile } from './config/load-env-file.js';
import { createLogger } from './logging/logger.js';
import { loadPlaybooks } from './playbooks/load.js';
import { ProblemsError } from './problems.js';
import { openDatabase } from './store/database.js';
import { typeDefinitions } from './playbooks/training.js';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`customertype: ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const playbooks = loadPlaybooks(config.PLAYBOOKS_DIR);
  for (const warning of playbooks.warnings) logger.warn(warning);
  const trainedAt = performance.now();
  const classifier = Classifier.train(typeDefinitions(playbooks.set.all));
  logger.info(`Learned ${playbooks.set.all.length} customer types in ${Math.round(performance.now() - trainedAt)} ms`);
  const db = openDatabase(config.DATABASE_PATH);
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
  // Last line of defence: a stray rejected promise is logged, not a reason to drop every agent's answers.
  process.on('unhandledRejection', (reason) => {
    logger.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
  });
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ProblemsError) fail(error.hint ? [...error.problems, error.hint] : error.problems);
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') fail([`port ${(err as { port?: number }).port ?? ''} is already in use. Set PORT to a free port.`]);
  fail([`failed to start: ${err.message ?? String(error)}`]);
});

import { startApp } from './app.js';
import { trainInBackground } from './classifier/background.js';
import { Classifier, type TypeDefinition } from './classifier/classifier.js';
import { LearnedCache, learnedCacheDir } from './cache/learned-cache.js';
import { parseConfig } from './config/config.js';
import { loadEnvFile } from './config/load-env-file.js';
import { createLogger, type Logger } from './logging/logger.js';
import { DEFAULT_PLAYBOOKS_DIR, loadPlaybooks } from './playbooks/load.js';
import { PlaybookSet } from './playbooks/playbook-set.js';
import { typeDefinitions } from './playbooks/training.js';
import { ProblemsError } from './problems.js';
import { ClassifierHost } from './service/classifier-host.js';
import { databaseTarget, openDatabase } from './store/database.js';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`customertype: ${line}\n`);
  process.exit(1);
}

/** The playbooks as last validated, or read and validated now (a bad file stops start-up here, with its name). */
function playbooksFor(dir: string, cache: LearnedCache | undefined): { set: PlaybookSet; warnings: string[] } {
  const cached = cache?.playbooks();
  if (cached) return { set: new PlaybookSet([...cached.all], cached.shared), warnings: cached.warnings };
  const loaded = loadPlaybooks(dir);
  cache?.savePlaybooks({ all: loaded.set.all, shared: loaded.set.shared, warnings: loaded.warnings });
  return loaded;
}

/**
 * Fills the host with the model learned last time from these same playbooks, or learns one in a
 * child process; should that fail, learns here instead, rather than never answering.
 */
function learn(types: TypeDefinition[], host: ClassifierHost, cache: LearnedCache | undefined, logger: Logger): void {
  const startedAt = performance.now();
  const done = (how: string) => logger.info(`${how} ${types.length} customer types in ${Math.round(performance.now() - startedAt)} ms`);
  const cached = cache?.model();
  if (cached) {
    try {
      host.set(Classifier.fromParts(types, cached));
      done('Read what was learned of the');
      return;
    } catch (error) {
      logger.warn(`The saved model could not be used (${(error as Error).message}); learning again`);
    }
  }
  trainInBackground(types).then(
    ({ classifier }) => {
      host.set(classifier);
      cache?.saveModel(classifier.toParts());
      done('Learned');
    },
    (error: unknown) => {
      logger.error(`${(error as Error).message}; learning in the main thread instead`);
      host.set(Classifier.train(types));
      done('Learned');
    },
  );
}

async function main(): Promise<void> {
  loadEnvFile();
  const config = parseConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const playbooksDir = config.PLAYBOOKS_DIR ?? DEFAULT_PLAYBOOKS_DIR;
  const cacheDir = learnedCacheDir(config.DATABASE_PATH);
  const cache = cacheDir ? LearnedCache.open(cacheDir, playbooksDir) : undefined;
  const playbooks = playbooksFor(playbooksDir, cache);
  for (const warning of playbooks.warnings) logger.warn(warning);
  const db = await openDatabase(databaseTarget(config), { onIdleError: (error) => logger.warn(`A PostgreSQL connection failed while idle; it is replaced: ${error.message}`) });
  // Listen first and learn beside it: Slack's requests are answered from the first moment (those that
  // need the classifier wait a little for it), and learning's garbage never lands in this process.
  const classifier = new ClassifierHost();
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
  // After the handlers: reading what was learned takes a moment, and a SIGTERM in it must stop cleanly too.
  learn(typeDefinitions(playbooks.set.all), classifier, cache, logger);
}

main().catch((error: unknown) => {
  if (error instanceof ProblemsError) fail(error.hint ? [...error.problems, error.hint] : error.problems);
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') fail([`port ${(err as { port?: number }).port ?? ''} is already in use. Set PORT to a free port.`]);
  fail([`failed to start: ${err.message ?? String(error)}`]);
});

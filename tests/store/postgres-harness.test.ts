import { describe, expect, it } from 'vitest';
import { loadEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.js';
import { dropPostgresDatabases, freshPostgresUrl } from '../helpers/postgres.js';
import { withPgClient } from '../../scripts/lib/pg-client.js';

// The harness every PostgreSQL test stands on: if it leaks tables between files, or hides a
// failing run's exit code, the store tests on PostgreSQL prove nothing.

describe('the PostgreSQL test harness', () => {
  it('loads embedded-postgres without hooks that would rewrite the exit code of a failing run', async () => {
    const before = { beforeExit: process.listenerCount('beforeExit'), exit: process.listenerCount('exit') };
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    expect(typeof EmbeddedPostgres).toBe('function');
    expect({ beforeExit: process.listenerCount('beforeExit'), exit: process.listenerCount('exit') }).toEqual(before);
  });

  it('gives each caller its own empty database, and drops them all', async () => {
    const [first, second] = await Promise.all([freshPostgresUrl(), freshPostgresUrl()]);
    expect(first).not.toBe(second);
    await withPgClient(first!, (client) => client.query('CREATE TABLE only_here (a TEXT)'));
    const tables = (url: string) =>
      withPgClient(url, async (client) => (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows);
    expect(await tables(first!)).toEqual([{ table_name: 'only_here' }]);
    expect(await tables(second!)).toEqual([]);

    await dropPostgresDatabases();
    for (const url of [first!, second!]) {
      await expect(withPgClient(url, (client) => client.query('SELECT 1'))).rejects.toThrow(/does not exist/);
    }
  });
});

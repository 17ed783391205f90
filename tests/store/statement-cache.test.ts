import { openSqlite } from '../../src/store/sqlite.js';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../src/store/statement-cache.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once and hands back the same statement', () => {
    const db = openSqlite(':memory:');
    const cached = withStatementCache(db);
    const first = cached.prepare('SELECT 1 AS one');
    expect(cached.prepare('SELECT 1 AS one')).toBe(first);
    expect(cached.prepare('SELECT 2 AS two')).not.toBe(first);
    expect(first.get()).toEqual({ one: 1 });
    db.close();
  });

  it('runs transactions on the underlying database', () => {
    const db = openSqlite(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const cached = withStatementCache(db);
    const insertTwo = cached.transaction(() => {
      cached.prepare('INSERT INTO t VALUES (1)').run();
      cached.prepare('INSERT INTO t VALUES (2)').run();
      throw new Error('roll back');
    });
    expect(() => insertTwo()).toThrow('roll back');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });
});

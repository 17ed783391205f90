import { openSqlite } from '../../src/store/sqlite.js';
import { describe, expect, it } from 'vitest';

describe('openSqlite', () => {
  it('prepares each SQL text once and hands back the same statement', () => {
    const db = openSqlite(':memory:');
    const first = db.prepare('SELECT 1 AS one');
    expect(db.prepare('SELECT 1 AS one')).toBe(first);
    expect(db.prepare('SELECT 2 AS two')).not.toBe(first);
    expect(first.get()).toEqual({ one: 1 });
    db.close();
  });

  it('rolls back remembered statements with the transaction they ran in', () => {
    const db = openSqlite(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const insertTwo = db.transaction(() => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      db.prepare('INSERT INTO t VALUES (2)').run();
      throw new Error('roll back');
    });
    expect(() => insertTwo()).toThrow('roll back');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });
});

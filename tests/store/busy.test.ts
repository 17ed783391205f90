import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { DatabaseBusyError, isBusyError, retryWhileBusy } from '../../src/store/busy.js';
import { ClassificationLog } from '../../src/store/classification-log.js';
import { openDatabase } from '../../src/store/database.js';
import { Store } from '../../src/store/store.js';
import { WriteHealth } from '../../src/store/write-health.js';

let dir: string;
let path: string;
let db: BetterSqlite3.Database;
let shell: BetterSqlite3.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-busy-'));
  path = join(dir, 'bot.db');
  db = openDatabase(path);
  db.exec('PRAGMA busy_timeout = 0');
  shell = new BetterSqlite3(path);
});
afterEach(() => {
  if (shell.inTransaction) shell.exec('ROLLBACK');
  shell.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = { surface: 'command' as const, teamId: 'T1', channelId: 'C1', userId: 'U1', typeId: 'angry', confidence: 0.9, textLength: 42 };
const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM classifications').get() as { n: number }).n;

describe('retryWhileBusy', () => {
  it('waits for a lock another connection holds, with the event loop free, and writes when it is gone', async () => {
    shell.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    setTimeout(() => shell.exec('ROLLBACK'), 150);
    const store = new Store(db);
    const id = await retryWhileBusy(() => store.recordClassification(record), 1000);
    clearInterval(ticker);
    expect(id).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it('gives up after its budget with DatabaseBusyError, and lets other errors through at once', async () => {
    shell.exec('BEGIN IMMEDIATE');
    const store = new Store(db);
    const started = Date.now();
    await expect(retryWhileBusy(() => store.recordClassification(record), 200)).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(Date.now() - started).toBeLessThan(600);
    await expect(retryWhileBusy(() => db.prepare('SELECT * FROM no_such_table').all())).rejects.toThrow(/no such table/);
    expect(isBusyError(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
    expect(isBusyError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe(false);
    expect(isBusyError(null)).toBe(false);
  });
});

describe('ClassificationLog and WriteHealth', () => {
  it('keeps a row the database cannot take, reports it, and writes it later with its own time', async () => {
    const health = new WriteHealth(db);
    let now = new Date('2026-03-02T10:00:00Z');
    const log = new ClassificationLog(new Store(db, () => now), health, createLogger('error', { write: () => undefined }), () => now);
    expect(log.record(record)).toBeGreaterThan(0);
    expect(health.state()).toEqual({ ok: true });

    shell.exec('BEGIN IMMEDIATE');
    expect(log.record({ ...record, typeId: 'skeptic' })).toBeUndefined();
    expect(log.pending).toBe(1);
    expect(health.state()).toEqual({ ok: false, reason: expect.stringMatching(/locked by another process/) });
    expect(log.flush()).toBe(false);

    shell.exec('ROLLBACK');
    now = new Date('2026-03-02T10:05:00Z');
    expect(log.flush()).toBe(true);
    expect(log.pending).toBe(0);
    expect(health.state()).toEqual({ ok: true });
    expect(db.prepare("SELECT created_at FROM classifications WHERE type_id = 'skeptic'").get()).toEqual({ created_at: '2026-03-02T10:00:00.000Z' });
    expect(rows()).toBe(2);
    log.close();
  });

  it('says a failing write is a problem until a write succeeds again', () => {
    const health = new WriteHealth(db);
    health.failed(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(health.state()).toEqual({ ok: false, reason: 'database writes fail: database or disk is full' });
    health.succeeded();
    expect(health.state()).toEqual({ ok: true });
  });

  it('writes waiting rows in order once the database is free, without being asked', async () => {
    const health = new WriteHealth(db);
    const log = new ClassificationLog(new Store(db), health, createLogger('error', { write: () => undefined }));
    shell.exec('BEGIN IMMEDIATE');
    for (const typeId of ['angry', 'skeptic', 'chatty']) log.record({ ...record, typeId });
    // Once one row waits, the next ones queue behind it rather than jump ahead.
    expect(log.pending).toBe(3);
    shell.exec('ROLLBACK');
    await expect.poll(() => log.pending, { timeout: 2000 }).toBe(0);
    expect(db.prepare('SELECT type_id FROM classifications ORDER BY id').all()).toEqual([{ type_id: 'angry' }, { type_id: 'skeptic' }, { type_id: 'chatty' }]);
    log.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';
import { DatabaseBusyError, isBusyError, retryWhileBusy } from '../../src/store/busy.js';
import { ClassificationLog } from '../../src/store/classification-log.js';
import { openSqliteDatabase } from '../../src/store/database.js';
import type { SqliteDatabase } from '../../src/store/sqlite-database.js';
import { Store } from '../../src/store/store.js';
import { WriteHealth } from '../../src/store/write-health.js';

let dir: string;
let path: string;
let db: SqliteDatabase;
let shell: BetterSqlite3.Database;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'customertype-busy-'));
  path = join(dir, 'bot.db');
  db = await openSqliteDatabase(path);
  shell = new BetterSqlite3(path);
});
afterEach(async () => {
  if (shell.inTransaction) shell.exec('ROLLBACK');
  shell.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = { surface: 'command' as const, teamId: 'T1', channelId: 'C1', userId: 'U1', typeId: 'angry', confidence: 0.9, textLength: 42 };
const rows = () => (db.raw.prepare('SELECT COUNT(*) AS n FROM classifications').get() as { n: number }).n;

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
    await expect(retryWhileBusy(() => db.all('SELECT * FROM no_such_table'))).rejects.toThrow(/no such table/);
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
    expect(await log.record(record)).toBeGreaterThan(0);
    expect(await health.state()).toEqual({ ok: true });

    shell.exec('BEGIN IMMEDIATE');
    expect(await log.record({ ...record, typeId: 'skeptic' })).toBeUndefined();
    expect(log.pending).toBe(1);
    expect(await health.state()).toEqual({ ok: false, reason: expect.stringMatching(/locked by another process/) });
    expect(await log.flush()).toBe(false);

    shell.exec('ROLLBACK');
    now = new Date('2026-03-02T10:05:00Z');
    expect(await log.flush()).toBe(true);
    expect(log.pending).toBe(0);
    expect(await health.state()).toEqual({ ok: true });
    expect(db.raw.prepare("SELECT created_at FROM classifications WHERE type_id = 'skeptic'").get()).toEqual({ created_at: '2026-03-02T10:00:00.000Z' });
    expect(rows()).toBe(2);
    await log.close();
  });

  it('says a failing write is a problem until a write succeeds again', async () => {
    const health = new WriteHealth(db);
    health.failed(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    expect(await health.state()).toEqual({ ok: false, reason: 'database writes fail: database or disk is full' });
    health.succeeded();
    expect(await health.state()).toEqual({ ok: true });
  });

  it('writes waiting rows in order once the database is free, without being asked', async () => {
    const health = new WriteHealth(db);
    const log = new ClassificationLog(new Store(db), health, createLogger('error', { write: () => undefined }));
    shell.exec('BEGIN IMMEDIATE');
    for (const typeId of ['angry', 'skeptic', 'chatty']) await log.record({ ...record, typeId });
    // Once one row waits, the next ones queue behind it rather than jump ahead.
    expect(log.pending).toBe(3);
    shell.exec('ROLLBACK');
    await expect.poll(() => log.pending, { timeout: 2000 }).toBe(0);
    expect(db.raw.prepare('SELECT type_id FROM classifications ORDER BY id').all()).toEqual([{ type_id: 'angry' }, { type_id: 'skeptic' }, { type_id: 'chatty' }]);
    await log.close();
  });
});

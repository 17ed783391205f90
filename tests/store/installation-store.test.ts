import { describe, expect, it } from 'vitest';
import type { Installation } from '@slack/oauth';
import { openDatabase } from '../../src/store/database.js';
import { InstallationNotFoundError, SqliteInstallationStore } from '../../src/store/installation-store.js';
import { TokenCipher } from '../../src/secrets/token-cipher.js';

const key = Buffer.alloc(32, 3).toString('base64');
const oldKey = Buffer.alloc(32, 4).toString('base64');

const workspaceInstall = (teamId: string, token = `xoxb-${teamId}-secret`, enterpriseId?: string): Installation => ({
  team: { id: teamId, name: `Team ${teamId}` },
  enterprise: enterpriseId ? { id: enterpriseId } : undefined,
  user: { token: `xoxp-${teamId}-user`, scopes: undefined, id: 'UINSTALLER' },
  bot: { token, refreshToken: `xoxe-1-${teamId}-refresh`, expiresAt: 2_000_000_000, scopes: ['commands'], id: 'B1', userId: 'UBOT1' },
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

const orgInstall = (enterpriseId: string): Installation => ({
  team: undefined,
  enterprise: { id: enterpriseId, name: 'Grid' },
  user: { token: undefined, scopes: undefined, id: 'UADMIN' },
  bot: { token: `xoxb-${enterpriseId}-org`, scopes: ['commands'], id: 'B2', userId: 'UBOT2' },
  isEnterpriseInstall: true,
  authVersion: 'v2',
});

const fresh = (cipher = new TokenCipher(key)) => {
  const db = openDatabase(':memory:');
  return { db, store: new SqliteInstallationStore(db, cipher) };
};

describe('SqliteInstallationStore', () => {
  it('keeps each workspace its own installation and finds it by team id', async () => {
    const { store } = fresh();
    await store.storeInstallation(workspaceInstall('T1'));
    await store.storeInstallation(workspaceInstall('T2'));
    expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T1-secret');
    expect((await store.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T2-secret');
    expect(store.isInstalled('T1')).toBe(true);
    expect(store.isInstalled('T3')).toBe(false);
  });

  it('stores no token in the clear: not in the row, nowhere in the database', async () => {
    const { db, store } = fresh();
    await store.storeInstallation(workspaceInstall('T1'));
    const rows = JSON.stringify(db.prepare('SELECT * FROM installations').all());
    expect(rows).not.toMatch(/xox[bpe]-/);
    expect(rows).toContain('"team_id":"T1"');
  });

  it('replaces a workspace installation on reinstall and on token rotation', async () => {
    const { db, store } = fresh();
    await store.storeInstallation(workspaceInstall('T1', 'xoxb-first'));
    await store.storeInstallation(workspaceInstall('T1', 'xoxb-second'));
    expect(db.prepare('SELECT COUNT(*) AS n FROM installations').get()).toEqual({ n: 1 });
    expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-second');
  });

  it('keys an org-wide install by enterprise id, and finds it for any workspace of the org once seen there', async () => {
    const { store } = fresh();
    await store.storeInstallation(orgInstall('E1'));
    expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-E1-org');
    await expect(store.fetchInstallation({ teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(InstallationNotFoundError);
    store.rememberOrgOf('T9', 'E1');
    expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-E1-org');
    expect(store.isInstalled('T9')).toBe(true);
  });

  it('prefers a workspace install in a Grid org over the org-wide one', async () => {
    const { store } = fresh();
    await store.storeInstallation(orgInstall('E1'));
    await store.storeInstallation(workspaceInstall('T1', 'xoxb-own', 'E1'));
    expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).bot?.token).toBe('xoxb-own');
  });

  it('deletes one installation and leaves the others', async () => {
    const { store } = fresh();
    await store.storeInstallation(workspaceInstall('T1'));
    await store.storeInstallation(workspaceInstall('T2'));
    await store.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no installation for workspace T1/);
    expect(store.isInstalled('T2')).toBe(true);
    await store.deleteInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false });
  });

  it('refuses an installation with no id to key it by', async () => {
    const { store } = fresh();
    await expect(store.storeInstallation({ ...workspaceInstall('T1'), team: undefined } as unknown as Installation)).rejects.toThrow(/without a team id/);
    await expect(store.storeInstallation({ ...orgInstall('E1'), enterprise: undefined } as unknown as Installation)).rejects.toThrow(/without an enterprise id/);
  });

  it('encrypts every installation again under a new key, reading the old one as the previous key', async () => {
    const db = openDatabase(':memory:');
    await new SqliteInstallationStore(db, new TokenCipher(oldKey)).storeInstallation(workspaceInstall('T1'));
    const before = db.prepare('SELECT installation FROM installations').get();
    const rotating = new SqliteInstallationStore(db, new TokenCipher(key, oldKey));
    expect(rotating.reencryptUnderCurrentKey()).toBe(1);
    expect(rotating.reencryptUnderCurrentKey()).toBe(0);
    expect(db.prepare('SELECT installation FROM installations').get()).not.toEqual(before);
    const afterRotation = new SqliteInstallationStore(db, new TokenCipher(key));
    expect((await afterRotation.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T1-secret');
  });

  it('says what to do when no key opens a stored installation, without the token', async () => {
    const db = openDatabase(':memory:');
    await new SqliteInstallationStore(db, new TokenCipher(oldKey)).storeInstallation(workspaceInstall('T1'));
    const error = await new SqliteInstallationStore(db, new TokenCipher(key))
      .fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })
      .then(() => undefined, (caught: unknown) => caught as Error);
    expect(error?.message).toMatch(/TOKEN_ENCRYPTION_KEY_PREVIOUS/);
    expect(error?.message).not.toMatch(/xox/);
  });
});

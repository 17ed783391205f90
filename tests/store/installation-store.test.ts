import { describe, expect, it, onTestFinished } from 'vitest';
import type { Installation } from '@slack/oauth';
import type { Engine } from '../../src/store/sql.js';
import { ENGINES, freshDatabase } from '../helpers/engines.js';
import { InstallationNotFoundError, SqlInstallationStore } from '../../src/store/installation-store.js';
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

async function freshDb(engine: Engine) {
  const db = await freshDatabase(engine);
  onTestFinished(() => db.close());
  return db;
}

const fresh = async (engine: Engine, cipher = new TokenCipher(key)) => {
  const db = await freshDb(engine);
  return { db, store: new SqlInstallationStore(db, cipher) };
};

describe.each(ENGINES)('SqlInstallationStore on %s', (engine) => {
  describe('SqlInstallationStore', () => {
    it('keeps each workspace its own installation and finds it by team id', async () => {
      const { store } = await fresh(engine);
      await store.storeInstallation(workspaceInstall('T1'));
      await store.storeInstallation(workspaceInstall('T2'));
      expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T1-secret');
      expect((await store.fetchInstallation({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T2-secret');
      expect(await store.isInstalled('T1')).toBe(true);
      expect(await store.isInstalled('T3')).toBe(false);
    });

    it('stores no token in the clear: not in the row, nowhere in the database', async () => {
      const { db, store } = await fresh(engine);
      await store.storeInstallation(workspaceInstall('T1'));
      const rows = JSON.stringify(await db.all('SELECT * FROM installations'));
      expect(rows).not.toMatch(/xox[bpe]-/);
      expect(rows).toContain('"team_id":"T1"');
    });

    it('replaces a workspace installation on reinstall and on token rotation', async () => {
      const { db, store } = await fresh(engine);
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-first'));
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-second'));
      expect(await db.get('SELECT COUNT(*) AS n FROM installations')).toEqual({ n: 1 });
      expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-second');
    });

    it('keys an org-wide install by enterprise id, and finds it for any workspace of the org once seen there', async () => {
      const { store } = await fresh(engine);
      await store.storeInstallation(orgInstall('E1'));
      expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: 'E1', isEnterpriseInstall: true })).bot?.token).toBe('xoxb-E1-org');
      await expect(store.fetchInstallation({ teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(InstallationNotFoundError);
      await store.rememberOrgOf('T9', 'E1');
      expect((await store.fetchInstallation({ teamId: 'T9', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-E1-org');
      expect(await store.isInstalled('T9')).toBe(true);
    });

    it('prefers a workspace install in a Grid org over the org-wide one', async () => {
      const { store } = await fresh(engine);
      await store.storeInstallation(orgInstall('E1'));
      await store.storeInstallation(workspaceInstall('T1', 'xoxb-own', 'E1'));
      expect((await store.fetchInstallation({ teamId: 'T1', enterpriseId: 'E1', isEnterpriseInstall: false })).bot?.token).toBe('xoxb-own');
    });

    it('deletes one installation and leaves the others', async () => {
      const { store } = await fresh(engine);
      await store.storeInstallation(workspaceInstall('T1'));
      await store.storeInstallation(workspaceInstall('T2'));
      await store.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      await expect(store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(/no installation for workspace T1/);
      expect(await store.isInstalled('T2')).toBe(true);
      await store.deleteInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false });
    });

    it('refuses an installation with no id to key it by', async () => {
      const { store } = await fresh(engine);
      await expect(store.storeInstallation({ ...workspaceInstall('T1'), team: undefined } as unknown as Installation)).rejects.toThrow(/without a team id/);
      await expect(store.storeInstallation({ ...orgInstall('E1'), enterprise: undefined } as unknown as Installation)).rejects.toThrow(/without an enterprise id/);
    });

    it('encrypts every installation again under a new key, reading the old one as the previous key', async () => {
      const db = await freshDb(engine);
      await new SqlInstallationStore(db, new TokenCipher(oldKey)).storeInstallation(workspaceInstall('T1'));
      const before = await db.get('SELECT installation FROM installations');
      const rotating = new SqlInstallationStore(db, new TokenCipher(key, oldKey));
      expect(await rotating.reencryptUnderCurrentKey()).toBe(1);
      expect(await rotating.reencryptUnderCurrentKey()).toBe(0);
      expect(await db.get('SELECT installation FROM installations')).not.toEqual(before);
      const afterRotation = new SqlInstallationStore(db, new TokenCipher(key));
      expect((await afterRotation.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-T1-secret');
    });

    it('says what to do when no key opens a stored installation, without the token', async () => {
      const db = await freshDb(engine);
      await new SqlInstallationStore(db, new TokenCipher(oldKey)).storeInstallation(workspaceInstall('T1'));
      const error = await new SqlInstallationStore(db, new TokenCipher(key))
        .fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })
        .then(() => undefined, (caught: unknown) => caught as Error);
      expect(error?.message).toMatch(/TOKEN_ENCRYPTION_KEY_PREVIOUS/);
      expect(error?.message).not.toMatch(/xox/);
    });
  });
});

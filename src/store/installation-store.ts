import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { TokenCipher } from '../secrets/token-cipher.js';
import { retryWhileBusy } from './busy.js';
import type { SqlDatabase } from './sql.js';

/** No installation for a workspace or org: never installed, uninstalled, or its tokens revoked. */
export class InstallationNotFoundError extends Error {
  override name = 'InstallationNotFoundError';
  constructor(where: string) {
    super(`no installation for ${where}`);
  }
}

const teamKey = (teamId: string) => `team:${teamId}`;
const enterpriseKey = (enterpriseId: string) => `enterprise:${enterpriseId}`;

function keyOfInstallation(installation: Installation): string {
  if (installation.isEnterpriseInstall) {
    if (!installation.enterprise?.id) throw new Error('an org-wide installation without an enterprise id');
    return enterpriseKey(installation.enterprise.id);
  }
  if (!installation.team?.id) throw new Error('a workspace installation without a team id');
  return teamKey(installation.team.id);
}

/**
 * `@slack/oauth`'s installation store in our database: one row per workspace install (by team id) or
 * org-wide install (by enterprise id), the whole installation encrypted. A workspace of an org-wide
 * install is found through the org its requests came from.
 */
export class SqlInstallationStore implements InstallationStore {
  constructor(
    private readonly db: SqlDatabase,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOfInstallation(installation);
    const sealed = this.cipher.encrypt(JSON.stringify(installation), key);
    const at = this.now().toISOString();
    await retryWhileBusy(() =>
      this.db.run(
        `INSERT INTO installations (install_key, team_id, enterprise_id, is_enterprise_install, installation, installed_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (install_key) DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at`,
        [key, installation.team?.id ?? null, installation.enterprise?.id ?? null, installation.isEnterpriseInstall ? 1 : 0, sealed, at, at],
      ),
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = await this.keyOfQuery(query);
    const row = key === undefined ? undefined : await this.db.get<{ installation: string }>('SELECT installation FROM installations WHERE install_key = ?', [key]);
    if (!row) throw new InstallationNotFoundError(describeQuery(query));
    return JSON.parse(this.cipher.decrypt(row.installation, key!)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = await this.keyOfQuery(query);
    if (key === undefined) return;
    await retryWhileBusy(() => this.db.run('DELETE FROM installations WHERE install_key = ?', [key]));
  }

  /** Whether a workspace (directly, or through its org) has an installation. */
  async isInstalled(teamId: string): Promise<boolean> {
    return (await this.keyOfQuery({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })) !== undefined;
  }

  /** Records the org a workspace's request came from, for an org-wide install. */
  async rememberOrgOf(teamId: string, enterpriseId: string): Promise<void> {
    await this.db.run(
      `INSERT INTO installation_teams (team_id, enterprise_id, seen_at) VALUES (?, ?, ?)
       ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, seen_at = excluded.seen_at`,
      [teamId, enterpriseId, this.now().toISOString()],
    );
  }

  /** The workspaces seen in an org. */
  async teamsOfOrg(enterpriseId: string): Promise<string[]> {
    return (await this.db.all<{ team_id: string }>('SELECT team_id FROM installation_teams WHERE enterprise_id = ? ORDER BY team_id', [enterpriseId])).map((row) => row.team_id);
  }

  /** The org a workspace was last seen in, if any. */
  async orgOf(teamId: string): Promise<string | undefined> {
    return (await this.db.get<{ enterprise_id: string }>('SELECT enterprise_id FROM installation_teams WHERE team_id = ?', [teamId]))?.enterprise_id;
  }

  /**
   * Encrypts again, with the current key, every installation still under the previous one (key
   * rotation, at start-up). Returns how many were.
   */
  async reencryptUnderCurrentKey(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ install_key: string; installation: string }>('SELECT install_key, installation FROM installations');
      let changed = 0;
      for (const row of rows) {
        if (!this.cipher.isUnderPreviousKey(row.installation, row.install_key)) continue;
        await tx.run('UPDATE installations SET installation = ? WHERE install_key = ?', [
          this.cipher.encrypt(this.cipher.decrypt(row.installation, row.install_key), row.install_key),
          row.install_key,
        ]);
        changed += 1;
      }
      return changed;
    });
  }

  /** The stored key of a query: the org's for an org-wide install; else the workspace's, else the org's its requests came from. */
  private async keyOfQuery(query: InstallationQuery<boolean>): Promise<string | undefined> {
    const has = async (key: string) => (await this.db.get('SELECT 1 AS found FROM installations WHERE install_key = ?', [key])) !== undefined;
    if (query.isEnterpriseInstall && query.enterpriseId) return (await has(enterpriseKey(query.enterpriseId))) ? enterpriseKey(query.enterpriseId) : undefined;
    if (query.teamId && (await has(teamKey(query.teamId)))) return teamKey(query.teamId);
    const org = query.enterpriseId ?? (query.teamId ? await this.orgOf(query.teamId) : undefined);
    return org !== undefined && (await has(enterpriseKey(org))) ? enterpriseKey(org) : undefined;
  }
}

function describeQuery(query: InstallationQuery<boolean>): string {
  if (query.isEnterpriseInstall) return `org ${query.enterpriseId ?? '(none)'}`;
  return `workspace ${query.teamId ?? '(none)'}${query.enterpriseId ? ` in org ${query.enterpriseId}` : ''}`;
}

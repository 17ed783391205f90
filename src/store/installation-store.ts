import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import type { Database } from 'better-sqlite3';
import type { TokenCipher } from '../secrets/token-cipher.js';
import { retryWhileBusy } from './busy.js';

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
 * `@slack/oauth`'s installation store on our SQLite: one row per workspace install (by team id) or
 * org-wide install (by enterprise id), the whole installation encrypted. A workspace of an org-wide
 * install is found through the org its requests came from.
 */
export class SqliteInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOfInstallation(installation);
    const sealed = this.cipher.encrypt(JSON.stringify(installation), key);
    const at = this.now().toISOString();
    await retryWhileBusy(() =>
      this.db
        .prepare(
          `INSERT INTO installations (install_key, team_id, enterprise_id, is_enterprise_install, installation, installed_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (install_key) DO UPDATE SET installation = excluded.installation, updated_at = excluded.updated_at`,
        )
        .run(key, installation.team?.id ?? null, installation.enterprise?.id ?? null, installation.isEnterpriseInstall ? 1 : 0, sealed, at, at),
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = this.keyOfQuery(query);
    const row = key === undefined ? undefined : (this.db.prepare('SELECT installation FROM installations WHERE install_key = ?').get(key) as { installation: string } | undefined);
    if (!row) throw new InstallationNotFoundError(describeQuery(query));
    return JSON.parse(this.cipher.decrypt(row.installation, key!)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = this.keyOfQuery(query);
    if (key === undefined) return;
    await retryWhileBusy(() => this.db.prepare('DELETE FROM installations WHERE install_key = ?').run(key));
  }

  /** Whether a workspace (directly, or through its org) has an installation. */
  isInstalled(teamId: string): boolean {
    return this.keyOfQuery({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) !== undefined;
  }

  /** Records the org a workspace's request came from, for an org-wide install. */
  rememberOrgOf(teamId: string, enterpriseId: string): void {
    this.db
      .prepare(
        `INSERT INTO installation_teams (team_id, enterprise_id, seen_at) VALUES (?, ?, ?)
         ON CONFLICT (team_id) DO UPDATE SET enterprise_id = excluded.enterprise_id, seen_at = excluded.seen_at`,
      )
      .run(teamId, enterpriseId, this.now().toISOString());
  }

  /** The workspaces seen in an org. */
  teamsOfOrg(enterpriseId: string): string[] {
    return (this.db.prepare('SELECT team_id FROM installation_teams WHERE enterprise_id = ? ORDER BY team_id').all(enterpriseId) as Array<{ team_id: string }>).map((row) => row.team_id);
  }

  /** The org a workspace was last seen in, if any. */
  orgOf(teamId: string): string | undefined {
    return (this.db.prepare('SELECT enterprise_id FROM installation_teams WHERE team_id = ?').get(teamId) as { enterprise_id: string } | undefined)?.enterprise_id;
  }

  /**
   * Encrypts again, with the current key, every installation still under the previous one (key
   * rotation, at start-up). Returns how many were.
   */
  reencryptUnderCurrentKey(): number {
    const rows = this.db.prepare('SELECT install_key, installation FROM installations').all() as Array<{ install_key: string; installation: string }>;
    const update = this.db.prepare('UPDATE installations SET installation = ? WHERE install_key = ?');
    let changed = 0;
    this.db.transaction(() => {
      for (const row of rows) {
        if (!this.cipher.isUnderPreviousKey(row.installation, row.install_key)) continue;
        update.run(this.cipher.encrypt(this.cipher.decrypt(row.installation, row.install_key), row.install_key), row.install_key);
        changed += 1;
      }
    })();
    return changed;
  }

  /** The stored key of a query: the org's for an org-wide install; else the workspace's, else the org's its requests came from. */
  private keyOfQuery(query: InstallationQuery<boolean>): string | undefined {
    const has = (key: string) => this.db.prepare('SELECT 1 FROM installations WHERE install_key = ?').get(key) !== undefined;
    if (query.isEnterpriseInstall && query.enterpriseId) return has(enterpriseKey(query.enterpriseId)) ? enterpriseKey(query.enterpriseId) : undefined;
    if (query.teamId && has(teamKey(query.teamId))) return teamKey(query.teamId);
    const org = query.enterpriseId ?? (query.teamId ? this.orgOf(query.teamId) : undefined);
    return org !== undefined && has(enterpriseKey(org)) ? enterpriseKey(org) : undefined;
  }
}

function describeQuery(query: InstallationQuery<boolean>): string {
  if (query.isEnterpriseInstall) return `org ${query.enterpriseId ?? '(none)'}`;
  return `workspace ${query.teamId ?? '(none)'}${query.enterpriseId ? ` in org ${query.enterpriseId}` : ''}`;
}

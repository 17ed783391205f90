-- Workspaces and Enterprise Grid orgs that installed the app through Slack OAuth (none with a
-- single SLACK_BOT_TOKEN). `installation` is the whole installation Slack handed over, tokens
-- included, encrypted (AES-256-GCM, bound to install_key): only the ids needed to find it are clear.
-- install_key is 'team:<team id>' for a workspace install, 'enterprise:<enterprise id>' for an org-wide one.
CREATE TABLE installations (
  install_key TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install INTEGER NOT NULL CHECK (is_enterprise_install IN (0, 1)),
  installation TEXT NOT NULL,
  installed_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The org a workspace of an org-wide install belongs to, as Slack's requests from it say, so the
-- scheduler (which knows only the workspace) finds the org's token.
CREATE TABLE installation_teams (
  team_id TEXT PRIMARY KEY,
  enterprise_id TEXT NOT NULL,
  seen_at TEXT NOT NULL
);

-- Workspaces that uninstalled the app (or whose tokens were revoked): their data is deleted once
-- delete_after has passed, or at once when a lead confirms it. Installing again cancels it.
CREATE TABLE workspace_deletions (
  team_id TEXT PRIMARY KEY,
  uninstalled_at TEXT NOT NULL,
  delete_after TEXT NOT NULL
);

-- The weekly digest, opt-in per workspace: to a channel (the team's figures) or to each lead by DM.
-- enabled_at: only weeks whose digest falls due after it are sent, so turning it on mid-week never
-- sends last week's at once.
CREATE TABLE weekly_digest_settings (
  team_id TEXT PRIMARY KEY,
  target TEXT NOT NULL CHECK (target IN ('channel', 'dm', 'off')),
  channel_id TEXT,
  enabled_at TEXT NOT NULL,
  updated_by TEXT
);

-- One digest per workspace and week (weeks start on Monday), claimed before it is sent, so that a
-- restart or a second instance on the same database never sends it twice.
CREATE TABLE weekly_digests (
  team_id TEXT NOT NULL,
  week_start TEXT NOT NULL,              -- YYYY-MM-DD, a Monday
  claimed_at TEXT NOT NULL,
  sent_at TEXT,
  PRIMARY KEY (team_id, week_start)
);

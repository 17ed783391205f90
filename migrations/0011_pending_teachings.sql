-- Several instances behind a load balancer (PostgreSQL): the agent's tick on "Teach customertype
-- with this message" may reach another instance than the one that answered. There, a classified
-- message's redacted text waits here for the 15 minutes in which the agent may tick, then is
-- deleted. A single SQLite process keeps it in memory instead and leaves this table empty.
CREATE TABLE pending_teachings (
  teach_key TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  text TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX pending_teachings_by_expiry ON pending_teachings (expires_at);

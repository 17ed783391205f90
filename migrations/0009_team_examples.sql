-- Messages an agent taught the classifier through "Not right?" (the tick), per workspace. The text
-- is kept redacted (no e-mail, phone, card, IBAN, address or token) until a lead removes it or the
-- workspace switches teaching off; it is never shown in a quiz.
CREATE TABLE team_examples (
  id INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL,
  type_id TEXT NOT NULL,
  text TEXT NOT NULL,
  taught_by TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  created_at TEXT NOT NULL
);
CREATE INDEX team_examples_by_team ON team_examples (team_id, type_id, created_at);

-- A workspace that switched teaching off (no row: on).
CREATE TABLE team_teaching (
  team_id TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_at TEXT NOT NULL
);

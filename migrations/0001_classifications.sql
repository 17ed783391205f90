-- One row per classification shown to an agent. The customer's text is never stored:
-- only its length, so that team stats can be computed without keeping personal data.
CREATE TABLE classifications (
  id INTEGER PRIMARY KEY,
  surface TEXT NOT NULL CHECK (surface IN ('command', 'shortcut', 'message')),
  team_id TEXT,
  channel_id TEXT,
  user_id TEXT,
  type_id TEXT,            -- NULL when the classifier abstained
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  text_length INTEGER NOT NULL CHECK (text_length >= 0),
  created_at TEXT NOT NULL
);
CREATE INDEX classifications_team_time ON classifications (team_id, created_at);

-- An agent's "Not right?" answer: what the bot said and what the agent says it should have said.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  classification_id INTEGER REFERENCES classifications (id) ON DELETE SET NULL,
  team_id TEXT,
  user_id TEXT NOT NULL,
  predicted_type TEXT,
  corrected_type TEXT NOT NULL,
  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  created_at TEXT NOT NULL
);
CREATE INDEX corrections_team_time ON corrections (team_id, created_at);

-- The language an agent chose with `/customertype language zh|en` (no row: follow their Slack
-- language, then the workspace's DEFAULT_LANGUAGE).
CREATE TABLE agent_languages (
  user_id TEXT PRIMARY KEY,
  language TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  updated_at TEXT NOT NULL
);

-- The language a channel's quiz questions are asked in; NULL (schedules from before) follows DEFAULT_LANGUAGE.
ALTER TABLE quiz_schedules ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'zh'));

-- Daily quiz: where and when it runs, each quiz posted, and each agent's answer.

CREATE TABLE quiz_schedules (
  channel_id TEXT PRIMARY KEY,
  team_id TEXT,
  post_time TEXT NOT NULL CHECK (post_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  time_zone TEXT NOT NULL,
  days TEXT NOT NULL,                    -- cron day-of-week field: 1-5, *, 1,3,5
  close_time TEXT CHECK (close_time IS NULL OR close_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  updated_by TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE quizzes (
  id INTEGER PRIMARY KEY,
  team_id TEXT,
  channel_id TEXT NOT NULL,
  local_date TEXT NOT NULL,              -- YYYY-MM-DD in the channel's time zone
  kind TEXT NOT NULL CHECK (kind IN ('which-type', 'what-to-do')),
  type_id TEXT NOT NULL,                 -- the right answer
  question_key TEXT NOT NULL,            -- which playbook material was asked, to avoid repeats
  question TEXT NOT NULL,                -- JSON: prompt, options, answer, why, key action
  practice_user_id TEXT,                 -- practice questions sent by DM: never on a leaderboard
  message_ts TEXT,
  status TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'revealed')),
  created_at TEXT NOT NULL,
  posted_at TEXT,
  revealed_at TEXT
);
-- Claiming this row before posting is what stops a restart or a second instance posting twice.
CREATE UNIQUE INDEX quizzes_one_per_channel_day ON quizzes (channel_id, local_date) WHERE practice_user_id IS NULL;
CREATE INDEX quizzes_channel_status ON quizzes (channel_id, status);

CREATE TABLE quiz_answers (
  id INTEGER PRIMARY KEY,
  quiz_id INTEGER NOT NULL REFERENCES quizzes (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL,
  choice INTEGER NOT NULL,
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  answered_at TEXT NOT NULL,
  ms_to_answer INTEGER NOT NULL CHECK (ms_to_answer >= 0),
  UNIQUE (quiz_id, user_id)              -- an agent's first click is the one that counts
);
CREATE INDEX quiz_answers_user ON quiz_answers (user_id);

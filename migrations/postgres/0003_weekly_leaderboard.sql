-- The weekly leaderboard post, one per channel and week (weeks start on Monday), claimed before posting.
CREATE TABLE weekly_leaderboards (
  channel_id TEXT NOT NULL,
  week_start TEXT NOT NULL,              -- YYYY-MM-DD, a Monday
  posted_at TEXT NOT NULL,
  PRIMARY KEY (channel_id, week_start)
);

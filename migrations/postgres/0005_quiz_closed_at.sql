-- When a quiz stopped taking answers. It closes before its answer is shown in Slack: a click
-- while Slack is being updated is told the quiz is closed, and a reveal that fails is retried
-- without the quiz ever opening again.
ALTER TABLE quizzes ADD COLUMN closed_at TEXT;
UPDATE quizzes SET closed_at = revealed_at WHERE status = 'revealed';

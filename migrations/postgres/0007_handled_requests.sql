-- Slack delivers an event again when it thinks the first delivery failed (x-slack-retry-num), and a
-- signed request can be replayed within its five minutes: each is handled once, by its id, across
-- restarts and across instances on one database. Rows are pruned after a day.
CREATE TABLE handled_requests (
  request_key TEXT PRIMARY KEY,
  handled_at TEXT NOT NULL
);

CREATE INDEX handled_requests_by_time ON handled_requests (handled_at);

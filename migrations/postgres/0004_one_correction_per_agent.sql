-- An agent who changes their mind about a classification replaces their correction: the latest
-- choice is theirs, and a report counts each agent once per answer.
-- (PostgreSQL twin of ../0004_one_correction_per_agent.sql. The subquery never yields NULL, since
-- MAX(id) of a non-empty group is an id, so NOT IN keeps its plain meaning here too.)
DELETE FROM corrections
WHERE classification_id IS NOT NULL
  AND id NOT IN (SELECT MAX(id) FROM corrections WHERE classification_id IS NOT NULL GROUP BY classification_id, user_id);
CREATE UNIQUE INDEX corrections_one_per_agent ON corrections (classification_id, user_id) WHERE classification_id IS NOT NULL;

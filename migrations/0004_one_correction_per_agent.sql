-- An agent who changes their mind about a classification replaces their correction: the latest
-- choice is theirs, and a report counts each agent once per answer.
DELETE FROM corrections
WHERE classification_id IS NOT NULL
  AND id NOT IN (SELECT MAX(id) FROM corrections WHERE classification_id IS NOT NULL GROUP BY classification_id, user_id);
CREATE UNIQUE INDEX corrections_one_per_agent ON corrections (classification_id, user_id) WHERE classification_id IS NOT NULL;

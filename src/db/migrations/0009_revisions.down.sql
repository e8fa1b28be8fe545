-- Reverts 0009_revisions.
DROP TABLE IF EXISTS plan_review;
ALTER TABLE plan_revision DROP COLUMN IF EXISTS target_reasons;
ALTER TABLE plan_revision DROP COLUMN IF EXISTS kind;

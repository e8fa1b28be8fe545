-- What each data version changed, for the two writes people make all day — recording a figure
-- and updating an action — so a cached snapshot can be brought up to date by re-reading only
-- what changed (the figures of the indicators concerned, the action rows) when nothing else
-- changed since it was built. Written by the same statement trigger that bumps the data
-- version, in the writer's transaction, so the log and the version never disagree. Other
-- tables bump the version without a log row: a reader seeing a version it cannot account for
-- rebuilds. Only the last 1,000 versions of a workspace are kept.

CREATE TABLE data_change (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  version bigint NOT NULL,
  -- 'figure' (subject: the indicator whose figures changed) or 'action' (subject: the action).
  kind text NOT NULL CHECK (kind IN ('figure', 'action')),
  subject_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, version, kind, subject_id)
);

-- Each branch names only the columns of its own table: PL/pgSQL plans a statement when it first
-- runs, separately for each table the trigger is on.
CREATE OR REPLACE FUNCTION strata_bump_data_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_TABLE_NAME = 'measurement' THEN
    WITH bumped AS (
      UPDATE workspace SET data_version = data_version + 1
       WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows)
       RETURNING id, data_version
    )
    INSERT INTO data_change (workspace_id, version, kind, subject_id)
    SELECT DISTINCT b.id, b.data_version, 'figure', c.indicator_id
      FROM bumped b JOIN changed_rows c ON c.workspace_id = b.id;
  ELSIF TG_TABLE_NAME = 'action' THEN
    WITH bumped AS (
      UPDATE workspace SET data_version = data_version + 1
       WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows)
       RETURNING id, data_version
    )
    INSERT INTO data_change (workspace_id, version, kind, subject_id)
    SELECT DISTINCT b.id, b.data_version, 'action', c.id
      FROM bumped b JOIN changed_rows c ON c.workspace_id = b.id;
  ELSE
    UPDATE workspace SET data_version = data_version + 1
     WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows);
    RETURN NULL;
  END IF;
  DELETE FROM data_change d
   USING workspace w
   WHERE w.id IN (SELECT DISTINCT workspace_id FROM changed_rows)
     AND d.workspace_id = w.id AND d.version <= w.data_version - 1000;
  RETURN NULL;
END
$$;

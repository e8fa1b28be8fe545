-- Which indicators' figures each data version changed, so a cached snapshot can be brought up to
-- date by re-reading only those indicators' figures when nothing but figures changed since it was
-- built (the common write: a school records a value). Written by the same statement trigger that
-- bumps the data version, in the writer's transaction, so the log and the version never disagree.
-- Only the last 1,000 versions of a workspace are kept: an older cache is simply rebuilt.

CREATE TABLE figure_change (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  version bigint NOT NULL,
  indicator_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, version, indicator_id)
);

CREATE OR REPLACE FUNCTION strata_bump_data_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_TABLE_NAME = 'measurement' THEN
    WITH bumped AS (
      UPDATE workspace SET data_version = data_version + 1
       WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows)
       RETURNING id, data_version
    ), logged AS (
      INSERT INTO figure_change (workspace_id, version, indicator_id)
      SELECT DISTINCT b.id, b.data_version, c.indicator_id
        FROM bumped b JOIN changed_rows c ON c.workspace_id = b.id
      RETURNING workspace_id, version
    )
    DELETE FROM figure_change f
     USING (SELECT DISTINCT workspace_id, version FROM logged) l
     WHERE f.workspace_id = l.workspace_id AND f.version <= l.version - 1000;
  ELSE
    UPDATE workspace SET data_version = data_version + 1
     WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows);
  END IF;
  RETURN NULL;
END
$$;

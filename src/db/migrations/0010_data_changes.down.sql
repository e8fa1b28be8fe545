-- Reverts 0010_data_changes: the data-version trigger function of 0003, without the log.
CREATE OR REPLACE FUNCTION strata_bump_data_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE workspace SET data_version = data_version + 1
   WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows);
  RETURN NULL;
END
$$;
DROP TABLE IF EXISTS data_change;

-- A data version per workspace, bumped by every statement that changes what the dashboards read,
-- so a cache can tell in one primary-key lookup whether anything changed. Statement-level
-- triggers with transition tables bump it once per statement, not once per row, so a bulk
-- import costs one update.

ALTER TABLE workspace ADD COLUMN data_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION strata_bump_data_version() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  UPDATE workspace SET data_version = data_version + 1
   WHERE id IN (SELECT DISTINCT workspace_id FROM changed_rows);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['unit', 'plan', 'element', 'alignment', 'facet', 'facet_value',
    'indicator', 'indicator_unit', 'element_indicator', 'target_point', 'measurement', 'action',
    'action_unit', 'action_element', 'milestone', 'element_facet', 'indicator_facet', 'action_facet']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION strata_bump_data_version()', t || '_version_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION strata_bump_data_version()', t || '_version_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION strata_bump_data_version()', t || '_version_del', t);
  END LOOP;
END
$$;

-- Deleting a figure checks the figures that supersede it: index that reference.
CREATE INDEX measurement_supersedes_idx ON measurement (workspace_id, supersedes_id)
  WHERE supersedes_id IS NOT NULL;

-- The current figures of a workspace are read in this order (DISTINCT ON); cover the columns.
CREATE INDEX measurement_current_idx
  ON measurement (workspace_id, indicator_id, unit_id, period, recorded_at DESC, id DESC)
  INCLUDE (value, provenance, source, validated);

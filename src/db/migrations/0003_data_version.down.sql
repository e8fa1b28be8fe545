-- Reverts 0003_data_version.
DROP INDEX IF EXISTS measurement_current_idx;
DROP INDEX IF EXISTS measurement_supersedes_idx;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['unit', 'plan', 'element', 'alignment', 'facet', 'facet_value',
    'indicator', 'indicator_unit', 'element_indicator', 'target_point', 'measurement', 'action',
    'action_unit', 'action_element', 'milestone', 'element_facet', 'indicator_facet', 'action_facet']
  LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_ins', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_upd', t);
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_version_del', t);
  END LOOP;
END
$$;
DROP FUNCTION IF EXISTS strata_bump_data_version();
ALTER TABLE workspace DROP COLUMN IF EXISTS data_version;

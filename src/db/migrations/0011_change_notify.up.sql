-- Announces committed changes that processes cache reads of, on the channel 'strata_change'
-- (see src/db/change-watch.ts): the data version (which every write the evaluation reads
-- bumps), sessions ended, accounts changed and grants. PostgreSQL delivers a notification to
-- listening connections when the writer's transaction commits, and drops it when nobody
-- listens. The payload is the table's name; listeners treat any notification alike.

CREATE FUNCTION strata_notify_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM pg_notify('strata_change', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER workspace_notify_change AFTER UPDATE OF data_version ON workspace
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

CREATE TRIGGER auth_session_notify_change AFTER UPDATE OF revoked_at OR DELETE ON auth_session
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

CREATE TRIGGER app_user_notify_change AFTER UPDATE OR DELETE ON app_user
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

CREATE TRIGGER user_unit_notify_change AFTER INSERT OR UPDATE OR DELETE ON user_unit
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

CREATE TRIGGER element_assignee_notify_change AFTER INSERT OR UPDATE OR DELETE ON element_assignee
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

CREATE TRIGGER indicator_assignee_notify_change
  AFTER INSERT OR UPDATE OR DELETE ON indicator_assignee
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

CREATE TRIGGER action_assignee_notify_change AFTER INSERT OR UPDATE OR DELETE ON action_assignee
  FOR EACH STATEMENT EXECUTE FUNCTION strata_notify_change();

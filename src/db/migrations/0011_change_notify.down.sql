-- Reverts 0011_change_notify.
DROP TRIGGER IF EXISTS action_assignee_notify_change ON action_assignee;
DROP TRIGGER IF EXISTS indicator_assignee_notify_change ON indicator_assignee;
DROP TRIGGER IF EXISTS element_assignee_notify_change ON element_assignee;
DROP TRIGGER IF EXISTS user_unit_notify_change ON user_unit;
DROP TRIGGER IF EXISTS app_user_notify_change ON app_user;
DROP TRIGGER IF EXISTS auth_session_notify_change ON auth_session;
DROP TRIGGER IF EXISTS workspace_notify_change ON workspace;
DROP FUNCTION IF EXISTS strata_notify_change();

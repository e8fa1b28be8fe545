-- Reverts 0002_people.
DROP TABLE IF EXISTS audit_event, login_failure, one_time_link, api_token, auth_session,
  action_assignee, indicator_assignee, element_assignee, user_unit, app_user;
DROP FUNCTION IF EXISTS strata_audit_immutable();

-- People and permissions: accounts, the units and items they are given, sessions, API tokens,
-- invitations, password resets, a one-time setup link, login failures, and the audit trail.
-- Secrets (session ids, tokens, links) are stored only as SHA-256 hashes.

CREATE TABLE app_user (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  display_name text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('admin', 'strategy_office', 'unit_editor', 'contributor', 'governance')),
  password_hash text,
  locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  disabled_at timestamptz,
  last_login_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, email)
);

CREATE TABLE user_unit (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, user_id, unit_id),
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE element_assignee (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  element_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, element_id, user_id),
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);
CREATE TABLE indicator_assignee (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, indicator_id, user_id),
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);
CREATE TABLE action_assignee (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, action_id, user_id),
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE auth_session (
  id_hash text PRIMARY KEY,
  workspace_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text NOT NULL DEFAULT '',
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX auth_session_user_idx ON auth_session (workspace_id, user_id);

CREATE TABLE api_token (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scope text NOT NULL CHECK (scope IN ('read', 'write')),
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);

-- One-time links: invitations, password resets, the first administrator's setup link.
CREATE TABLE one_time_link (
  token_hash text PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('invitation', 'password_reset', 'setup')),
  email text NOT NULL DEFAULT '',
  role text,
  unit_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  user_id uuid,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_by text NOT NULL DEFAULT 'system',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Failed logins, for the rate limit shared by every app process.
CREATE TABLE login_failure (
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failure_key_idx ON login_failure (key, at);

-- The audit trail: every write, with actor, unit, entity, before and after, time and request id.
CREATE TABLE audit_event (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_user_id uuid,
  actor_label text NOT NULL,
  unit_id uuid,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX audit_event_entity_idx ON audit_event (workspace_id, entity_type, entity_id, id DESC);

-- Audit rows cannot be changed or deleted, by any role. Removing a whole workspace (demo reset)
-- must say so explicitly in its transaction: SET LOCAL strata.audit_purge = 'on'.
CREATE FUNCTION strata_audit_immutable() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('strata.audit_purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_event rows cannot be updated or deleted' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_immutable
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION strata_audit_immutable();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION strata_audit_immutable();

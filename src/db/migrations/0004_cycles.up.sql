-- Reporting cycles and check-ins: a cycle covers a period with an opening and a due date; its
-- scope is a list of items (an element or an action, for a unit) with their assignees. Each
-- item carries one check-in thread whose states are appended, never changed (draft, submitted,
-- returned, validated, and superseding entries after the cycle closed), so any past state can
-- be read back exactly. Mail: an outbox with retries, per-user preferences, and job runs keyed
-- by (job, slot) so that a scheduled job runs once even with several app processes.

CREATE TABLE reporting_cycle (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  period text NOT NULL,
  opens_on date NOT NULL,
  due_on date NOT NULL CHECK (due_on >= opens_on),
  -- Days relative to the due date when reminders go out (negative: before).
  reminder_offsets jsonb NOT NULL DEFAULT '[-7, -1, 3]'::jsonb,
  escalate_after_days integer NOT NULL DEFAULT 7 CHECK (escalate_after_days >= 0),
  weekly_digest boolean NOT NULL DEFAULT true,
  closed_at timestamptz,
  closed_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code)
);

-- One item of a cycle's scope: an element or an action, reported for one unit.
CREATE TABLE cycle_item (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  cycle_id uuid NOT NULL,
  element_id uuid,
  action_id uuid,
  unit_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  CHECK ((element_id IS NULL) <> (action_id IS NULL)),
  FOREIGN KEY (workspace_id, cycle_id) REFERENCES reporting_cycle (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id)
);
CREATE UNIQUE INDEX cycle_item_element_uq ON cycle_item (workspace_id, cycle_id, element_id, unit_id)
  WHERE element_id IS NOT NULL;
CREATE UNIQUE INDEX cycle_item_action_uq ON cycle_item (workspace_id, cycle_id, action_id, unit_id)
  WHERE action_id IS NOT NULL;
CREATE INDEX cycle_item_element_idx ON cycle_item (workspace_id, element_id) WHERE element_id IS NOT NULL;
CREATE INDEX cycle_item_action_idx ON cycle_item (workspace_id, action_id) WHERE action_id IS NOT NULL;

CREATE TABLE cycle_item_assignee (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  item_id uuid NOT NULL,
  user_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, item_id, user_id),
  FOREIGN KEY (workspace_id, item_id) REFERENCES cycle_item (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX cycle_item_assignee_user_idx ON cycle_item_assignee (workspace_id, user_id);

-- The check-in of an item, one row per state: the current state is the highest seq.
CREATE TABLE check_in_entry (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'validated')),
  status text CHECK (status IN ('on_track', 'at_risk', 'off_track')),
  summary text NOT NULL DEFAULT '',
  risks text NOT NULL DEFAULT '',
  next_steps text NOT NULL DEFAULT '',
  explanation text NOT NULL DEFAULT '',
  evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
  comment text NOT NULL DEFAULT '',
  -- Set on an entry recorded after the cycle closed: why the closed record changes.
  supersede_reason text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL DEFAULT 'system',
  recorded_by_user_id uuid,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, item_id, seq),
  FOREIGN KEY (workspace_id, item_id) REFERENCES cycle_item (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX check_in_entry_time_idx ON check_in_entry (workspace_id, item_id, recorded_at DESC, seq DESC);

-- Entries are never changed: a correction is a new entry.
CREATE FUNCTION strata_check_in_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'check_in_entry rows cannot be updated' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER check_in_entry_append_only
  BEFORE UPDATE ON check_in_entry
  FOR EACH ROW EXECUTE FUNCTION strata_check_in_append_only();

-- Reported statuses are part of what dashboards read.
CREATE TRIGGER check_in_entry_version_ins AFTER INSERT ON check_in_entry
  REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION strata_bump_data_version();

CREATE TABLE mail_preference (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  digest_opt_out boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id),
  FOREIGN KEY (workspace_id, user_id) REFERENCES app_user (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE mail_outbox (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at timestamptz,
  last_error text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, id)
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- One row per run of a scheduled job: the key makes a job run once per slot across processes.
CREATE TABLE job_run (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  job text NOT NULL,
  slot text NOT NULL,
  ran_at timestamptz NOT NULL,
  detail text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, job, slot)
);

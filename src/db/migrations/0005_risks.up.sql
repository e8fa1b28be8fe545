-- The risk register: risks of a unit (the group or a school), linked to plan elements and
-- actions, with an append-only history of reviews. A risk's likelihood and impact are those of
-- its latest review (the first review is the assessment given when the risk is created), so
-- the register can be rebuilt as of any date.

CREATE TABLE risk (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  code text NOT NULL,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  description_fr text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  category text NOT NULL DEFAULT 'strategic' CHECK (category IN ('strategic', 'operational',
    'financial', 'compliance', 'reputation', 'people', 'technology', 'other')),
  owner text NOT NULL DEFAULT '',
  mitigation_fr text NOT NULL DEFAULT '',
  mitigation_en text NOT NULL DEFAULT '',
  review_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mitigated', 'closed')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code),
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id)
);

CREATE TABLE risk_element (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  risk_id uuid NOT NULL,
  element_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, risk_id, element_id),
  FOREIGN KEY (workspace_id, risk_id) REFERENCES risk (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX risk_element_element_idx ON risk_element (workspace_id, element_id);

CREATE TABLE risk_action (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  risk_id uuid NOT NULL,
  action_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, risk_id, action_id),
  FOREIGN KEY (workspace_id, risk_id) REFERENCES risk (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX risk_action_action_idx ON risk_action (workspace_id, action_id);

-- Reviews are appended, never updated: the history of a risk's assessment.
-- check_in_id names the check-in (a reporting cycle's item, migration 0004) a review was made
-- in; deleting the cycle keeps the review and forgets the check-in.
CREATE TABLE risk_review (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  risk_id uuid NOT NULL,
  reviewed_on date NOT NULL,
  likelihood integer NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
  note text NOT NULL DEFAULT '',
  reviewer text NOT NULL DEFAULT '',
  check_in_id uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, risk_id) REFERENCES risk (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, check_in_id) REFERENCES cycle_item (workspace_id, id)
    ON DELETE SET NULL (check_in_id)
);
CREATE INDEX risk_review_risk_idx ON risk_review (workspace_id, risk_id, recorded_at);

-- Overdue reviews reach the dashboard's attention list: keep its data version honest.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['risk', 'risk_element', 'risk_action', 'risk_review']
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

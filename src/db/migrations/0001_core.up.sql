-- Strata core schema: workspaces, units, plans, elements, facets, indicators, targets,
-- measurements, actions. Every table carries workspace_id and its primary key starts with it,
-- so every foreign key stays inside one workspace and the tables can be distributed by
-- workspace (Citus) without change.

CREATE TABLE workspace (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE,
  name_fr text NOT NULL,
  name_en text NOT NULL,
  mission_fr text NOT NULL DEFAULT '',
  mission_en text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE unit (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id uuid,
  code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('group', 'school', 'subsidiary', 'department', 'campus', 'partner_school')),
  name_fr text NOT NULL,
  name_en text NOT NULL,
  short_name text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  region text NOT NULL DEFAULT '',
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code),
  FOREIGN KEY (workspace_id, parent_id) REFERENCES unit (workspace_id, id)
);

CREATE TABLE plan (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  code text NOT NULL,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  start_year integer NOT NULL,
  end_year integer NOT NULL CHECK (end_year >= start_year),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted', 'archived')),
  adopted_on date,
  aligns_to_plan_id uuid,
  -- [{ "key": "family", "fr": "Famille", "en": "Family" }, ...], from the root down
  levels jsonb NOT NULL DEFAULT '[]'::jsonb,
  rollup_on_track numeric NOT NULL DEFAULT 0.9,
  rollup_at_risk numeric NOT NULL DEFAULT 0.6,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code),
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id),
  FOREIGN KEY (workspace_id, aligns_to_plan_id) REFERENCES plan (workspace_id, id)
);

-- An adopted revision keeps the whole plan as it stood (plan-file form), so revisions can be diffed.
CREATE TABLE plan_revision (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  number integer NOT NULL,
  label text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  adopted_on date,
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT 'system',
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, plan_id, number),
  FOREIGN KEY (workspace_id, plan_id) REFERENCES plan (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE element (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  parent_id uuid,
  level text NOT NULL,
  code text NOT NULL,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  description_fr text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  owner_unit_id uuid,
  lead text NOT NULL DEFAULT '',
  weight numeric NOT NULL DEFAULT 1 CHECK (weight >= 0),
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, plan_id, code),
  FOREIGN KEY (workspace_id, plan_id) REFERENCES plan (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, parent_id) REFERENCES element (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_unit_id) REFERENCES unit (workspace_id, id)
);
CREATE INDEX element_parent_idx ON element (workspace_id, parent_id);

-- A school element serves a group element.
CREATE TABLE alignment (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  element_id uuid NOT NULL,
  target_element_id uuid NOT NULL,
  note_fr text NOT NULL DEFAULT '',
  note_en text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, element_id, target_element_id),
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, target_element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX alignment_target_idx ON alignment (workspace_id, target_element_id);

CREATE TABLE facet (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name_fr text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code)
);

CREATE TABLE facet_value (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  facet_id uuid NOT NULL,
  code text NOT NULL,
  name_fr text NOT NULL,
  name_en text NOT NULL,
  description_fr text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, facet_id, code),
  FOREIGN KEY (workspace_id, facet_id) REFERENCES facet (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE indicator (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  name_fr text NOT NULL,
  name_en text NOT NULL,
  definition_fr text NOT NULL DEFAULT '',
  definition_en text NOT NULL DEFAULT '',
  unit_label text NOT NULL DEFAULT 'count',
  decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
  direction text NOT NULL CHECK (direction IN ('increase', 'decrease', 'range')),
  range_min numeric,
  range_max numeric,
  frequency text NOT NULL CHECK (frequency IN ('year', 'academic_year', 'semester', 'quarter', 'month')),
  aggregation text NOT NULL DEFAULT 'sum'
    CHECK (aggregation IN ('sum', 'mean', 'weighted_mean', 'ratio_of_sums', 'min', 'max', 'none')),
  weight_indicator_id uuid,
  numerator_indicator_id uuid,
  denominator_indicator_id uuid,
  ratio_scale numeric NOT NULL DEFAULT 1,
  source text NOT NULL DEFAULT '',
  owner_unit_id uuid,
  owner text NOT NULL DEFAULT '',
  threshold_on_track numeric NOT NULL DEFAULT 0.95,
  threshold_at_risk numeric NOT NULL DEFAULT 0.8,
  grace_days integer NOT NULL DEFAULT 90 CHECK (grace_days >= 0),
  is_public boolean NOT NULL DEFAULT true,
  is_headline boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code),
  CHECK (direction <> 'range' OR (range_min IS NOT NULL AND range_max IS NOT NULL AND range_min <= range_max)),
  CHECK (threshold_at_risk <= threshold_on_track),
  FOREIGN KEY (workspace_id, weight_indicator_id) REFERENCES indicator (workspace_id, id),
  FOREIGN KEY (workspace_id, numerator_indicator_id) REFERENCES indicator (workspace_id, id),
  FOREIGN KEY (workspace_id, denominator_indicator_id) REFERENCES indicator (workspace_id, id),
  FOREIGN KEY (workspace_id, owner_unit_id) REFERENCES unit (workspace_id, id)
);

-- The units expected to report an indicator (coverage is counted against them).
CREATE TABLE indicator_unit (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, indicator_id, unit_id),
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id)
);

-- Which elements an indicator measures, with its weight in the element's roll-up.
CREATE TABLE element_indicator (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  element_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  weight numeric NOT NULL DEFAULT 1 CHECK (weight >= 0),
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, element_id, indicator_id),
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX element_indicator_indicator_idx ON element_indicator (workspace_id, indicator_id);

-- Baseline, milestones and target: dated points, for one unit or for the whole group
-- (unit_id null). Append-only like measurements: a change inserts a new row with a reason.
CREATE TABLE target_point (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL,
  unit_id uuid,
  kind text NOT NULL CHECK (kind IN ('baseline', 'milestone', 'target')),
  period text NOT NULL,
  period_end_month integer NOT NULL,
  value numeric,
  provenance text NOT NULL DEFAULT 'official' CHECK (provenance IN ('official', 'estimated', 'illustrative')),
  source text NOT NULL DEFAULT '',
  reason text NOT NULL DEFAULT '',
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL DEFAULT 'system',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id)
);
CREATE INDEX target_point_lookup_idx ON target_point (workspace_id, indicator_id, unit_id, kind, period, recorded_at DESC);

-- Measurements are append-only: a correction is a new row that supersedes the previous one for
-- the same indicator, unit and period; value null withdraws a figure. The current figure as of T
-- is the latest row recorded at or before T.
CREATE TABLE measurement (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  period text NOT NULL,
  period_start date NOT NULL,
  period_end_month integer NOT NULL,
  value numeric,
  provenance text NOT NULL CHECK (provenance IN ('official', 'estimated', 'illustrative')),
  source text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  validated boolean NOT NULL DEFAULT false,
  supersedes_id uuid,
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  recorded_by text NOT NULL DEFAULT 'system',
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id),
  FOREIGN KEY (workspace_id, supersedes_id) REFERENCES measurement (workspace_id, id)
);
CREATE INDEX measurement_series_idx
  ON measurement (workspace_id, indicator_id, unit_id, period_end_month, recorded_at DESC);

CREATE TABLE action (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  description_fr text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  lead_unit_id uuid NOT NULL,
  owner text NOT NULL DEFAULT '',
  start_date date,
  due_date date,
  state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'in_progress', 'done', 'cancelled')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  budget numeric CHECK (budget >= 0),
  weight numeric NOT NULL DEFAULT 1 CHECK (weight >= 0),
  provenance text NOT NULL DEFAULT 'official' CHECK (provenance IN ('official', 'estimated', 'illustrative')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code),
  CHECK (start_date IS NULL OR due_date IS NULL OR start_date <= due_date),
  FOREIGN KEY (workspace_id, lead_unit_id) REFERENCES unit (workspace_id, id)
);

CREATE TABLE action_unit (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, action_id, unit_id),
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id)
);

CREATE TABLE action_element (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  element_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, action_id, element_id),
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX action_element_element_idx ON action_element (workspace_id, element_id);

CREATE TABLE milestone (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  due_date date NOT NULL,
  done_on date,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE
);

-- Facet tags on elements, indicators and actions (one table each keeps real foreign keys).
CREATE TABLE element_facet (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  element_id uuid NOT NULL,
  facet_value_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, element_id, facet_value_id),
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, facet_value_id) REFERENCES facet_value (workspace_id, id) ON DELETE CASCADE
);
CREATE TABLE indicator_facet (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  facet_value_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, indicator_id, facet_value_id),
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, facet_value_id) REFERENCES facet_value (workspace_id, id) ON DELETE CASCADE
);
CREATE TABLE action_facet (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  facet_value_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, action_id, facet_value_id),
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, facet_value_id) REFERENCES facet_value (workspace_id, id) ON DELETE CASCADE
);

-- Full-text search over elements, indicators, actions and units in both languages.
-- Accents are folded on both sides so that "energie" finds "Énergie".
CREATE FUNCTION strata_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(lower(t), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa') $$;

CREATE FUNCTION strata_search_vector(fr text, en text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT to_tsvector('french'::regconfig, strata_fold(fr)) || to_tsvector('english'::regconfig, strata_fold(en))
             || to_tsvector('simple'::regconfig, strata_fold(fr || ' ' || en)) $$;

ALTER TABLE element ADD COLUMN search tsvector GENERATED ALWAYS AS
  (strata_search_vector(code || ' ' || title_fr || ' ' || description_fr, code || ' ' || title_en || ' ' || description_en)) STORED;
ALTER TABLE indicator ADD COLUMN search tsvector GENERATED ALWAYS AS
  (strata_search_vector(code || ' ' || name_fr || ' ' || definition_fr, code || ' ' || name_en || ' ' || definition_en)) STORED;
ALTER TABLE action ADD COLUMN search tsvector GENERATED ALWAYS AS
  (strata_search_vector(code || ' ' || title_fr || ' ' || description_fr, code || ' ' || title_en || ' ' || description_en)) STORED;
ALTER TABLE unit ADD COLUMN search tsvector GENERATED ALWAYS AS
  (strata_search_vector(code || ' ' || name_fr || ' ' || short_name || ' ' || city || ' ' || region, code || ' ' || name_en || ' ' || short_name || ' ' || city || ' ' || region)) STORED;
CREATE INDEX element_search_idx ON element USING gin (search);
CREATE INDEX indicator_search_idx ON indicator USING gin (search);
CREATE INDEX action_search_idx ON action USING gin (search);
CREATE INDEX unit_search_idx ON unit USING gin (search);

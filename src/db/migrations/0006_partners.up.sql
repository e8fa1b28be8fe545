-- Partner registry (partners, agreements, contacts) and funding lines. Amounts are integers of
-- euro cents (bigint), never floating point. Contacts hold personal data: they are never indexed
-- for search, the audit trail refers to them by id only, and erasing one blanks its personal
-- fields in place (erased_at records when).

CREATE TABLE partner (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  -- Lower-case name without accents, punctuation or legal form: what duplicates are matched on.
  name_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('company', 'local_authority', 'academic', 'public_body', 'association', 'european_network')),
  country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  region text NOT NULL DEFAULT '',
  city text NOT NULL DEFAULT '',
  siren text CHECK (siren IS NULL OR siren ~ '^[0-9]{9}$'),
  website text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  provenance text NOT NULL DEFAULT 'official' CHECK (provenance IN ('official', 'estimated', 'illustrative')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  CHECK (siren IS NULL OR country = 'FR')
);
CREATE UNIQUE INDEX partner_siren_idx ON partner (workspace_id, siren) WHERE siren IS NOT NULL;
CREATE INDEX partner_name_key_idx ON partner (workspace_id, country, name_key);

CREATE TABLE agreement (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('framework', 'research_chair', 'joint_lab', 'apprenticeship', 'eu_project', 'other')),
  title_fr text NOT NULL,
  title_en text NOT NULL,
  description_fr text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  start_date date,
  end_date date,
  amount_cents bigint CHECK (amount_cents >= 0),
  scale text NOT NULL CHECK (scale IN ('regional', 'national', 'european', 'international')),
  provenance text NOT NULL DEFAULT 'official' CHECK (provenance IN ('official', 'estimated', 'illustrative')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  CHECK (start_date IS NULL OR end_date IS NULL OR start_date <= end_date),
  FOREIGN KEY (workspace_id, partner_id) REFERENCES partner (workspace_id, id)
);
CREATE INDEX agreement_partner_idx ON agreement (workspace_id, partner_id);

CREATE TABLE agreement_unit (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  agreement_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, agreement_id, unit_id),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreement (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id)
);

CREATE TABLE agreement_element (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  agreement_id uuid NOT NULL,
  element_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, agreement_id, element_id),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreement (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX agreement_element_idx ON agreement_element (workspace_id, element_id);

CREATE TABLE agreement_action (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  agreement_id uuid NOT NULL,
  action_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, agreement_id, action_id),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreement (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE agreement_indicator (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  agreement_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, agreement_id, indicator_id),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreement (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE contact (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL,
  full_name text NOT NULL DEFAULT '',
  email text,
  phone text NOT NULL DEFAULT '',
  job_title text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  purpose text NOT NULL,
  legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'contract', 'legal_obligation', 'public_task', 'legitimate_interest')),
  erased_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, partner_id) REFERENCES partner (workspace_id, id),
  -- An erased contact keeps no personal field.
  CHECK (erased_at IS NULL OR (full_name = '' AND email IS NULL AND phone = '' AND job_title = '' AND note = ''))
);
CREATE INDEX contact_partner_idx ON contact (workspace_id, partner_id);

CREATE TABLE funding_line (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title_fr text NOT NULL,
  title_en text NOT NULL,
  programme text NOT NULL CHECK (programme IN ('france_2030', 'anr', 'horizon_europe', 'erasmus_plus', 'erdf', 'regional_council', 'company_sponsorship', 'other')),
  funder text NOT NULL,
  funder_partner_id uuid,
  -- The school that receives the money; null: the group.
  unit_id uuid,
  agreement_id uuid,
  -- Share of the cost the funder covers, in percent.
  cofinancing_rate numeric CHECK (cofinancing_rate BETWEEN 0 AND 100),
  provenance text NOT NULL DEFAULT 'official' CHECK (provenance IN ('official', 'estimated', 'illustrative')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, funder_partner_id) REFERENCES partner (workspace_id, id),
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id),
  FOREIGN KEY (workspace_id, agreement_id) REFERENCES agreement (workspace_id, id)
);

CREATE TABLE funding_amount (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  funding_line_id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  planned_cents bigint NOT NULL DEFAULT 0 CHECK (planned_cents >= 0),
  committed_cents bigint NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
  spent_cents bigint NOT NULL DEFAULT 0 CHECK (spent_cents >= 0),
  PRIMARY KEY (workspace_id, funding_line_id, year),
  FOREIGN KEY (workspace_id, funding_line_id) REFERENCES funding_line (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE funding_action (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  funding_line_id uuid NOT NULL,
  action_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, funding_line_id, action_id),
  FOREIGN KEY (workspace_id, funding_line_id) REFERENCES funding_line (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX funding_action_action_idx ON funding_action (workspace_id, action_id);

-- Stakeholder consultations: questionnaires owned by a unit, their questions, respondent links,
-- responses and answers, and the links from results to plan elements and from actions to the
-- consultations they cite. Respondent tokens are stored only as SHA-256 hashes. One answer per
-- token is enforced by the primary key of consultation_token_use; an anonymous consultation's
-- responses carry no token reference at all (the use row says only "this token has answered").

CREATE TABLE consultation (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  code text NOT NULL,
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  previous_id uuid,
  title_fr text NOT NULL,
  title_en text NOT NULL,
  description_fr text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  audience text NOT NULL CHECK (audience IN ('students', 'alumni', 'staff', 'companies',
    'local_authorities', 'governance_bodies')),
  access text NOT NULL CHECK (access IN ('token', 'shared')),
  anonymous boolean NOT NULL DEFAULT true,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  opens_at timestamptz,
  closes_at timestamptz,
  shared_token_hash text UNIQUE,
  published_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, code, revision),
  CHECK (opens_at IS NULL OR closes_at IS NULL OR opens_at < closes_at),
  CHECK (access = 'shared' OR shared_token_hash IS NULL),
  FOREIGN KEY (workspace_id, unit_id) REFERENCES unit (workspace_id, id),
  FOREIGN KEY (workspace_id, previous_id) REFERENCES consultation (workspace_id, id)
);
CREATE INDEX consultation_unit_idx ON consultation (workspace_id, unit_id);

CREATE TABLE consultation_question (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN ('rating', 'single', 'multiple', 'text')),
  prompt_fr text NOT NULL,
  prompt_en text NOT NULL,
  required boolean NOT NULL DEFAULT false,
  scale_min integer CHECK (scale_min IN (0, 1)),
  scale_max integer CHECK (scale_max IN (5, 10)),
  options jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, consultation_id, id),
  UNIQUE (workspace_id, consultation_id, position),
  CHECK ((kind = 'rating') = (scale_min IS NOT NULL AND scale_max IS NOT NULL)),
  FOREIGN KEY (workspace_id, consultation_id) REFERENCES consultation (workspace_id, id)
    ON DELETE CASCADE
);

CREATE TABLE consultation_token (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, consultation_id, id),
  FOREIGN KEY (workspace_id, consultation_id) REFERENCES consultation (workspace_id, id)
    ON DELETE CASCADE
);

-- One row per token that has answered: its primary key is the one-answer-per-token guarantee.
-- No time and no response reference, so an anonymous answer cannot be traced back to its token.
CREATE TABLE consultation_token_use (
  workspace_id uuid NOT NULL,
  token_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, token_id),
  FOREIGN KEY (workspace_id, token_id) REFERENCES consultation_token (workspace_id, id)
    ON DELETE CASCADE
);

CREATE TABLE consultation_response (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  -- Only for identified consultations answered through a respondent token; null otherwise.
  token_id uuid,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, id),
  UNIQUE (workspace_id, consultation_id, id),
  UNIQUE (workspace_id, token_id),
  FOREIGN KEY (workspace_id, consultation_id) REFERENCES consultation (workspace_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, consultation_id, token_id)
    REFERENCES consultation_token (workspace_id, consultation_id, id) ON DELETE CASCADE
);
CREATE INDEX consultation_response_idx ON consultation_response (workspace_id, consultation_id);

CREATE TABLE consultation_answer (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  consultation_id uuid NOT NULL,
  response_id uuid NOT NULL,
  question_id uuid NOT NULL,
  rating integer,
  choices jsonb,
  text_value text,
  PRIMARY KEY (workspace_id, response_id, question_id),
  CHECK (num_nonnulls(rating, choices, text_value) = 1),
  FOREIGN KEY (workspace_id, consultation_id, response_id)
    REFERENCES consultation_response (workspace_id, consultation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, consultation_id, question_id)
    REFERENCES consultation_question (workspace_id, consultation_id, id) ON DELETE CASCADE
);
CREATE INDEX consultation_answer_question_idx
  ON consultation_answer (workspace_id, consultation_id, question_id);

-- A result (the whole consultation, or one question of it) serving a plan element.
CREATE TABLE consultation_element (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  consultation_id uuid NOT NULL,
  question_id uuid,
  element_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, consultation_id) REFERENCES consultation (workspace_id, id)
    ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, consultation_id, question_id)
    REFERENCES consultation_question (workspace_id, consultation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX consultation_element_unique ON consultation_element
  (workspace_id, consultation_id, element_id, coalesce(question_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX consultation_element_element_idx ON consultation_element (workspace_id, element_id);

-- An action citing the consultation it came from.
CREATE TABLE action_consultation (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  action_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  PRIMARY KEY (workspace_id, action_id, consultation_id),
  FOREIGN KEY (workspace_id, action_id) REFERENCES action (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, consultation_id) REFERENCES consultation (workspace_id, id)
    ON DELETE CASCADE
);
CREATE INDEX action_consultation_consultation_idx
  ON action_consultation (workspace_id, consultation_id);

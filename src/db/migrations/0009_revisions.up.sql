-- Plan revisions: what kind of revision each is, the reason given for each changed target, and
-- mid-term reviews (a review starts from the current revision and ends when the next is adopted).

ALTER TABLE plan_revision
  ADD COLUMN kind text NOT NULL DEFAULT 'revision' CHECK (kind IN ('initial', 'revision', 'mid_term')),
  ADD COLUMN target_reasons jsonb NOT NULL DEFAULT '{}'::jsonb;

CREATE TABLE plan_review (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  base_revision_id uuid NOT NULL,
  label text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  started_by text NOT NULL,
  revision_id uuid,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, plan_id) REFERENCES plan (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, base_revision_id) REFERENCES plan_revision (workspace_id, id) ON DELETE CASCADE,
  FOREIGN KEY (workspace_id, revision_id) REFERENCES plan_revision (workspace_id, id) ON DELETE CASCADE
);

-- At most one open review per plan.
CREATE UNIQUE INDEX plan_review_open_idx ON plan_review (workspace_id, plan_id) WHERE revision_id IS NULL;

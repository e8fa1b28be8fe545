-- Open data: what the strategy office publishes. A row means "published"; deleting it
-- withdraws the publication. Confidential indicators are refused by the service and filtered
-- out of every public read, even if a row remained after the indicator became confidential.
CREATE TABLE published_element (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  element_id uuid NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, element_id),
  FOREIGN KEY (workspace_id, element_id) REFERENCES element (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE published_indicator (
  workspace_id uuid NOT NULL REFERENCES workspace (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  published_by text NOT NULL DEFAULT '',
  PRIMARY KEY (workspace_id, indicator_id),
  FOREIGN KEY (workspace_id, indicator_id) REFERENCES indicator (workspace_id, id) ON DELETE CASCADE
);

-- A restore (pg_restore) computes generated search columns with an empty search_path: the
-- search function must find strata_fold by the path it was created with.
ALTER FUNCTION strata_search_vector(text, text) SET search_path FROM CURRENT;

-- Reverts 0004_cycles.
DROP TABLE IF EXISTS job_run, mail_outbox, mail_preference, check_in_entry, cycle_item_assignee,
  cycle_item, reporting_cycle;
DROP FUNCTION IF EXISTS strata_check_in_append_only();

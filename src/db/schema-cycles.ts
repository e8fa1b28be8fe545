/** Kysely table types of reporting cycles, check-ins, mail and job runs (migration 0004). */
import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Version = ColumnType<number, number | undefined, number>;
type Json<T> = ColumnType<T, string, string>;

/** A link to evidence attached to a check-in. */
export interface EvidenceLink {
  label: string;
  url: string;
}

export interface ReportingCycleTable {
  workspace_id: string;
  id: Generated<string>;
  code: string;
  title_fr: string;
  title_en: string;
  period: string;
  opens_on: string;
  due_on: string;
  reminder_offsets: Json<number[]>;
  escalate_after_days: Generated<number>;
  weekly_digest: Generated<boolean>;
  closed_at: Date | null;
  closed_by: string | null;
  version: Version;
  created_at: Created;
  updated_at: Updated;
}

export interface CycleItemTable {
  workspace_id: string;
  id: Generated<string>;
  cycle_id: string;
  element_id: string | null;
  action_id: string | null;
  unit_id: string;
  created_at: Created;
}

export interface CycleItemAssigneeTable {
  workspace_id: string;
  item_id: string;
  user_id: string;
}

export interface CheckInEntryTable {
  workspace_id: string;
  id: Generated<string>;
  item_id: string;
  seq: number;
  state: string;
  status: string | null;
  summary: Generated<string>;
  risks: Generated<string>;
  next_steps: Generated<string>;
  explanation: Generated<string>;
  evidence: Json<EvidenceLink[]>;
  comment: Generated<string>;
  supersede_reason: string | null;
  recorded_at: ColumnType<Date, Date | string, never>;
  recorded_by: string;
  recorded_by_user_id: string | null;
}

export interface MailPreferenceTable {
  workspace_id: string;
  user_id: string;
  digest_opt_out: boolean;
  updated_at: Updated;
}

export interface MailOutboxTable {
  workspace_id: string;
  id: Generated<string>;
  kind: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: ColumnType<Date, Date | string, never>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string, Date | string>;
  sent_at: Date | null;
  last_error: Generated<string>;
}

export interface JobRunTable {
  workspace_id: string;
  job: string;
  slot: string;
  ran_at: ColumnType<Date, Date | string, never>;
  detail: Generated<string>;
}

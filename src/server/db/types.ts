import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The Kysely view of the schema, written by hand next to the migrations that create it.
 * Dates (`date` columns) come back as ISO strings: see the type parser in client.ts.
 */
export interface DB {
  calendar_year: CalendarYearTable;
  admin_unit_dataset: AdminUnitDatasetTable;
  admin_unit: AdminUnitTable;
  admin_unit_succession: AdminUnitSuccessionTable;
  agency: AgencyTable;
  app_user: AppUserTable;
  mfa_recovery_code: MfaRecoveryCodeTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  break_glass_grant: BreakGlassGrantTable;
  person: PersonTable;
  person_event: PersonEventTable;
  person_note: PersonNoteTable;
  person_name_token: PersonNameTokenTable;
  person_import: PersonImportTable;
  person_attachment: PersonAttachmentTable;
  app_setting: AppSettingTable;
  rule_override: RuleOverrideTable;
  person_transfer: PersonTransferTable;
  person_merge: PersonMergeTable;
  person_merge_row: PersonMergeRowTable;
  job: JobTable;
  notification: NotificationTable;
  facility: FacilityTable;
  procedure: ProcedureTable;
  procedure_step: ProcedureStepTable;
  procedure_deadline: ProcedureDeadlineTable;
  procedure_facility_link: ProcedureFacilityLinkTable;
  plan: PlanTable;
  plan_objective: PlanObjectiveTable;
  plan_task: PlanTaskTable;
  plan_report: PlanReportTable;
  plan_document: PlanDocumentTable;
}

export interface AdminUnitDatasetTable {
  id: string;
  title_vi: string;
  title_en: string;
  valid_from: string | null;
  valid_to: string | null;
  levels: string[];
  source: string;
  license: string;
  loaded_at: ColumnType<Date, never, never>;
}

export interface AdminUnitTable {
  id: Generated<string>;
  dataset_id: string;
  code: string;
  level: 'province' | 'district' | 'commune';
  kind: string;
  name: string;
  full_name: string;
  name_en: string | null;
  parent_code: string | null;
  path: string;
  /** Folded short name ("ba dinh"), for exact and fuzzy matching. */
  name_key: string;
  /** Folded words of the full name and alternative names, each after a space. */
  search_key: string;
  valid_from: string | null;
  valid_to: string | null;
  alt_codes: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
}

export interface AdminUnitSuccessionTable {
  id: Generated<string>;
  predecessor_id: string;
  successor_id: string;
  kind: 'full' | 'partial';
  effective_date: string;
  legal_basis: string;
}

export interface AgencyTable {
  code: string;
  kind: string;
  level: string;
  parent_code: string | null;
  name_vi: string;
  name_en: string;
  short_name: string | null;
  description: string | null;
  sort_order: number;
  valid_from: string | null;
  valid_to: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date>;
}

export type AdminUnitRow = Selectable<AdminUnitTable>;
export type NewAdminUnit = Insertable<AdminUnitTable>;
export type AgencyRow = Selectable<AgencyTable>;

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  unit_id: string;
  unit_path: string;
  agency_code: string;
  roles: string[];
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Date | null;
  totp_secret_sealed: string | null;
  totp_pending_sealed: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: string | null;
  failed_login_count: Generated<number>;
  failed_login_since: Date | null;
  locked_until: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  created_by: string | null;
  /** Where notifications are e-mailed when SMTP is configured (migration 0016); null: in-app only. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Facility staff: the facility whose linked records they see (migration 0014). */
  facility_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MfaRecoveryCodeTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface UserSessionTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  stage: 'setup' | 'mfa' | 'active';
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  step_up_at: Date | null;
  revoked_at: Date | null;
  revoked_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventTable {
  /** bigint: comes back as a string. */
  seq: string;
  id: string;
  occurred_at: ColumnType<Date, string, never>;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_roles: string[];
  actor_unit_path: string | null;
  actor_agency: string | null;
  action: string;
  record_kind: string | null;
  record_id: string | null;
  purpose: string | null;
  request_id: string | null;
  ip: string | null;
  outcome: string;
  details: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: string;
  hash: string;
}

export interface BreakGlassGrantTable {
  id: Generated<string>;
  user_id: string;
  user_unit_path: string;
  record_kind: string;
  record_id: string;
  reason: string;
  granted_at: Date;
  expires_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_note: string | null;
}

export interface PersonTable {
  id: string;
  version: Generated<number>;
  data_key: string;
  personal_id_enc: string | null;
  personal_id_idx: string | null;
  old_id_enc: string | null;
  old_id_idx: string | null;
  full_name: string;
  name_key: string;
  search_key: string;
  sort_key: string;
  aliases: string[];
  birth_date: string | null;
  birth_year: number;
  sex: 'male' | 'female';
  nationality: string;
  ethnicity: string | null;
  permanent_unit_id: string | null;
  permanent_address_enc: string | null;
  temporary_unit_id: string | null;
  temporary_address_enc: string | null;
  current_unit_id: string;
  current_address_enc: string | null;
  unit_path: string;
  /** First code of unit_path: the province, for index-driven lists under row-level security. */
  province_code: string;
  has_stable_residence: boolean;
  occupation: string | null;
  phone_enc: string | null;
  family_contacts_enc: string | null;
  classification: Generated<string>;
  file_opened_at: Date;
  file_opened_by: string | null;
  merged_into: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  created_by: string | null;
  updated_by: string | null;
}

export interface PersonEventTable {
  id: Generated<string>;
  person_id: string;
  at: Date;
  kind: string;
  actor_user_id: string | null;
  actor_username: string | null;
  summary: string;
}

export interface PersonNoteTable {
  id: string;
  person_id: string;
  at: Date;
  author_user_id: string | null;
  author_username: string | null;
  body_enc: string;
}

/** Written by a trigger on `person` only (migration 0007): one row per folded name word. */
export interface PersonNameTokenTable {
  person_id: string;
  province_code: string;
  unit_path: string;
  born: Date;
  birth_year: number;
  classification: string;
  sort_key: string;
  token: string;
}

/** Settings stored as data, with their legal basis (migration 0009); keys come from migrations. */
export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  citation: string;
  confirmed: boolean;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** An administrator's value for an unconfirmed legal rule of one rule set (migration 0012). */
export interface RuleOverrideTable {
  rule_set_id: string;
  rule_key: string;
  value: ColumnType<unknown, string, string>;
  citation: string;
  version: Generated<number>;
  updated_at: Date;
  updated_by: string | null;
}

/** A move of a person's file between communes (migration 0009). Reason, address and note are sealed with the person's key. */
export interface PersonTransferTable {
  id: string;
  person_id: string;
  from_unit_id: string;
  from_unit_path: string;
  from_province_code: string;
  to_unit_id: string;
  to_unit_path: string;
  to_province_code: string;
  to_address_enc: string | null;
  reason_enc: string;
  requested_at: Date;
  requested_by: string | null;
  requested_by_username: string | null;
  deadline_days: number;
  /** ISO date (Việt Nam calendar). */
  due_date: string;
  status: 'pending' | 'accepted' | 'rejected' | 'cancelled';
  decided_at: Date | null;
  decided_by: string | null;
  decided_by_username: string | null;
  note_enc: string | null;
}

/** One merge of a duplicate file into a kept one (migration 0010). */
export interface PersonMergeTable {
  id: string;
  kept_person_id: string;
  duplicate_person_id: string;
  reason_enc: string;
  merged_at: Date;
  merged_by: string | null;
  merged_by_username: string | null;
  undone_at: Date | null;
  undone_by: string | null;
  undone_by_username: string | null;
  undo_reason_enc: string | null;
}

/** A row a merge moved: undo moves exactly these back. */
export interface PersonMergeRowTable {
  merge_id: string;
  table_name: string;
  row_id: string;
}

export interface PersonAttachmentTable {
  id: string;
  person_id: string;
  kind: 'photo' | 'document';
  file_name_enc: string;
  media_type: string;
  size_bytes: number;
  content_enc: Buffer;
  uploaded_at: Date;
  uploaded_by: string | null;
  uploaded_by_username: string | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}

/** One bulk import of persons (migration 0008): progress and report, never the file's values. */
export interface PersonImportTable {
  id: string;
  owner_user_id: string;
  file_type: 'csv' | 'xlsx';
  dry_run: boolean;
  confirm_duplicates: boolean;
  status: 'validating' | 'committing' | 'done' | 'failed';
  total_rows: number;
  processed_rows: Generated<number>;
  valid_rows: Generated<number>;
  error_rows: Generated<number>;
  warning_rows: Generated<number>;
  created_rows: Generated<number>;
  /** `StoredRowIssue[]` (person-imports.validate.ts): row, column key, message in both languages, candidate ids. */
  row_errors: ColumnType<unknown, string | undefined, string>;
  row_warnings: ColumnType<unknown, string | undefined, string>;
  failure_code: string | null;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export interface CalendarYearTable {
  year: number;
  /** A `CalendarYearDeclaration` (src/shared/contracts/calendar.ts). */
  declaration: unknown;
  document: string;
  version: Generated<number>;
  updated_at: Date;
  updated_by: string | null;
}

/** Migration 0014. */
export interface FacilityTable {
  id: string;
  code: string;
  name: string;
  type: 'public_rehab' | 'private_rehab' | 'reform_school' | 'ost_clinic' | 'determination' | 'social_reception';
  agency_code: string;
  province_code: string;
  capacity: number | null;
  min_age: Generated<number>;
  max_age: number | null;
  licence: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Date;
  updated_at: Date;
  updated_by: string | null;
}

/** Migration 0015: a legal procedure of a person (its state machine's state). */
export interface ProcedureTable {
  id: string;
  person_id: string;
  kind: string;
  record_kind: 'procedure' | 'health_record';
  state: string;
  facility_id: string | null;
  opened_on: string;
  last_on: string;
  rule_set_id: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  parent_id: string | null;
  version: Generated<number>;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
}

export interface ProcedureStepTable {
  id: string;
  procedure_id: string;
  person_id: string;
  seq: number;
  action: string;
  from_state: string;
  to_state: string;
  decided_on: string;
  decision_no: string | null;
  decider: string | null;
  unit_name: string | null;
  rule_set_id: string;
  data_enc: string;
  unconfirmed_rules: string[];
  attachment_ids: string[];
  by_system: boolean;
  recorded_at: Date;
  recorded_by: string | null;
  recorded_by_username: string | null;
}

export interface ProcedureDeadlineTable {
  id: string;
  procedure_id: string;
  person_id: string;
  timer: string;
  rule_key: string | null;
  rule_set_id: string;
  confirmed: boolean;
  term: boolean;
  starts_on: string;
  due_on: string | null;
  status: 'open' | 'met' | 'cancelled';
  closed_on: string | null;
  overdue_marked_at: Date | null;
  created_at: Date;
}

export interface ProcedureFacilityLinkTable {
  id: string;
  procedure_id: string;
  person_id: string;
  facility_id: string;
}

/** Background work (migration 0016): one row per `(kind, run_key)`; system scope only. */
export interface JobTable {
  id: Generated<string>;
  kind: string;
  run_key: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  status: ColumnType<'queued' | 'running' | 'done' | 'failed', 'queued' | undefined, 'queued' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  not_before: Date;
  claimed_at: Date | null;
  claimed_by: string | null;
  finished_at: Date | null;
  /** An error code and message, never personal data. */
  last_error: string | null;
  created_at: Date;
}

export type MailState = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** What a user is told (migration 0016): no personal data in title or body; the link carries the id. */
export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  link: string | null;
  dedupe_key: string;
  created_at: Date;
  read_at: Date | null;
  /**
   * The e-mail outbox: pending until the scheduler sends it (`sending` while it does), or skipped
   * (no SMTP server, no address, too old).
   */
  mail_state: ColumnType<MailState, MailState | undefined, MailState>;
  mail_attempts: Generated<number>;
  /** When the e-mail last changed state (claimed for sending, sent, failed). */
  mail_state_at: Date | null;
}

/** Plans and their parts (migration 0017, issue #6). Dates are ISO strings; numerics come back as strings. */
export interface PlanTable {
  id: string;
  province_code: string;
  owner_unit_path: string;
  owner_agency_code: string;
  number: string | null;
  issued_on: string | null;
  issuer: string | null;
  signer: string | null;
  title: string;
  type: 'annual' | 'action_month' | 'thematic' | 'multi_year' | 'other';
  status: Generated<'draft' | 'issued' | 'closed'>;
  period_from: string;
  period_to: string;
  theme: string | null;
  refs: string[];
  funding: string | null;
  following_agency_code: string;
  milestones: ColumnType<{ on: string; label: string }[], string, string>;
  deadlines: ColumnType<{ what: string; to: string | null; by: string }[], string, string>;
  parent_task_id: string | null;
  source_text: string | null;
  version: Generated<number>;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
}

export interface PlanObjectiveTable {
  id: string;
  plan_id: string;
  position: number;
  text: string;
  target_value: ColumnType<string | null, number | null, number | null>;
  unit: 'percent' | 'count' | null;
  comparison: 'gte' | 'lte' | 'eq' | null;
  indicator_code: string | null;
  achieved_value: ColumnType<string | null, number | null, number | null>;
  achieved_on: string | null;
  achieved_by: string | null;
  version: Generated<number>;
}

export interface PlanTaskTable {
  id: string;
  plan_id: string;
  position: number;
  assignee_name: string;
  agency_code: string;
  unit_path: string;
  co_leads: string[];
  content: string;
  due_on: string | null;
  report_deadlines: ColumnType<string[], string, string>;
  status: Generated<'not_started' | 'in_progress' | 'done'>;
  version: Generated<number>;
  updated_at: Date;
}

export interface PlanReportTable {
  id: string;
  task_id: string;
  plan_id: string;
  agency_code: string;
  unit_path: string;
  period_from: string;
  period_to: string;
  deadline: string | null;
  narrative: string;
  figures: ColumnType<{ label: string; value: number; unit: string | null }[], string, string>;
  status: Generated<'submitted' | 'accepted' | 'returned'>;
  review_comment: string | null;
  submitted_at: Date;
  submitted_by: string;
  submitted_by_name: string;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  version: Generated<number>;
}

export interface PlanDocumentTable {
  id: string;
  plan_id: string;
  report_id: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  created_at: Date;
  created_by: string | null;
}

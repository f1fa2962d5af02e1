import type { Migration } from 'kysely';
import * as m0001 from './0001_create_text_search_extensions';
import * as m0002 from './0002_create_admin_unit';
import * as m0003 from './0003_load_admin_units_2025';
import * as m0004 from './0004_create_agency';
import * as m0005 from './0005_create_accounts_and_audit';
import * as m0006 from './0006_create_person_registry';
import * as m0007 from './0007_create_person_name_token';
import * as m0008 from './0008_create_person_import';
import * as m0009 from './0009_create_person_transfer';
import * as m0010 from './0010_create_person_merge';
import * as m0011 from './0011_create_person_attachment';
import * as m0012 from './0012_create_rule_override';
import * as m0013 from './0013_create_calendar_year';
import * as m0014 from './0014_create_facility';
import * as m0015 from './0015_create_procedure';
import * as m0016 from './0016_create_job_and_notification';
import * as m0017 from './0017_create_plan';

/**
 * Every migration, in order. Imported statically rather than discovered on disk: the loader
 * that discovers files (Kysely's FileMigrationProvider) uses Node's own `import()`, which cannot
 * load TypeScript under the test runner. A test checks that every file here is registered.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_create_text_search_extensions': m0001,
  '0002_create_admin_unit': m0002,
  '0003_load_admin_units_2025': m0003,
  '0004_create_agency': m0004,
  '0005_create_accounts_and_audit': m0005,
  '0006_create_person_registry': m0006,
  '0007_create_person_name_token': m0007,
  '0008_create_person_import': m0008,
  '0009_create_person_transfer': m0009,
  '0010_create_person_merge': m0010,
  '0011_create_person_attachment': m0011,
  '0012_create_rule_override': m0012,
  '0013_create_calendar_year': m0013,
  '0014_create_facility': m0014,
  '0015_create_procedure': m0015,
  '0016_create_job_and_notification': m0016,
  '0017_create_plan': m0017,
};

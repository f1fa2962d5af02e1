import type { Locale } from '@shared/locale';
import type { AgencyKindName, AgencyLevelName, Role } from '@shared/permissions';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { DB } from '../db/types';
import type { Envelope } from './envelope';
import type { Secrets } from './secrets';

/** Long-lived dependencies, built once by the composition root (main.ts, the CLI or a test). */
export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  dbMode: 'embedded' | 'server';
  /** Injected so that tests can fix "today". */
  clock: () => Date;
  secrets: Secrets;
  /** Encryption of sensitive fields (per-record data keys under the keyring). */
  envelope: Envelope;
  /**
   * Test-only switch: `database-only` turns the services' permission and scope checks off, to show
   * that row-level security alone still blocks cross-scope reads (docs/ACCESS.md). Never set in
   * production; main.ts always uses the default.
   */
  enforcement?: 'service-and-database' | 'database-only';
}

/** The logged-in user (or API token's user) a request acts for, as loaded for this request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: string;
  unitPath: string;
  agencyCode: string;
  agencyKind: AgencyKindName;
  agencyLevel: AgencyLevelName;
  /** Facility staff: the facility whose patients and records they see (null for everyone else). */
  facilityId: string | null;
  via: 'session' | 'token';
  sessionId: string | null;
  /** When the second factor was last entered in this session (for exports). */
  stepUpAt: Date | null;
}

/** What a service call knows about the request it serves. */
export interface ServiceContext {
  db: Kysely<DB>;
  clock: () => Date;
  locale: Locale;
  actor?: Actor | null;
  requestId?: string | null;
  ip?: string | null;
  secrets?: Secrets;
  envelope?: Envelope;
  enforcement?: AppDeps['enforcement'];
}

import type { Locale } from '@shared/locale';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { DB } from '../db/types';

/** Long-lived dependencies, built once by the composition root (main.ts, the CLI or a test). */
export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  dbMode: 'embedded' | 'server';
  /** Injected so that tests can fix "today". */
  clock: () => Date;
}

/** What a service call knows about the request it serves. Later issues add the actor. */
export interface ServiceContext {
  db: Kysely<DB>;
  clock: () => Date;
  locale: Locale;
}

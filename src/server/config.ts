import path from 'node:path';
import { LOCALES } from '@shared/locale';
import { z } from 'zod';

/**
 * All configuration, read from the environment in this one place and validated once at start.
 * Nothing else reads `process.env` (tests/support reads only its own TEST_* variables).
 * A bad value stops start-up with one line naming every bad variable.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** `localhost` listens on both 127.0.0.1 and ::1; use 0.0.0.0 to serve the network. */
  HOST: z.string().min(1).default('localhost'),
  /** Embedded mode keeps its PGlite database (and lock file) here. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Set to use a PostgreSQL 15+ server instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Server mode: the table owner's URL, used only to migrate (the app then connects as pcmt_app). */
  DATABASE_MIGRATION_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * 32 random bytes, base64: the key that seals TOTP secrets and derives CSRF tokens. Without it,
   * PCMT keeps one in DATA_DIR/secret.key (created on first start, mode 600). Several server
   * instances must share it.
   */
  SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Upper bound for one SQL statement in server mode (SECURITY-RELIABILITY.md R8). */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /**
   * The keyring of key-encryption keys for personal data (JSON, mode 600; rotate with
   * `npm run pcmt -- keys rotate`). Default DATA_DIR/keyring.json. Keep it outside database backups.
   */
  KEYRING_FILE: z.string().min(1).optional(),
  /** The province this installation serves; the first administrator account is placed there. */
  PROVINCE_CODE: z
    .string()
    .regex(/^\d{2}$/, 'must be a 2-digit province code, e.g. 12 for Lai Châu')
    .default('01'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(LOCALES).default('vi'),
  /** Trust X-Forwarded-* from a reverse proxy (only when one is in front). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  /** Largest person-registry import file (xlsx or CSV) accepted by `POST /api/person-imports`. */
  IMPORT_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /**
   * How often the server's scheduler enqueues the daily jobs and runs due jobs (deadline reminders,
   * notification e-mails). 0 turns it off (run `npm run pcmt -- jobs run` from cron instead).
   */
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /** SMTP server for notification e-mails (`smtp://user:pass@host:587`, `smtps://…:465`); none: no e-mail. */
  PCMT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of notification e-mails, e.g. `PCMT <pcmt@congan.example.vn>`; required with PCMT_SMTP_URL. */
  PCMT_MAIL_FROM: z.string().min(3).max(200).optional(),
  /** The address users open PCMT at (`https://pcmt.example.vn`), to make the links in e-mails absolute. */
  PCMT_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s?#]+$/, 'must be an http:// or https:// URL without query')
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database:
    | { mode: 'embedded'; pgliteDir: string }
    | { mode: 'server'; url: string; migrationUrl: string; poolMax: number; statementTimeoutMs: number };
  /** From SECRET_KEY, or null to use (and create) DATA_DIR/secret.key. */
  secretKey: Buffer | null;
  provinceCode: string;
  keyringFile: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  defaultLocale: (typeof LOCALES)[number];
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Largest import file (the person-registry import route only). */
  importBodyLimitBytes: number;
  /** Built web assets served at `/`. */
  webDistDir: string;
  /** The scheduler's period in milliseconds; 0: the server runs no jobs. */
  jobsIntervalMs: number;
  /** Notification e-mail: null unless PCMT_SMTP_URL is set. The URL holds a password: never log it. */
  mail: { smtpUrl: string; from: string; publicUrl: string | null } | null;
}

export class ConfigError extends Error {}

/** The repository root, whatever the current directory of the process. */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(emptyAsUndefined(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(env[name] ?? '')} (${issue.message})`;
    });
    throw new ConfigError(`Cấu hình không hợp lệ / invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.PCMT_SMTP_URL && !e.PCMT_MAIL_FROM) {
    throw new ConfigError(
      'Cấu hình không hợp lệ / invalid configuration: PCMT_MAIL_FROM="" (required with PCMT_SMTP_URL, e.g. PCMT <pcmt@example.vn>)',
    );
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? {
          mode: 'server' as const,
          url: e.DATABASE_URL,
          migrationUrl: e.DATABASE_MIGRATION_URL ?? e.DATABASE_URL,
          poolMax: e.DATABASE_POOL_MAX,
          statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
        }
      : { mode: 'embedded' as const, pgliteDir: path.join(dataDir, 'pglite') },
    provinceCode: e.PROVINCE_CODE,
    keyringFile: path.resolve(e.KEYRING_FILE ?? path.join(dataDir, 'keyring.json')),
    secretKey: e.SECRET_KEY ? Buffer.from(e.SECRET_KEY, 'base64') : null,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    trustProxy: e.TRUST_PROXY === 'true',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    importBodyLimitBytes: e.IMPORT_BODY_LIMIT_BYTES,
    webDistDir: path.join(PROJECT_ROOT, 'dist', 'web'),
    jobsIntervalMs: e.JOBS_INTERVAL_SECONDS * 1000,
    mail:
      e.PCMT_SMTP_URL && e.PCMT_MAIL_FROM
        ? { smtpUrl: e.PCMT_SMTP_URL, from: e.PCMT_MAIL_FROM, publicUrl: e.PCMT_PUBLIC_URL?.replace(/\/+$/, '') ?? null }
        : null,
  });
}

/** `PORT=` (set but empty) means "use the default", as in most twelve-factor tools. */
function emptyAsUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const keys = Object.keys(EnvSchema.shape);
  return Object.fromEntries(keys.map((key) => [key, env[key] === '' ? undefined : env[key]]));
}

/** A database URL with its password replaced, safe to print. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

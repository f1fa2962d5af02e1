import type { ZodType } from 'zod';
import type { Config } from '../config';
import type { ServiceContext } from '../platform/context';
import { describeIssue } from '../platform/validation';
import { openCliDatabase } from './database';
import { CliError } from './errors';

/** Validates CLI input with the same contracts the API uses, so both reject the same values. */
export function parseInput<T extends ZodType>(schema: T, input: unknown, name?: string): ReturnType<T['parse']> {
  const cleaned =
    input && typeof input === 'object' && !Array.isArray(input)
      ? Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined))
      : input;
  const result = schema.safeParse(cleaned, { reportInput: true });
  if (result.success) return result.data as ReturnType<T['parse']>;
  const lines = result.error.issues.map((issue) => {
    const field = [name, ...issue.path.map(String)].filter(Boolean).join('.');
    return `  ${field ? `${field}: ` : ''}${describeIssue(issue, 'vi')}`;
  });
  throw new CliError(`Tham số không hợp lệ / invalid arguments:\n${lines.join('\n')}`);
}

/** Opens the database, runs one service call, and always closes (releasing the embedded lock). */
export async function withServiceContext<T>(config: Config, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const database = await openCliDatabase(config, { migrate: false });
  try {
    const { Envelope, Keyring } = await import('../platform/envelope');
    const { loadSecretKey } = await import('../platform/secrets');
    const envelope = new Envelope(Keyring.open(config.keyringFile), loadSecretKey(config));
    return await work({ db: database.db, clock: () => new Date(), locale: config.defaultLocale, envelope });
  } finally {
    await database.close();
  }
}

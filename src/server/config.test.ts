import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactDatabaseUrl } from './config';

describe('loadConfig', () => {
  it('defaults to embedded PGlite in ./data on port 3000, Vietnamese', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ mode: 'embedded', pgliteDir: path.resolve('data', 'pglite') });
    expect(config.defaultLocale).toBe('vi');
  });

  it('switches to server mode when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://pcmt@db.example:5432/pcmt', DATA_DIR: '/srv/pcmt' });
    expect(config.database.mode).toBe('server');
    expect(config.dataDir).toBe('/srv/pcmt');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('rejects bad values with one line naming every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('PORT="abc"');
    expect(message).toContain('DATABASE_URL="mysql://x"');
    expect(message).toContain('LOG_LEVEL="loud"');
  });
});

describe('redactDatabaseUrl', () => {
  it('hides the password', () => {
    expect(redactDatabaseUrl('postgres://pcmt:s3cret@db:5432/pcmt')).toBe('postgres://pcmt:***@db:5432/pcmt');
    expect(redactDatabaseUrl('not a url')).toBe('postgres://…');
  });
});

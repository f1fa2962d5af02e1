/**
 * The PostgreSQL server used by `npm run test:pg` and CI: TEST_DATABASE_URL names a server (its
 * database part is only used to connect and create throw-away databases).
 */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The maintenance database, from which test databases are created and dropped. */
export function adminUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  return url.pathname.length > 1 ? url.toString() : databaseUrl(serverUrl, 'postgres');
}

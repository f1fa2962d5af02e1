import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDataDir, runTs } from './support/processes';
import { createTestDatabase, isServerPg, type TestDatabase } from './support/test-db';

const CLI = 'src/server/cli/main.ts';

/**
 * The CLI as an operator runs it (`npm run pcmt -- …` runs exactly this entry point through tsx),
 * against the database mode of this test run: a seeded embedded data directory, or a fresh
 * PostgreSQL database in server runs.
 */
let env: Record<string, string>;
let cleanup: () => Promise<void>;
let dataDir = '';
beforeAll(async () => {
  if (isServerPg) {
    const database: TestDatabase = await createTestDatabase();
    env = { DATABASE_URL: database.url ?? '', DATA_DIR: os.tmpdir() };
    cleanup = () => database.close();
  } else {
    const seeded = await createSeededDataDir();
    dataDir = seeded.dir;
    env = { DATA_DIR: seeded.dir };
    cleanup = seeded.remove;
  }
});
afterAll(() => cleanup());

describe('npm run pcmt -- units', () => {
  it("lists Hà Nội's 126 communes", async () => {
    const result = await runTs(CLI, ['units', 'list', '--parent', '01'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Thành phố Hà Nội (01)');
    expect(result.stdout).toContain('126 đơn vị');
    const rows = result.stdout.split('\n').filter((line) => /^\d{5}\s/.test(line));
    expect(rows).toHaveLength(126);
    expect(rows[0]).toMatch(/^00004\s+Phường\s+Phường Ba Đình/);
  });

  it('prints JSON with --json', async () => {
    const result = await runTs(CLI, ['units', 'list', '--parent', '01', '--json'], env);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout) as { items: { code: string }[] };
    expect(body.items).toHaveLength(126);
  });

  it('maps an old commune to the current unit it became part of', async () => {
    const result = await runTs(CLI, ['units', 'map-old', '00001'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Phường Phúc Xá (00001)');
    expect(result.stdout).toMatch(/00097\s+Phường Hồng Hà\s+01\s+toàn bộ\s+01\/07\/2025/);
  });

  it('explains bad arguments and unknown codes, exiting non-zero', async () => {
    const bad = await runTs(CLI, ['units', 'list', '--parent', 'abc'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Tham số không hợp lệ');
    expect(bad.stderr).toContain('Mã đơn vị hành chính gồm 2 chữ số');
    const unknown = await runTs(CLI, ['units', 'map-old', '99999'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không có đơn vị hành chính mã 99999 có hiệu lực ngày 2025-06-30.');
    expect(unknown.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lists agencies', async () => {
    const result = await runTs(CLI, ['agencies', 'list'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PC04\s+Phòng Cảnh sát điều tra tội phạm về ma túy/);
  });
});

describe.skipIf(isServerPg)('embedded mode: one process per data directory', () => {
  it('refuses to run while the server holds the data directory, saying what to do', async () => {
    // A live process (this test worker) posing as the server.
    writeFileSync(
      path.join(dataDir, 'pcmt.lock'),
      JSON.stringify({ pid: process.pid, purpose: 'server', host: os.hostname(), startedAt: new Date().toISOString() }),
    );
    const result = await runTs(CLI, ['units', 'list', '--parent', '01'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('đang được dùng bởi máy chủ PCMT');
    expect(result.stderr).toContain('hãy dừng máy chủ');
    expect(result.stdout).toBe('');
  });

  it('takes over a lock left by a process that died', async () => {
    writeFileSync(
      path.join(dataDir, 'pcmt.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'server', host: os.hostname(), startedAt: new Date().toISOString() }),
    );
    const result = await runTs(CLI, ['units', 'show', '00004'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Phường Ba Đình (00004)');
  });
});

describe('npm run pcmt -- user, token, audit', () => {
  it('creates a user with a password from stdin, issues a token, and verifies the audit chain', async () => {
    const created = await runTs(
      CLI,
      ['user', 'create', '--username', 'cli.officer', '--unit', '00004', '--agency', 'CA_XA', '--role', 'commune_officer'],
      env,
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Mật khẩu tạm \/ temporary password: \S{18}/);
    const piped = await runTs(
      CLI,
      ['user', 'create', '--username', 'cli.piped', '--unit', '00004', '--agency', 'CA_XA', '--role', 'commune_officer'],
      env,
      60_000,
      'mật khẩu được dán vào từ stdin 2026\n',
    );
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('temporary password');
    const wrongPlace = await runTs(
      CLI,
      ['user', 'create', '--username', 'cli.bad', '--unit', '01', '--agency', 'CA_XA', '--role', 'commune_officer'],
      env,
    );
    expect(wrongPlace.code).toBe(1);
    expect(wrongPlace.stderr).toContain('Vai trò commune_officer không áp dụng');
    const token = await runTs(CLI, ['token', 'create', '--username', 'cli.officer', '--ttl', '7d'], env);
    expect(token.code).toBe(0);
    expect(token.stdout.trim()).toMatch(/^pcmt_[A-Za-z0-9_-]{43}$/);
    const verified = await runTs(CLI, ['audit', 'verify'], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Nhật ký toàn vẹn \/ audit log intact: [1-9]\d* sự kiện/);
    // Five CLI processes, each opening the database: slow on a busy 2-core machine.
  }, 180_000);

  it('audit verify catches an UPDATE made directly in the database as superuser, naming the event', async () => {
    const tamper = 'SET session_replication_role = replica; UPDATE audit_event SET actor_username = $$someone$$ WHERE seq = 1';
    if (isServerPg) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      await client.query(tamper);
      await client.end();
    } else {
      const { PGlite } = await import('@electric-sql/pglite');
      const { PGLITE_EXTENSIONS } = await import('../src/server/db/client');
      const db = await PGlite.create(path.join(dataDir, 'pglite'), { extensions: PGLITE_EXTENSIONS });
      await db.exec(tamper);
      await db.close();
    }
    const result = await runTs(CLI, ['audit', 'verify'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sự kiện / event 1: its content was changed after it was written');
  });
});

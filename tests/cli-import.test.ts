import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_IMPORT_COLUMNS } from '../src/shared/person-import/columns';
import { createSeededDataDir, runTs } from './support/processes';
import { createTestDatabase, isServerPg } from './support/test-db';

const CLI = 'src/server/cli/main.ts';

/**
 * `npm run pcmt -- import …` as an operator runs it, against this run's database mode (a seeded
 * embedded data directory, or a fresh PostgreSQL database). Persons here are fake ("… Dòng Lệnh").
 */
let env: Record<string, string>;
let cleanup: () => Promise<void>;
let files = '';
beforeAll(async () => {
  files = await mkdtemp(path.join(os.tmpdir(), 'pcmt-import-'));
  if (isServerPg) {
    const database = await createTestDatabase();
    env = { DATABASE_URL: database.url ?? '', DATA_DIR: files };
    cleanup = () => database.close();
  } else {
    const seeded = await createSeededDataDir();
    env = { DATA_DIR: seeded.dir };
    cleanup = seeded.remove;
  }
  const created = await runTs(
    CLI,
    ['user', 'create', '--username', 'cli.importer', '--unit', '00004', '--agency', 'CA_XA', '--role', 'commune_officer'],
    env,
    60_000,
    'mật khẩu nhập tệp dòng lệnh 2026\n',
  );
  expect(created.code, created.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await cleanup();
  await rm(files, { recursive: true, force: true });
});

function csv(rows: string[][]): string {
  const header = ['Họ tên', 'Năm sinh', 'Giới tính', 'Mã xã nơi ở hiện tại', 'Có nơi cư trú ổn định'];
  return [header, ...rows].map((row) => row.join(',')).join('\n');
}

describe('npm run pcmt -- import', () => {
  it('writes the template', async () => {
    const out = path.join(files, 'mau.csv');
    const result = await runTs(CLI, ['import', 'template', '--format', 'csv', '--out', out], env);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(`\uFEFF${PERSON_IMPORT_COLUMNS.map((c) => c.header).join(',')}\r\n`);
    const again = await runTs(CLI, ['import', 'template', '--format', 'csv', '--out', out], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('không ghi đè');
  });

  it('prints every bad row as a table and exits 1, writing nothing; then imports a good file', async () => {
    const bad = path.join(files, 'bad.csv');
    await writeFile(
      bad,
      csv([
        ['Lê Văn Dòng Lệnh', '1988', 'Nam', '00004', 'Có'],
        ['Lê Thị Dòng Lệnh', '1991', 'Không rõ', '00004', 'Có'],
        ['Lê Văn Sai Xã', '1990', 'Nam', '99999', 'Có'],
      ]),
    );
    const dry = await runTs(CLI, ['import', 'persons', bad, '--dry-run', '--as', 'cli.importer'], env);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('3 dòng: 1 hợp lệ, 2 lỗi');
    expect(dry.stdout).toMatch(/Dòng\s+Cột\s+Lỗi/);
    expect(dry.stdout).toMatch(/3\s+Giới tính\s+Giới tính ghi Nam hoặc Nữ\./);
    expect(dry.stdout).toMatch(/4\s+Mã xã nơi ở hiện tại\s+Không có xã, phường, đặc khu nào mang mã này/);
    expect(dry.stderr).toContain('Kiểm tra / checking');
    const commit = await runTs(CLI, ['import', 'persons', bad, '--as', 'cli.importer'], env);
    expect(commit.code).toBe(1);
    expect(commit.stderr).toContain('Có 2 dòng lỗi nên chưa nhập dòng nào');

    const good = path.join(files, 'good.csv');
    await writeFile(good, csv([['Lê Văn Dòng Lệnh', '1988', 'Nam', '00004', 'Có']]));
    const imported = await runTs(CLI, ['import', 'persons', good, '--as', 'cli.importer'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Đã nhập / imported 1 đối tượng.');
    expect(imported.stderr).toContain('Ghi / writing');
    // Now registered: the same person again is a possible duplicate, shown with the existing file.
    const again = await runTs(CLI, ['import', 'persons', good, '--as', 'cli.importer'], env);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/2\s+Lê Văn Dòng Lệnh, 1988, Phường Ba Đình/);
  }, 120_000);

  it('refuses a file that is not a spreadsheet, wrong headers, and an unknown officer', async () => {
    const pdf = path.join(files, 'x.pdf');
    await writeFile(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(16)]));
    const notSheet = await runTs(CLI, ['import', 'persons', pdf, '--as', 'cli.importer'], env);
    expect(notSheet.code).toBe(1);
    expect(notSheet.stderr).toContain('Tệp phải là bảng tính Excel (.xlsx) hoặc tệp CSV');
    const headers = path.join(files, 'headers.csv');
    await writeFile(headers, 'Họ tên,Tuổi\nA,1\n');
    const wrong = await runTs(CLI, ['import', 'persons', headers, '--as', 'cli.importer'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Tuổi: Cột không có trong tệp mẫu');
    const nobody = await runTs(CLI, ['import', 'persons', headers, '--as', 'no.such.user'], env);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('Không có tài khoản đang hoạt động no.such.user');
  }, 120_000);
});

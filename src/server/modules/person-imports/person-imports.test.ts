import { PERSON_IMPORT_COLUMNS, type PersonImportColumnKey } from '@shared/person-import/columns';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, call, firstLogin, makeUser, sendFile, TestClock } from '../../../../tests/support/auth';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

/**
 * The registry import through the API, on PGlite and PostgreSQL. Every person here is fake
 * ("… Nhập Thử"), and ID numbers are built to fit their fake birth year and sex.
 */
const clock = new TestClock(new Date('2026-06-15T03:00:00Z'));
let t: TestApp;
const officers: Record<string, Browser> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: clock.read });
  const make = async (key: string, unitCode: string, agencyCode: string, role: 'commune_officer' | 'provincial_lead') => {
    const { password } = await makeUser(t, { username: `imp.${key}`, unitCode, agencyCode, roles: [role] });
    officers[key] = await firstLogin(t, clock, `imp.${key}`, password);
  };
  await make('badinh', '00004', 'CA_XA', 'commune_officer');
  await make('ngocha', '00008', 'CA_XA', 'commune_officer');
  await make('lead', '01', 'UBND_TINH', 'provincial_lead');
  const existing = await call(t.app, officer('badinh'), 'POST', '/api/persons', {
    fullName: 'Trần Văn Đã Có',
    birthYear: 1989,
    sex: 'male',
    personalId: personalId(1989, 'male', 1),
    currentResidence: { unitCode: '00004' },
    hasStableResidence: true,
  });
  expect(existing.statusCode).toBe(201);
}, 120_000);
afterAll(() => t.close());

function officer(key: string): Browser {
  const browser = officers[key];
  if (!browser) throw new Error(key);
  return browser;
}

/** A Hà Nội-registered ID number that fits the year and sex (001 · century/sex · YY · serial). */
function personalId(year: number, sex: 'male' | 'female', serial: number): string {
  const digit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  return `001${digit}${String(year % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

type Row = Partial<Record<PersonImportColumnKey, string>>;

function fakeRow(n: number, year: number, overrides: Row = {}): Row {
  return {
    fullName: `Phạm Văn Nhập Thử ${n}`,
    birthDate: `0${(n % 9) + 1}/03/${year}`,
    sex: 'Nam',
    personalId: personalId(year, 'male', 500_000 + n),
    currentUnitCode: '00004',
    currentAddress: `Số ${n} phố Thử Nghiệm`,
    hasStableResidence: 'Có',
    phone: `09${String(n).padStart(8, '0')}`,
    ...overrides,
  };
}

function csvOf(rows: Row[], columns: readonly PersonImportColumnKey[] = PERSON_IMPORT_COLUMNS.map((c) => c.key)): string {
  const header = columns.map((key) => PERSON_IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key);
  const line = (cells: string[]) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
  return [line(header), ...rows.map((row) => line(columns.map((key) => row[key] ?? '')))].join('\r\n');
}

function upload(browser: Browser, body: Buffer | string, query = 'dryRun=true', headers: Record<string, string> = {}) {
  return sendFile(t.app, browser, `/api/person-imports?${query}`, body, headers['content-type'] ?? 'text/csv', headers);
}

/** Polls the job until it is finished, as the web page does. */
async function finished(browser: Browser, id: string, language = 'vi') {
  for (let i = 0; i < 600; i++) {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/person-imports/${id}`,
      headers: { 'accept-language': language },
      cookies: { pcmt_session: browser.cookie },
    });
    expect(response.statusCode).toBe(200);
    const job = response.json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('import did not finish');
}

async function importFile(browser: Browser, body: Buffer | string, query = 'dryRun=true', headers: Record<string, string> = {}) {
  const response = await upload(browser, body, query, headers);
  expect(response.statusCode, response.body).toBe(202);
  return finished(browser, response.json().id);
}

async function counts() {
  const { rows } = await sql<{ persons: number; events: number; imports: number }>`
    SELECT (SELECT count(*)::int FROM person) AS persons, (SELECT count(*)::int FROM person_event) AS events,
      (SELECT count(*)::int FROM audit_event WHERE action = 'person.import') AS imports`.execute(t.database.db);
  const [row] = rows;
  if (!row) throw new Error('no counts');
  return row;
}

describe('dry run', () => {
  it('reports every bad row with its spreadsheet row, Vietnamese column and message, and writes nothing', async () => {
    const before = await counts();
    const csv = csvOf([
      fakeRow(1, 1990),
      fakeRow(2, 1990, { personalId: '001190500002' }),
      fakeRow(3, 1990, { birthDate: '01/01/2027', personalId: '' }),
      fakeRow(4, 1990, { currentUnitCode: '99999' }),
      {},
      fakeRow(6, 1990, { currentUnitCode: '00008' }),
      fakeRow(7, 1990, { fullName: '' }),
      fakeRow(8, 1990, { personalId: personalId(1990, 'male', 500_001) }),
      fakeRow(9, 1989, { fullName: 'Lê Văn Trùng Số', personalId: personalId(1989, 'male', 1) }),
      fakeRow(10, 1989, { fullName: 'Tran Van Da Co', personalId: '', phone: '' }),
    ]);
    const job = await importFile(officer('badinh'), csv);
    expect(job).toMatchObject({ status: 'done', dryRun: true, total: 9, validRows: 2, errorRows: 7, warningRows: 1, created: 0 });
    const errors = job.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message]);
    expect(errors).toEqual([
      [3, 'Số định danh cá nhân', 'Số định danh: chữ số thứ 4 (thế kỷ và giới tính) không khớp với giới tính hoặc năm sinh.'],
      [4, 'Ngày sinh', 'Ngày sinh không thể ở tương lai.'],
      [5, 'Mã xã nơi ở hiện tại', 'Không có xã, phường, đặc khu nào mang mã này trong danh mục hiện hành.'],
      [7, 'Mã xã nơi ở hiện tại', 'Nơi ở hiện tại nằm ngoài địa bàn bạn quản lý.'],
      [8, 'Họ tên', 'Ô này không được để trống.'],
      [9, 'Số định danh cá nhân', 'Số này trùng với dòng 2 của tệp.'],
      [10, 'Số định danh cá nhân', 'Đã có hồ sơ mang số này trong hệ thống.'],
    ]);
    expect(job.errors[6].candidates).toEqual([
      expect.objectContaining({ fullName: 'Trần Văn Đã Có', birthYear: 1989, reason: 'same_id_number' }),
    ]);
    expect(job.warnings).toEqual([
      expect.objectContaining({
        row: 11,
        column: 'Họ tên',
        candidates: [
          expect.objectContaining({
            fullName: 'Trần Văn Đã Có',
            birthYear: 1989,
            managingUnit: { code: '00004', fullName: 'Phường Ba Đình' },
            reason: 'similar_name',
          }),
        ],
      }),
    ]);
    // The report never quotes a cell: no ID number, no phone.
    for (const secret of ['001190500002', personalId(1989, 'male', 1), '0900000001'])
      expect(JSON.stringify(job)).not.toContain(secret);
    expect(await counts()).toEqual(before);

    const english = await finished(officer('badinh'), job.id, 'en');
    expect(english.errors[1]).toMatchObject({ column: 'Ngày sinh', message: 'The birth date cannot be in the future.' });
    // A long report comes in pages.
    const page = await call(t.app, officer('badinh'), 'GET', `/api/person-imports/${job.id}?errorsFrom=5&limit=2`);
    expect(page.json()).toMatchObject({ errorCount: 7, errorsFrom: 5, warningCount: 1 });
    expect(page.json().errors.map((e: { row: number }) => e.row)).toEqual([9, 10]);
  });

  it('accepts headers without diacritics, in any case, with notes, and semicolons', async () => {
    const csv = [
      'STT;ho ten;NGAY SINH (DD/MM/YYYY);gioi tinh;Ma xa noi o hien tai;co noi cu tru on dinh',
      '1;Đỗ Thị Nhập Thử;05/06/1991;Nữ;00004;không',
    ].join('\n');
    const job = await importFile(officer('badinh'), csv);
    expect(job).toMatchObject({ status: 'done', total: 1, validRows: 1, errors: [] });
  });
});

describe('commit', () => {
  it('is all-or-nothing: one bad row in 50 writes no person, no event and no audit event', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => fakeRow(100 + i, 1985));
    rows[37] = fakeRow(137, 1985, { sex: 'Không rõ' });
    const before = await counts();
    const job = await importFile(officer('badinh'), csvOf(rows), 'dryRun=false');
    expect(job).toMatchObject({ status: 'failed', created: 0, errorRows: 1, failure: { code: 'IMPORT_ROWS_INVALID' } });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 39, column: 'Giới tính', message: 'Giới tính ghi Nam hoặc Nữ.' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('commits a good CSV: the persons are searchable by name and read back decrypted, each audited', async () => {
    const before = await counts();
    const rows = [
      fakeRow(201, 1971, { fullName: 'Hoàng Văn Nhập Một', aliases: 'Một Béo; Một Gầy', ethnicity: 'Tày', occupation: 'Lái xe' }),
      fakeRow(202, 1971, { fullName: 'Vũ Thị Nhập Hai', sex: 'Nữ', personalId: personalId(1971, 'female', 202) }),
      fakeRow(203, 1971, { fullName: 'Đinh Văn Nhập Ba', birthDate: '', birthYear: '1971', personalId: '' }),
    ];
    const job = await importFile(officer('badinh'), csvOf(rows), 'dryRun=false');
    expect(job).toMatchObject({ status: 'done', created: 3, errors: [], failure: null });
    expect(await counts()).toEqual({ persons: before.persons + 3, events: before.events + 3, imports: before.imports + 3 });

    const found = await call(t.app, officer('badinh'), 'POST', '/api/persons/search', { q: 'hoang van nhap mot' });
    const id = found.json().items[0]?.id;
    expect(found.json().items[0]).toMatchObject({ fullName: 'Hoàng Văn Nhập Một', birthYear: 1971 });
    const person = (await call(t.app, officer('badinh'), 'GET', `/api/persons/${id}`)).json();
    expect(person).toMatchObject({
      personalId: personalId(1971, 'male', 500_201),
      phone: '0900000201',
      aliases: ['Một Béo', 'Một Gầy'],
      ethnicity: 'Tày',
      occupation: 'Lái xe',
      birthDate: '1971-03-04',
      hasStableResidence: true,
      currentResidence: { address: 'Số 201 phố Thử Nghiệm', unit: { code: '00004' } },
    });
    const timeline = (await call(t.app, officer('badinh'), 'GET', `/api/persons/${id}/timeline`)).json();
    expect(timeline.items).toEqual([
      expect.objectContaining({ kind: 'file_opened', summary: 'Lập hồ sơ quản lý (nhập từ tệp)' }),
    ]);
    const { rows: summary } = await sql<{ details: Record<string, unknown> }>`
      SELECT details FROM audit_event WHERE action = 'person.import_committed' AND record_id = ${job.id}`.execute(t.database.db);
    expect(summary).toEqual([{ details: expect.objectContaining({ created: 3, rows: 3, errorRows: 0 }) }]);
    expect(JSON.stringify(summary)).not.toContain('Nhập');
  });

  it('commits a good xlsx with real date cells and numbers that lost their leading zeros', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đối tượng');
    sheet.addRow(PERSON_IMPORT_COLUMNS.map((c) => c.header));
    const column = (key: PersonImportColumnKey) => PERSON_IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const row = sheet.getRow(2);
    row.getCell(column('fullName')).value = 'Lý Văn Nhập Excel';
    row.getCell(column('birthDate')).value = new Date(Date.UTC(1972, 10, 9));
    row.getCell(column('sex')).value = 'nam';
    row.getCell(column('personalId')).value = Number(personalId(1972, 'male', 301));
    row.getCell(column('currentUnitCode')).value = 4;
    row.getCell(column('hasStableResidence')).value = 'Không';
    row.getCell(column('phone')).value = 912_345_678;
    row.commit();
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(officer('badinh'), file, 'dryRun=false', {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(job).toMatchObject({ status: 'done', fileType: 'xlsx', created: 1 });
    const found = (await call(t.app, officer('badinh'), 'POST', '/api/persons/search', { q: 'ly van nhap excel' })).json();
    const person = (await call(t.app, officer('badinh'), 'GET', `/api/persons/${found.items[0].id}`)).json();
    expect(person).toMatchObject({
      birthDate: '1972-11-09',
      personalId: personalId(1972, 'male', 301),
      phone: '0912345678',
      hasStableResidence: false,
      managingUnit: { code: '00004' },
    });
  });

  it('needs the officer’s confirmation to import rows that may duplicate an existing file', async () => {
    const csv = csvOf([fakeRow(401, 1989, { fullName: 'Trần Văn Đã Có', personalId: '' })]);
    const before = await counts();
    const refused = await importFile(officer('badinh'), csv, 'dryRun=false');
    expect(refused).toMatchObject({ status: 'failed', warningRows: 1, failure: { code: 'IMPORT_DUPLICATES_UNCONFIRMED' } });
    expect(await counts()).toEqual(before);
    const confirmed = await importFile(officer('badinh'), csv, 'dryRun=false&confirmDuplicates=true');
    expect(confirmed).toMatchObject({ status: 'done', created: 1, confirmDuplicates: true });
  });
});

describe('files that are not a usable spreadsheet', () => {
  it('answers 400 with a clear code for other types, other encodings, wrong headers and empty files', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64), Buffer.from('%%EOF')]);
    const brokenZip = Buffer.from('504b0304140000000800', 'hex');
    const windows1258 = Buffer.from([...Buffer.from('H\xe4 t\xean,Gi\xf3i\r\n', 'latin1')]);
    const cases: [Buffer | string, string][] = [
      [pdf, 'IMPORT_FILE_TYPE'],
      [brokenZip, 'IMPORT_FILE_UNREADABLE'],
      [windows1258, 'IMPORT_CSV_ENCODING'],
      ['Tên,Tuổi\nA,1', 'IMPORT_HEADERS_INVALID'],
      [csvOf([]), 'IMPORT_EMPTY'],
      ['', 'IMPORT_EMPTY'],
      [JSON.stringify({ fullName: 'x' }), 'IMPORT_HEADERS_INVALID'],
    ];
    for (const [body, code] of cases) {
      const response = await upload(officer('badinh'), body);
      expect([response.statusCode, response.json().code], code).toEqual([400, code]);
    }
    const headers = (await upload(officer('badinh'), 'Ho ten,Tuoi,Gioi tinh,Gioi tinh\nA,1,Nam,Nam')).json();
    expect(headers.issues).toEqual([
      { path: ['file', 'header', 'Tuoi'], message: 'Cột không có trong tệp mẫu (hãy xóa cột hoặc sửa tiêu đề).' },
      { path: ['file', 'header', 'Gioi tinh'], message: 'Cột này xuất hiện hai lần.' },
      { path: ['file', 'header', 'Mã xã nơi ở hiện tại'], message: 'Thiếu cột bắt buộc này.' },
      { path: ['file', 'header', 'Có nơi cư trú ổn định'], message: 'Thiếu cột bắt buộc này.' },
    ]);
  });

  it('answers 413 for a file over the size limit', async () => {
    const big = Buffer.alloc(t.app.deps.config.importBodyLimitBytes + 1, 'a');
    const response = await upload(officer('badinh'), big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'IMPORT_FILE_TOO_LARGE',
      message: 'Tệp quá lớn: tối đa 20 MB. Hãy chia thành nhiều tệp nhỏ hơn.',
    });
  });
});

describe('the template and who may use the import', () => {
  it('serves a template whose headers are the columns the import reads', async () => {
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/person-imports/template?format=xlsx',
      cookies: { pcmt_session: officer('badinh').cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="mau-nhap-doi-tuong.xlsx"; filename*=UTF-8''mau-nhap-doi-tuong.xlsx`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('template without a sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(PERSON_IMPORT_COLUMNS.map((c) => c.header));
    // Filled in as an officer would, the template imports.
    sheet.addRow(['Bùi Văn Nhập Mẫu', '', '', '1980', 'Nam', '', '', '', '', '00004', '', '', '', '', '', 'Có']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = await importFile(officer('badinh'), filled, 'dryRun=true', { 'content-type': 'application/octet-stream' });
    expect(job).toMatchObject({ status: 'done', total: 1, validRows: 1 });

    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/person-imports/template?format=csv',
      cookies: { pcmt_session: officer('badinh').cookie },
    });
    expect(csv.body).toBe(`\uFEFF${PERSON_IMPORT_COLUMNS.map((c) => c.header).join(',')}\r\n`);
  });

  it('lets only officers who register persons import, and only the owner read an import', async () => {
    expect((await upload(officer('lead'), csvOf([fakeRow(501, 1990)]))).statusCode).toBe(403);
    const response = await upload(officer('badinh'), csvOf([fakeRow(502, 1990)]));
    const id = response.json().id;
    await finished(officer('badinh'), id);
    const other = await call(t.app, officer('ngocha'), 'GET', `/api/person-imports/${id}`);
    expect([other.statusCode, other.json().code]).toEqual([404, 'PERSON_IMPORT_NOT_FOUND']);
  });

  it('marks an import cut off by a restart as failed when it is read', async () => {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO person_import (id, owner_user_id, file_type, dry_run, confirm_duplicates, status, total_rows, started_at, updated_at)
      SELECT gen_random_uuid(), id, 'csv', false, false, 'committing', 10, ${clock.now}, ${clock.now} FROM app_user WHERE username = 'imp.badinh'
      RETURNING id`.execute(t.database.db);
    const id = rows[0]?.id ?? '';
    const fresh = await call(t.app, officer('badinh'), 'GET', `/api/person-imports/${id}`);
    expect(fresh.json().status).toBe('committing');
    clock.advance(11 * 60_000);
    const stale = await call(t.app, officer('badinh'), 'GET', `/api/person-imports/${id}`);
    expect(stale.json()).toMatchObject({ status: 'failed', failure: { code: 'IMPORT_INTERRUPTED' } });
  });
});

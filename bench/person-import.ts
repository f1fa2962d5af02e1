import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { PGlite } from '@electric-sql/pglite';
import ExcelJS from 'exceljs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openPglite, PGLITE_EXTENSIONS } from '../src/server/db/client';
import { migrateToLatest } from '../src/server/db/migrate';
import type { DB } from '../src/server/db/types';
import { findUserByUsername } from '../src/server/modules/auth/auth.repo';
import { actorOf } from '../src/server/modules/auth/auth.service';
import { readImportFile } from '../src/server/modules/person-imports/person-imports.parse';
import { insertPersons } from '../src/server/modules/person-imports/person-imports.repo';
import { IMPORT_MAX_ROWS, importPersons } from '../src/server/modules/person-imports/person-imports.service';
import { fakeFullName, listCommunes, seededRandom } from '../src/server/modules/persons/persons.generate';
import { createUser } from '../src/server/modules/users/users.service';
import type { ServiceContext } from '../src/server/platform/context';
import { inScope } from '../src/server/platform/db-scope';
import { Envelope, Keyring } from '../src/server/platform/envelope';
import { todayInVietnam } from '../src/shared/dates';
import { BIRTH_REGISTRATION_PROVINCES, centurySexDigit } from '../src/shared/identity/personal-id';
import { PERSON_IMPORT_COLUMNS } from '../src/shared/person-import/columns';
import { searchKey, searchWords, viSortKey } from '../src/shared/text/vi';

/**
 * Issue #4 target: importing 100,000 rows takes at most 60 s on PostgreSQL on this 2-core machine.
 * Generates N fake persons (the generator's names; ID numbers that fit their birth year and sex;
 * real communes of province 01) as a CSV and an xlsx file, then runs the import through the
 * service, exactly as the API and the CLI do: a dry run, then a commit (row-level security on,
 * every row encrypted and audited). The floor is a plain multi-row INSERT of the same rows into
 * `person` (the import's own statement, 1,000 rows each), as the table owner, without validation,
 * encryption, events or audit.
 * Usage: npm run bench:import -- [postgres://…/postgres] [N] [--skip-pglite]
 */
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const url = args[0] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COUNT = Number(args[1] ?? 100_000);
const skipPglite = process.argv.includes('--skip-pglite');
if (COUNT > IMPORT_MAX_ROWS) throw new Error(`at most ${IMPORT_MAX_ROWS} rows per import`);

interface FakeRow {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  personalId: string;
  commune: { id: string; code: string; path: string };
  address: string;
  stable: boolean;
  phone: string;
}

function fakeRows(communes: { id: string; code: string; path: string }[], today: string): FakeRow[] {
  const random = seededRandom(2026);
  const year = Number(today.slice(0, 4));
  return Array.from({ length: COUNT }, (_, i) => {
    const sex = random() < 0.92 ? 'male' : 'female';
    const birthYear = year - 18 - Math.floor(random() ** 1.6 * 42);
    const day = new Date(Date.UTC(birthYear, 0, 1 + Math.floor(random() * 365)));
    const prefix = BIRTH_REGISTRATION_PROVINCES[i % BIRTH_REGISTRATION_PROVINCES.length] ?? '001';
    const commune = communes[Math.floor(random() * communes.length)] ?? communes[0];
    if (!commune) throw new Error('no communes');
    return {
      fullName: fakeFullName(random, sex),
      birthDate: day.toISOString().slice(0, 10),
      sex,
      personalId: `${prefix}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
      commune,
      address: `Số ${1 + Math.floor(random() * 200)} đường Giả Lập`,
      stable: random() < 0.85,
      phone: `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
    };
  });
}

const HEADERS = [
  'fullName',
  'birthDate',
  'sex',
  'personalId',
  'currentUnitCode',
  'currentAddress',
  'hasStableResidence',
  'phone',
  'occupation',
].map((key) => PERSON_IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key);
const cellsOf = (r: FakeRow) => [
  r.fullName,
  `${r.birthDate.slice(8, 10)}/${r.birthDate.slice(5, 7)}/${r.birthDate.slice(0, 4)}`,
  r.sex === 'male' ? 'Nam' : 'Nữ',
  r.personalId,
  r.commune.code,
  r.address,
  r.stable ? 'Có' : 'Không',
  r.phone,
  'Dữ liệu giả lập',
];

function csvOf(rows: FakeRow[], withoutIds = false): Buffer {
  const lines = [HEADERS, ...rows.map((row) => cellsOf(withoutIds ? { ...row, personalId: '' } : row))];
  return Buffer.from(`\uFEFF${lines.map((line) => line.join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function xlsxOf(rows: FakeRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Đối tượng');
  sheet.addRow(HEADERS).commit();
  for (const row of rows) sheet.addRow(cellsOf(row)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; startedAt: number; value: T }> {
  const startedAt = performance.now();
  const value = await work();
  return { ms: performance.now() - startedAt, startedAt, value };
}

/** One engine: a fresh migrated database, an officer of province 01's drug police, the import. */
async function run(engine: string, db: Kysely<DB>): Promise<string[]> {
  await migrateToLatest(db);
  const now = new Date();
  const today = todayInVietnam(now);
  const envelope = new Envelope(Keyring.inMemory(), randomBytes(32));
  const base = { db, clock: () => new Date(), locale: 'vi' as const, envelope };
  await createUser(base, {
    username: 'bench.pc04',
    displayName: 'Cán bộ đo hiệu năng',
    unitCode: '01',
    agencyCode: 'PC04',
    roles: ['provincial_officer'],
  });
  const user = await inScope(db, { kind: 'system', reason: 'bench' }, (trx) => findUserByUsername(trx, 'bench.pc04'));
  if (!user) throw new Error('bench user missing');
  const ctx: ServiceContext = { ...base, actor: actorOf(user, 'token', null) };
  const communes = (await listCommunes(db, '01', today)).map((c) => ({ ...c, code: c.path.split('.').at(-1) ?? '' }));
  const rows = fakeRows(communes, today);
  const csv = csvOf(rows);
  const xlsx = await xlsxOf(rows);
  process.stderr.write(
    `${engine}: ${COUNT} rows, CSV ${(csv.length / 1e6).toFixed(1)} MB, xlsx ${(xlsx.length / 1e6).toFixed(1)} MB\n`,
  );

  const parseCsv = await timed(() => readImportFile(csv, { maxRows: IMPORT_MAX_ROWS, locale: 'vi' }));
  const parseXlsx = await timed(() => readImportFile(xlsx, { maxRows: IMPORT_MAX_ROWS, locale: 'vi' }));
  const dryCsv = await timed(() => importPersons(ctx, csv, { dryRun: true, confirmDuplicates: false }));
  const dryXlsx = await timed(() => importPersons(ctx, xlsx, { dryRun: true, confirmDuplicates: false }));
  if (dryCsv.value.errorRows > 0) throw new Error(`dry run found ${dryCsv.value.errorRows} bad rows`);
  let writingFrom = 0;
  const commit = await timed(() =>
    importPersons(ctx, csv, { dryRun: false, confirmDuplicates: false }, (status) => {
      if (status === 'committing' && writingFrom === 0) writingFrom = performance.now();
    }),
  );
  const writeMs = commit.ms - (writingFrom ? writingFrom - commit.startedAt : 0);
  if (commit.value.created !== COUNT) throw new Error(`commit: ${JSON.stringify(commit.value).slice(0, 300)}`);
  // The same persons again, without their ID numbers, against a registry that now holds them all:
  // every row goes through the similar-name check, and the generator's few thousand names repeat.
  const again = await timed(() => importPersons(ctx, csvOf(rows, true), { dryRun: true, confirmDuplicates: false }));

  await sql`TRUNCATE person CASCADE`.execute(db);
  const floor = await timed(async () => {
    for (let start = 0; start < rows.length; start += 1000) {
      await insertPersons(
        db,
        rows.slice(start, start + 1000).map((r) => ({
          id: randomUUID(),
          data_key: 'floor',
          personal_id_enc: r.personalId,
          full_name: r.fullName,
          name_key: searchWords(r.fullName).join(' '),
          search_key: searchKey(r.fullName),
          sort_key: viSortKey(r.fullName),
          aliases: [],
          birth_date: r.birthDate,
          birth_year: Number(r.birthDate.slice(0, 4)),
          sex: r.sex,
          nationality: 'VN',
          current_unit_id: r.commune.id,
          current_address_enc: r.address,
          unit_path: r.commune.path,
          province_code: '01',
          has_stable_residence: r.stable,
          phone_enc: r.phone,
          occupation: 'Dữ liệu giả lập',
          file_opened_at: now,
        })),
      );
    }
  });
  return [
    `| ${engine} | read only: CSV ${seconds(parseCsv.ms)}, xlsx ${seconds(parseXlsx.ms)} | dry run: CSV ${seconds(dryCsv.ms)}, xlsx ${seconds(dryXlsx.ms)} | commit (CSV) ${seconds(commit.ms)}, of which writing ${seconds(writeMs)} | the same rows without ID numbers, dry run against the ${COUNT.toLocaleString('en')} now registered: ${seconds(again.ms)} (${again.value.warningRows.toLocaleString('en')} rows with similar names) | floor: plain INSERT ${seconds(floor.ms)} |`,
  ];
}

const lines: string[] = [];
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const name = `pcmt_bench_${randomBytes(4).toString('hex')}`;
await admin.query(`CREATE DATABASE ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
const pool = new pg.Pool({ connectionString: target.toString(), max: 4 });
pool.on('error', () => {});
const serverDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
try {
  const version = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(serverDb);
  lines.push(...(await run(`PostgreSQL ${version.rows[0]?.v ?? ''}`, serverDb)));
} finally {
  await serverDb.destroy();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
if (!skipPglite) {
  const pglite = await openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }), { description: 'bench' });
  try {
    lines.push(...(await run('PGlite 0.5.16 (in memory)', pglite.db)));
  } finally {
    await pglite.close();
  }
}
console.log(lines.join('\n'));

import { randomUUID } from 'node:crypto';
import { BIRTH_REGISTRATION_PROVINCES, centurySexDigit } from '@shared/identity/personal-id';
import { searchKey, searchWords, viSortKey } from '@shared/text/vi';
import { type Kysely, sql } from 'kysely';
import type { Executor } from '../../db/client';
import type { DB } from '../../db/types';
import { inScope } from '../../platform/db-scope';
import type { Envelope } from '../../platform/envelope';

/**
 * Synthetic persons for tests, demos and benchmarks: realistic Vietnamese names, valid-format ID
 * numbers, spread over real communes, deterministic by seed. Clearly fake: every one has the
 * occupation "Dữ liệu giả lập" and the management file says so. Never real people.
 */
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Lò',
  'Vi',
  'Hà',
  'Đinh',
];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân', 'Ngọc', 'Mạnh'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Minh', 'Phương', 'Diệu', 'Hồng', 'Bích'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Hải',
  'Hùng',
  'Khánh',
  'Long',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
  'Đạt',
  'Hiếu',
  'Lâm',
  'Toàn',
  'Vinh',
];
const GIVEN_F = [
  'Anh',
  'Chi',
  'Dung',
  'Hà',
  'Hạnh',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Nga',
  'Nhung',
  'Oanh',
  'Phượng',
  'Quỳnh',
  'Thảo',
  'Trang',
  'Tuyết',
  'Vân',
  'Vy',
  'Yến',
];

/** mulberry32: a small seeded generator, so that the same seed gives the same persons. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fake Vietnamese full name for the sex, from the seeded generator (also the import benchmark's). */
export function fakeFullName(random: () => number, sex: 'male' | 'female'): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return `${pick(FAMILY)} ${pick(sex === 'male' ? MIDDLE_M : MIDDLE_F)} ${pick(sex === 'male' ? GIVEN_M : GIVEN_F)}`;
}

export interface Commune {
  id: string;
  path: string;
}

export function listCommunes(db: Executor, provinceCode: string | null, today: string) {
  let query = db
    .selectFrom('admin_unit')
    .select(['id', 'path'])
    .where('level', '=', 'commune')
    .where(
      sql<boolean>`(valid_from IS NULL OR valid_from <= ${today}::date) AND (valid_to IS NULL OR valid_to >= ${today}::date)`,
    );
  if (provinceCode) query = query.where('parent_code', '=', provinceCode);
  return query.orderBy('code').execute();
}

/** Inserts `count` synthetic persons in batches: one transaction and one statement (arrays unnested) each. */
export async function generatePersons(
  db: Kysely<DB>,
  envelope: Envelope,
  options: { count: number; seed: number; communes: Commune[]; now: Date; onProgress?: (done: number) => void },
): Promise<number> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const year = options.now.getUTCFullYear();
  const BATCH = 2000;
  let done = 0;
  while (done < options.count) {
    const size = Math.min(BATCH, options.count - done);
    const columns: Record<string, unknown[]> = {
      id: [],
      data_key: [],
      personal_id_enc: [],
      personal_id_idx: [],
      full_name: [],
      name_key: [],
      search_key: [],
      sort_key: [],
      birth_year: [],
      sex: [],
      current_unit_id: [],
      unit_path: [],
      phone_enc: [],
      has_stable_residence: [],
    };
    for (let i = 0; i < size; i++) {
      const sex = random() < 0.9 ? 'male' : 'female';
      const fullName = fakeFullName(random, sex);
      // Skewed to 18–45, as in national figures (VN-DATA.md §3): about 1% aged 12–17.
      const age = random() < 0.01 ? 12 + Math.floor(random() * 6) : 18 + Math.floor(random() ** 1.6 * 42);
      const birthYear = year - age;
      const personalId = `${pick(BIRTH_REGISTRATION_PROVINCES)}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
      const commune = pick(options.communes);
      const id = randomUUID();
      const { dek, wrapped } = envelope.newDataKey('person', id);
      columns.id?.push(id);
      columns.data_key?.push(wrapped);
      columns.personal_id_enc?.push(envelope.encrypt(dek, personalId, { table: 'person', column: 'personal_id', recordId: id }));
      columns.personal_id_idx?.push(envelope.blindIndex('personal_id', personalId));
      columns.full_name?.push(fullName);
      columns.name_key?.push(searchWords(fullName).join(' '));
      columns.search_key?.push(searchKey(fullName));
      columns.sort_key?.push(viSortKey(fullName));
      columns.birth_year?.push(birthYear);
      columns.sex?.push(sex);
      columns.current_unit_id?.push(commune.id);
      columns.unit_path?.push(commune.path);
      columns.phone_enc?.push(
        envelope.encrypt(dek, `09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, {
          table: 'person',
          column: 'phone',
          recordId: id,
        }),
      );
      columns.has_stable_residence?.push(random() < 0.85);
    }
    await inScope(db, { kind: 'system', reason: 'generate synthetic persons' }, (trx) =>
      sql`
      INSERT INTO person (id, data_key, personal_id_enc, personal_id_idx, full_name, name_key, search_key, sort_key, birth_year, sex,
        nationality, current_unit_id, unit_path, province_code, has_stable_residence, phone_enc, occupation, file_opened_at)
      SELECT id, data_key, pe, pi, fn, nk, sk, so, by, sx, 'VN', cu, up, split_part(up, '.', 1), hs, ph, 'Dữ liệu giả lập', ${options.now}
      FROM unnest(${columns.id}::uuid[], ${columns.data_key}::text[], ${columns.personal_id_enc}::text[], ${columns.personal_id_idx}::text[],
        ${columns.full_name}::text[], ${columns.name_key}::text[], ${columns.search_key}::text[], ${columns.sort_key}::text[],
        ${columns.birth_year}::int[], ${columns.sex}::text[], ${columns.current_unit_id}::uuid[], ${columns.unit_path}::text[],
        ${columns.has_stable_residence}::boolean[], ${columns.phone_enc}::text[])
        AS t(id, data_key, pe, pi, fn, nk, sk, so, by, sx, cu, up, hs, ph)
    `.execute(trx),
    );
    done += size;
    options.onProgress?.(done);
  }
  return done;
}

import { foldVi } from '../text/vi';

/**
 * The columns of a person-registry import file: the one definition the template, the file parser,
 * the validation report, the CLI and the web page all read. Headers are Vietnamese (the template's
 * row 1); a file may write them without diacritics, in any case, or with a note in parentheses
 * ("Ngày sinh (DD/MM/YYYY)"). Each column fills one field of `PersonCreateBody`
 * (src/shared/contracts/persons.ts), named by `field` (a dotted path), so that a validation issue
 * on a field is reported on the column it came from.
 */
export interface PersonImportColumn {
  /** Stable key, used in reports and in the code. */
  key: string;
  /** The header of the template, as the officer sees it. */
  header: string;
  /** English name, for the English UI and the template's instructions. */
  headerEn: string;
  /** Other spellings accepted for the header, folded (no diacritics, lower case). */
  aliases: readonly string[];
  required: boolean;
  /** The PersonCreateBody field the column fills. */
  field: string;
  /** What to write, shown in the template's instructions sheet. */
  format: { vi: string; en: string };
  /** A clearly fake example value for the instructions. */
  example: string;
  /** Spreadsheet cells that must stay text (numbers with leading zeros). */
  text?: boolean;
}

export const PERSON_IMPORT_COLUMNS = [
  {
    key: 'fullName',
    header: 'Họ tên',
    headerEn: 'Full name',
    aliases: ['ho va ten', 'ho ten doi tuong', 'full name', 'name'],
    required: true,
    field: 'fullName',
    format: { vi: 'Họ và tên đầy đủ, có dấu', en: 'Full name, with diacritics' },
    example: 'Nguyễn Văn Giả',
  },
  {
    key: 'aliases',
    header: 'Tên gọi khác',
    headerEn: 'Other names',
    aliases: ['ten khac', 'biet danh', 'aliases', 'other names'],
    required: false,
    field: 'aliases',
    format: { vi: 'Tên thường gọi, biệt danh; nhiều tên cách nhau bằng dấu ;', en: 'Nicknames; separate several with ;' },
    example: 'Giả Béo; Tư Giả',
  },
  {
    key: 'birthDate',
    header: 'Ngày sinh',
    headerEn: 'Date of birth',
    aliases: ['ngay thang nam sinh', 'birth date', 'date of birth'],
    required: false,
    field: 'birthDate',
    format: {
      vi: 'DD/MM/YYYY (hoặc ô kiểu ngày của Excel); bỏ trống nếu chỉ biết năm sinh',
      en: 'DD/MM/YYYY (or an Excel date cell); empty when only the year is known',
    },
    example: '02/03/1989',
  },
  {
    key: 'birthYear',
    header: 'Năm sinh',
    headerEn: 'Year of birth',
    aliases: ['birth year', 'year of birth'],
    required: false,
    field: 'birthYear',
    format: {
      vi: '4 chữ số; bắt buộc khi không có ngày sinh, phải khớp ngày sinh nếu có cả hai',
      en: '4 digits; required without a date of birth, must match it when both are given',
    },
    example: '1989',
  },
  {
    key: 'sex',
    header: 'Giới tính',
    headerEn: 'Sex',
    aliases: ['gioi', 'sex'],
    required: true,
    field: 'sex',
    format: { vi: 'Nam hoặc Nữ', en: 'Nam (male) or Nữ (female)' },
    example: 'Nam',
  },
  {
    key: 'personalId',
    header: 'Số định danh cá nhân',
    headerEn: 'Personal ID number',
    aliases: ['so dinh danh', 'so cccd', 'cccd', 'so can cuoc', 'so can cuoc cong dan', 'personal id', 'personal id number'],
    required: false,
    field: 'personalId',
    format: { vi: '12 chữ số (số thẻ căn cước, CCCD); để ô kiểu Văn bản', en: '12 digits; keep the cell as Text' },
    example: '001089000000',
    text: true,
  },
  {
    key: 'oldIdNumber',
    header: 'Số CMND',
    headerEn: 'Old ID card number',
    aliases: ['cmnd', 'so cmnd cu', 'so chung minh nhan dan', 'old id', 'old id number'],
    required: false,
    field: 'oldIdNumber',
    format: { vi: '9 chữ số (chứng minh nhân dân cũ)', en: '9 digits (old identity card)' },
    example: '010000000',
    text: true,
  },
  {
    key: 'nationality',
    header: 'Quốc tịch',
    headerEn: 'Nationality',
    aliases: ['nationality'],
    required: false,
    field: 'nationality',
    format: { vi: 'Mã 2 chữ cái (VN, LA, CN…); bỏ trống là VN', en: '2-letter code (VN, LA, CN…); empty means VN' },
    example: 'VN',
  },
  {
    key: 'ethnicity',
    header: 'Dân tộc',
    headerEn: 'Ethnicity',
    aliases: ['ethnicity'],
    required: false,
    field: 'ethnicity',
    format: { vi: 'Tên dân tộc', en: 'Ethnic group' },
    example: 'Kinh',
  },
  {
    key: 'currentUnitCode',
    header: 'Mã xã nơi ở hiện tại',
    headerEn: 'Current residence: commune code',
    aliases: ['ma xa noi o', 'ma xa noi o hien nay', 'current commune code'],
    required: true,
    field: 'currentResidence.unitCode',
    format: {
      vi: 'Mã 5 chữ số của xã, phường, đặc khu hiện hành; xã này quản lý hồ sơ',
      en: '5-digit code of a current commune; it manages the file',
    },
    example: '00004',
    text: true,
  },
  {
    key: 'currentAddress',
    header: 'Địa chỉ nơi ở hiện tại',
    headerEn: 'Current residence: address',
    aliases: ['dia chi noi o', 'dia chi noi o hien nay', 'noi o hien tai', 'current address'],
    required: false,
    field: 'currentResidence.address',
    format: { vi: 'Số nhà, đường phố, thôn, tổ dân phố', en: 'House number, street, hamlet' },
    example: 'Số 1 phố Thử Nghiệm',
  },
  {
    key: 'permanentUnitCode',
    header: 'Mã xã thường trú',
    headerEn: 'Permanent residence: commune code',
    aliases: ['ma xa noi thuong tru', 'permanent commune code'],
    required: false,
    field: 'permanentResidence.unitCode',
    format: { vi: 'Mã 5 chữ số của xã nơi thường trú', en: '5-digit commune code' },
    example: '00004',
    text: true,
  },
  {
    key: 'permanentAddress',
    header: 'Địa chỉ thường trú',
    headerEn: 'Permanent residence: address',
    aliases: ['noi thuong tru', 'thuong tru', 'permanent address'],
    required: false,
    field: 'permanentResidence.address',
    format: { vi: 'Cần mã xã thường trú', en: 'Needs the commune code' },
    example: 'Số 1 phố Thử Nghiệm',
  },
  {
    key: 'temporaryUnitCode',
    header: 'Mã xã tạm trú',
    headerEn: 'Temporary residence: commune code',
    aliases: ['ma xa noi tam tru', 'temporary commune code'],
    required: false,
    field: 'temporaryResidence.unitCode',
    format: { vi: 'Mã 5 chữ số của xã nơi tạm trú', en: '5-digit commune code' },
    example: '',
    text: true,
  },
  {
    key: 'temporaryAddress',
    header: 'Địa chỉ tạm trú',
    headerEn: 'Temporary residence: address',
    aliases: ['noi tam tru', 'tam tru', 'temporary address'],
    required: false,
    field: 'temporaryResidence.address',
    format: { vi: 'Cần mã xã tạm trú', en: 'Needs the commune code' },
    example: '',
  },
  {
    key: 'hasStableResidence',
    header: 'Có nơi cư trú ổn định',
    headerEn: 'Stable residence',
    aliases: ['noi cu tru on dinh', 'cu tru on dinh', 'stable residence', 'has stable residence'],
    required: true,
    field: 'hasStableResidence',
    format: { vi: 'Có hoặc Không', en: 'Có (yes) or Không (no)' },
    example: 'Có',
  },
  {
    key: 'occupation',
    header: 'Nghề nghiệp',
    headerEn: 'Occupation',
    aliases: ['nghe', 'occupation'],
    required: false,
    field: 'occupation',
    format: { vi: 'Nghề nghiệp, việc làm', en: 'Occupation' },
    example: 'Lao động tự do',
  },
  {
    key: 'phone',
    header: 'Số điện thoại',
    headerEn: 'Phone',
    aliases: ['dien thoai', 'sdt', 'so dt', 'phone', 'phone number'],
    required: false,
    field: 'phone',
    format: { vi: '8–15 chữ số; để ô kiểu Văn bản', en: '8–15 digits; keep the cell as Text' },
    example: '0900000000',
    text: true,
  },
] as const satisfies readonly PersonImportColumn[];

export type PersonImportColumnKey = (typeof PERSON_IMPORT_COLUMNS)[number]['key'];

/** Columns a file may carry that the import reads past: the row number most lists start with. */
const IGNORED_HEADERS = ['stt', 'so thu tu', 'tt', 'no'];

const COLUMN_BY_KEY = new Map<string, PersonImportColumn>(PERSON_IMPORT_COLUMNS.map((column) => [column.key, column]));

export function importColumn(key: PersonImportColumnKey): PersonImportColumn {
  const column = COLUMN_BY_KEY.get(key);
  if (!column) throw new Error(`unknown import column ${key}`);
  return column;
}

/** A header as it is compared: folded, notes in parentheses dropped, punctuation as spaces. */
export function normalizeHeader(text: string): string {
  return foldVi(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const HEADER_LOOKUP = new Map<string, PersonImportColumnKey>(
  PERSON_IMPORT_COLUMNS.flatMap((column) =>
    [normalizeHeader(column.header), ...column.aliases].map((name) => [name, column.key] as const),
  ),
);

export type HeaderProblem = { header: string; problem: 'unknown' | 'duplicate' | 'missing' };

/**
 * Which column each header cell of row 1 is. Unknown headers, a column given twice and a missing
 * required column are problems: the file is refused before any row is read (a misspelt optional
 * column would otherwise be dropped without a word).
 */
export function matchHeaders(headers: readonly string[]): {
  columns: (PersonImportColumnKey | null)[];
  problems: HeaderProblem[];
} {
  const problems: HeaderProblem[] = [];
  const seen = new Set<string>();
  const columns = headers.map((raw) => {
    const normalized = normalizeHeader(raw);
    if (normalized === '' || IGNORED_HEADERS.includes(normalized)) return null;
    const key = HEADER_LOOKUP.get(normalized);
    if (!key) {
      problems.push({ header: raw.trim(), problem: 'unknown' });
      return null;
    }
    if (seen.has(key)) problems.push({ header: raw.trim(), problem: 'duplicate' });
    seen.add(key);
    return key;
  });
  for (const column of PERSON_IMPORT_COLUMNS) {
    if (column.required && !seen.has(column.key)) problems.push({ header: column.header, problem: 'missing' });
  }
  return { columns, problems };
}

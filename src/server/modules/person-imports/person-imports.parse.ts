import { Readable } from 'node:stream';
import type { PersonImportFileType } from '@shared/contracts/person-imports';
import { FIELD_MESSAGES, type FieldMessageKey } from '@shared/errors';
import type { Locale } from '@shared/locale';
import { type ImportCell, type ImportCells, isBlankRow } from '@shared/person-import/cells';
import { type HeaderProblem, matchHeaders } from '@shared/person-import/columns';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors';

/**
 * Reading an import file into rows of cells. The type is decided by the content, never by a name
 * or a declared media type: an xlsx workbook is a zip archive ("PK"), anything else must be UTF-8
 * text, read as CSV. Every refusal here is the uploader's mistake and a 4xx with a clear code.
 */
export interface ParsedRow {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  cells: ImportCells;
}

export interface ParsedFile {
  fileType: PersonImportFileType;
  rows: ParsedRow[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function detectFileType(file: Buffer): PersonImportFileType {
  if (file.length >= 4 && file.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  // Binary content (an old .xls, a PDF, an image) has NUL bytes early on; text never does.
  if (file.subarray(0, 8192).includes(0)) throw new AppError('IMPORT_FILE_TYPE');
  return 'csv';
}

/** Reads the file; refuses it whole when its header row does not match the template. */
export async function readImportFile(file: Buffer, options: { maxRows: number; locale: Locale }): Promise<ParsedFile> {
  if (file.length === 0) throw new AppError('IMPORT_EMPTY');
  const fileType = detectFileType(file);
  const table = fileType === 'xlsx' ? await readXlsx(file, options.maxRows) : readCsv(file);
  const { columns, problems } = matchHeaders(table.header.map((cell) => cellText(cell)));
  if (problems.length > 0) {
    throw new AppError(
      'IMPORT_HEADERS_INVALID',
      {},
      problems.map((problem) => headerIssue(problem, options.locale)),
    );
  }
  const rows: ParsedRow[] = [];
  for (const { row, values } of table.rows) {
    const cells: ImportCells = {};
    columns.forEach((key, index) => {
      if (key) cells[key] = values[index] ?? null;
    });
    if (!isBlankRow(cells)) rows.push({ row, cells });
  }
  if (rows.length === 0) throw new AppError('IMPORT_EMPTY');
  if (rows.length > options.maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: options.maxRows });
  return { fileType, rows };
}

const HEADER_MESSAGES: Record<HeaderProblem['problem'], FieldMessageKey> = {
  unknown: 'IMPORT_HEADER_UNKNOWN',
  duplicate: 'IMPORT_HEADER_DUPLICATE',
  missing: 'IMPORT_HEADER_MISSING',
};

function headerIssue(problem: HeaderProblem, locale: Locale) {
  // A header is the file's structure, not a person's data: naming it helps and reveals nothing.
  return {
    path: ['file', 'header', problem.header.slice(0, 100)],
    message: FIELD_MESSAGES[HEADER_MESSAGES[problem.problem]][locale],
  };
}

interface RawTable {
  header: ImportCell[];
  rows: { row: number; values: ImportCell[] }[];
}

function cellText(cell: ImportCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

/** Excel saves CSV with commas or, in locales whose decimal mark is a comma, semicolons. */
function delimiterOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0]?.n ? (counts[0]?.d ?? ',') : ',';
}

/** The whole text is parsed: the body limit bounds it, and blank lines must not count towards the row cap. */
function readCsv(file: Buffer): RawTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new AppError('IMPORT_CSV_ENCODING');
  }
  text = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: delimiterOf(text.slice(0, text.search(/\r?\n|$/))),
      relax_column_count: true,
      // A quote inside an unquoted cell (Số 5 "A") is text, as Excel reads it.
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { type: 'CSV' });
  }
  const [header = [], ...data] = records;
  // Record n of a CSV file is row n when Excel opens it, the header being row 1.
  return { header, rows: data.map((values, index) => ({ row: index + 2, values })) };
}

/** An exceljs cell value as plain data: rich text joined, a formula's result, a link's text. */
function plainCell(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return plainCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (typeof v.error === 'string') return v.error;
  }
  return null;
}

/**
 * The first worksheet, streamed: a row cap stops reading early, so a small zip that inflates to
 * millions of rows costs no more than the cap.
 */
async function readXlsx(file: Buffer, maxRows: number): Promise<RawTable> {
  const table: RawTable = { header: [], rows: [] };
  let sheets = 0;
  let filled = 0;
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of workbook) {
      sheets++;
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1).map(plainCell);
        if (row.number === 1) table.header = values;
        else table.rows.push({ row: row.number, values });
        if (row.number > 1 && values.some((value) => cellText(value).trim() !== '')) filled++;
        if (filled > maxRows) break;
      }
      break;
    }
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { type: 'xlsx' });
  }
  if (filled > maxRows) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: maxRows });
  // A zip that is no workbook (a .docx, an archive) has no worksheet to read.
  if (sheets === 0) throw new AppError('IMPORT_FILE_TYPE');
  return table;
}

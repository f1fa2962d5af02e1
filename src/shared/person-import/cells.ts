import type { FieldMessageKey } from '../errors';
import { foldVi } from '../text/vi';
import { PERSON_IMPORT_COLUMNS, type PersonImportColumnKey } from './columns';

/**
 * From the cells of one spreadsheet row to the input of `PersonCreateBody`. Only the spreadsheet's
 * own conventions are handled here (DD/MM/YYYY, Nam/Nữ, Có/Không, names separated by ";", numbers
 * that Excel stored without their leading zeros); every rule about the values themselves is the
 * contract's and the person service's, applied to the result exactly as for a single registration.
 */

/** A cell as a CSV or xlsx reader gives it: text, a number, a boolean, a date cell, or nothing. */
export type ImportCell = string | number | boolean | Date | null;
export type ImportCells = Partial<Record<PersonImportColumnKey, ImportCell>>;

export interface CellIssue {
  column: PersonImportColumnKey;
  message: FieldMessageKey;
}

export interface PersonRowInput {
  /** The input to validate with `PersonCreateBody`. */
  input: Record<string, unknown>;
  /** Problems found while reading the cells; the contract's issues on these columns are not added. */
  issues: CellIssue[];
  /** Where the birth year came from: its own column, or the year of the date of birth. */
  birthYearColumn: 'birthYear' | 'birthDate';
}

function text(cell: ImportCell | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const value = cell instanceof Date ? isoOfDateCell(cell) : String(cell).normalize('NFC').trim();
  return value === '' ? undefined : value;
}

/**
 * A number of fixed length (ID numbers, commune codes). A cell Excel turned into a number lost its
 * leading zeros; the length is fixed, so padding gives back exactly what was typed.
 */
function fixedDigits(cell: ImportCell | undefined, length: number): string | undefined {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0) return String(cell).padStart(length, '0');
  return text(cell)?.replace(/\s+/g, '');
}

/** A phone number: spaces, dots and dashes dropped; a number cell of 9 digits lost its leading 0. */
function phone(cell: ImportCell | undefined): string | undefined {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell > 0) {
    const digits = String(cell);
    return digits.length === 9 ? `0${digits}` : digits;
  }
  return text(cell)?.replace(/[\s.\-()]/g, '');
}

/** A date cell of a spreadsheet is a calendar date at midnight UTC: read it in UTC. */
function isoOfDateCell(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoOfDateCell(date);
}

/** Days from Excel's day 0 (30/12/1899, counting its phantom 29/02/1900) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * DD/MM/YYYY (also with "-" or "."), an ISO date, a date cell, or an Excel date serial number.
 * A bare number between 1900 and 2100 is a year typed in the wrong column, not a date: refused.
 */
export function parseImportDate(cell: ImportCell | undefined): string | null | undefined {
  if (cell === null || cell === undefined || cell === '') return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoOfDateCell(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || (cell >= 1900 && cell <= 2100) || cell <= 0) return null;
    return isoOfDateCell(new Date((cell - EXCEL_EPOCH_DAYS) * 86_400_000));
  }
  const value = String(cell).trim();
  if (value === '') return undefined;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (vn) return isoDate(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return null;
}

const YES = ['co', 'x', 'yes', 'y', 'true', '1', 'on dinh'];
const NO = ['khong', 'no', 'n', 'false', '0', 'khong on dinh'];

function yesNo(cell: ImportCell | undefined): boolean | null | undefined {
  if (typeof cell === 'boolean') return cell;
  const value = text(cell);
  if (value === undefined) return undefined;
  const folded = foldVi(value);
  if (YES.includes(folded)) return true;
  if (NO.includes(folded)) return false;
  return null;
}

function sex(cell: ImportCell | undefined): 'male' | 'female' | null | undefined {
  const value = text(cell);
  if (value === undefined) return undefined;
  const folded = foldVi(value);
  if (['nam', 'male', 'm'].includes(folded)) return 'male';
  if (['nu', 'female', 'f'].includes(folded)) return 'female';
  return null;
}

function nationality(cell: ImportCell | undefined): string | undefined {
  const value = text(cell);
  if (value === undefined) return undefined;
  return ['viet nam', 'vietnam', 'viet'].includes(foldVi(value)) ? 'VN' : value.toUpperCase();
}

/** True when every cell of the row is empty (such rows are skipped, as a spreadsheet user expects). */
export function isBlankRow(cells: ImportCells): boolean {
  return Object.values(cells).every((cell) => text(cell) === undefined);
}

const RESIDENCES = [
  { field: 'currentResidence', code: 'currentUnitCode', address: 'currentAddress' },
  { field: 'permanentResidence', code: 'permanentUnitCode', address: 'permanentAddress' },
  { field: 'temporaryResidence', code: 'temporaryUnitCode', address: 'temporaryAddress' },
] as const;

/** Reads one row's cells into the registration input, noting what cannot be read. */
export function personInputFromCells(cells: ImportCells): PersonRowInput {
  const issues: CellIssue[] = [];
  const input: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    if (value !== undefined) input[field] = value;
  };

  for (const column of PERSON_IMPORT_COLUMNS) {
    if (column.required && text(cells[column.key]) === undefined) issues.push({ column: column.key, message: 'IMPORT_REQUIRED' });
  }
  set('fullName', text(cells.fullName));
  const aliases = text(cells.aliases)
    ?.split(';')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
  set('aliases', aliases);

  const birthDate = parseImportDate(cells.birthDate);
  if (birthDate === null) issues.push({ column: 'birthDate', message: 'IMPORT_DATE' });
  set('birthDate', birthDate ?? undefined);
  const yearText = text(cells.birthYear);
  let birthYearColumn: PersonRowInput['birthYearColumn'] = 'birthYear';
  if (yearText !== undefined) {
    if (/^\d{4}$/.test(yearText)) input.birthYear = Number(yearText);
    else issues.push({ column: 'birthYear', message: 'IMPORT_YEAR' });
  } else {
    // No year of its own: it is the date's, and any problem with it is the date column's.
    birthYearColumn = 'birthDate';
    if (birthDate) input.birthYear = Number(birthDate.slice(0, 4));
    else if (birthDate === undefined) issues.push({ column: 'birthDate', message: 'IMPORT_BIRTH_REQUIRED' });
  }

  const sexValue = sex(cells.sex);
  if (sexValue === null) issues.push({ column: 'sex', message: 'IMPORT_SEX' });
  set('sex', sexValue ?? undefined);
  set('personalId', fixedDigits(cells.personalId, 12));
  set('oldIdNumber', fixedDigits(cells.oldIdNumber, 9));
  set('nationality', nationality(cells.nationality));
  set('ethnicity', text(cells.ethnicity));

  for (const residence of RESIDENCES) {
    const unitCode = fixedDigits(cells[residence.code], 5);
    const address = text(cells[residence.address]);
    if (unitCode !== undefined) input[residence.field] = address === undefined ? { unitCode } : { unitCode, address };
    else if (address !== undefined && residence.field !== 'currentResidence')
      issues.push({ column: residence.address, message: 'IMPORT_ADDRESS_NEEDS_UNIT' });
  }

  const stable = yesNo(cells.hasStableResidence);
  if (stable === null) issues.push({ column: 'hasStableResidence', message: 'IMPORT_YES_NO' });
  set('hasStableResidence', stable ?? undefined);
  set('occupation', text(cells.occupation));
  set('phone', phone(cells.phone));
  return { input, issues, birthYearColumn };
}

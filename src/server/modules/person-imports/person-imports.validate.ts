import { setImmediate as nextTurn } from 'node:timers/promises';
import { PersonCreateBody } from '@shared/contracts/persons';
import { todayInVietnam } from '@shared/dates';
import { FIELD_MESSAGES, type FieldMessageKey, formatMessage } from '@shared/errors';
import { personInputFromCells } from '@shared/person-import/cells';
import { PERSON_IMPORT_COLUMNS, type PersonImportColumnKey } from '@shared/person-import/columns';
import { searchWords } from '@shared/text/vi';
import type { z } from 'zod';
import type { Actor, ServiceContext } from '../../platform/context';
import { areaOf, inScope } from '../../platform/db-scope';
import { describeIssue } from '../../platform/validation';
import { envelopeOf } from '../persons/person-access';
import { personRuleIssues, type ResolvedResidence } from '../persons/persons.service';
import type { ParsedRow } from './person-imports.parse';
import * as repo from './person-imports.repo';
import { similarNames } from './similar-names';

/**
 * The check of an import, the same rules as one registration (persons.service.ts `createPerson`):
 * the contract, the ID-number and date rules, communes of the current hierarchy, the officer's
 * area, and duplicates. Set-based: one query for every unit code of the file, one for every ID
 * number, one for the names that may be similar; never one query per row.
 */

/** A problem of a row as stored with the import: no cell value, the message in both languages. */
export interface StoredRowIssue {
  row: number;
  field: PersonImportColumnKey;
  message: { vi: string; en: string };
  /** Existing persons the row may duplicate (their ids only; shown with name and commune on reading). */
  candidateIds?: string[];
}

export type Residences = Record<'current' | 'permanent' | 'temporary', ResolvedResidence | null>;

/** A row that passed every check, ready to be written. */
export interface PreparedRow {
  row: number;
  body: PersonCreateBody;
  residences: Residences;
}

export interface CheckResult {
  prepared: PreparedRow[];
  errors: StoredRowIssue[];
  warnings: StoredRowIssue[];
  errorRows: number;
  warningRows: number;
}

/** At most this many possible duplicates are named per row (registration shows up to 10 in all). */
const CANDIDATES_PER_ROW = 5;
/** Rows checked between two turns of the event loop, so that progress polls are answered meanwhile. */
const CHUNK = 1000;

const COLUMN_OF_FIELD = new Map<string, PersonImportColumnKey>(PERSON_IMPORT_COLUMNS.map((c) => [c.field, c.key]));
const RESIDENCE_COLUMNS = {
  current: { field: 'currentResidence', code: 'currentUnitCode', address: 'currentAddress' },
  permanent: { field: 'permanentResidence', code: 'permanentUnitCode', address: 'permanentAddress' },
  temporary: { field: 'temporaryResidence', code: 'temporaryUnitCode', address: 'temporaryAddress' },
} as const;

function fieldMessage(key: FieldMessageKey, params?: Record<string, string | number>) {
  return { vi: formatMessage(FIELD_MESSAGES[key].vi, params), en: formatMessage(FIELD_MESSAGES[key].en, params) };
}

/** The column a contract issue belongs to: its field path without list indexes. */
function columnOfPath(path: readonly PropertyKey[], birthYearColumn: PersonImportColumnKey): PersonImportColumnKey {
  const names = path.filter((p): p is string => typeof p === 'string');
  if (names[0] === 'birthYear') return birthYearColumn;
  const exact = COLUMN_OF_FIELD.get(names.join('.'));
  if (exact) return exact;
  const residence = Object.values(RESIDENCE_COLUMNS).find((r) => r.field === names[0]);
  return residence ? residence.code : (COLUMN_OF_FIELD.get(names[0] ?? '') ?? 'fullName');
}

/** Problems by row; one message per cell (the first found), as a spreadsheet user reads them. */
class RowIssues {
  private readonly byRow = new Map<number, StoredRowIssue[]>();

  add(issue: StoredRowIssue): void {
    const list = this.byRow.get(issue.row);
    if (!list) this.byRow.set(issue.row, [issue]);
    else if (!list.some((existing) => existing.field === issue.field)) list.push(issue);
  }

  has(row: number): boolean {
    return this.byRow.has(row);
  }

  hasColumn(row: number, field: PersonImportColumnKey): boolean {
    return this.byRow.get(row)?.some((issue) => issue.field === field) ?? false;
  }

  /** In row order, then in the column order of the template. */
  list(): StoredRowIssue[] {
    const order = new Map(PERSON_IMPORT_COLUMNS.map((c, i) => [c.key as string, i]));
    return [...this.byRow.entries()]
      .sort(([a], [b]) => a - b)
      .flatMap(([, issues]) => issues.sort((x, y) => (order.get(x.field) ?? 0) - (order.get(y.field) ?? 0)));
  }

  get rowCount(): number {
    return this.byRow.size;
  }
}

interface ReadRow {
  row: number;
  body: PersonCreateBody;
}

/** Cells → contract → rules, row by row; no database. */
async function readRows(
  rows: readonly ParsedRow[],
  errors: RowIssues,
  today: string,
  onProgress: (processed: number) => void,
): Promise<ReadRow[]> {
  const read: ReadRow[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    for (const { row, cells } of rows.slice(start, start + CHUNK)) {
      const { input, issues, birthYearColumn } = personInputFromCells(cells);
      for (const issue of issues) errors.add({ row, field: issue.column, message: fieldMessage(issue.message) });
      const parsed = PersonCreateBody.safeParse(input, { reportInput: true });
      if (!parsed.success) {
        for (const issue of parsed.error.issues as z.core.$ZodIssue[]) {
          const field = columnOfPath(issue.path, birthYearColumn);
          if (!issues.some((cellIssue) => cellIssue.column === field))
            errors.add({ row, field, message: { vi: describeIssue(issue, 'vi'), en: describeIssue(issue, 'en') } });
        }
        continue;
      }
      for (const issue of personRuleIssues(parsed.data, today)) {
        errors.add({
          row,
          field: issue.field === 'birthYear' ? birthYearColumn : issue.field,
          message: fieldMessage(issue.message),
        });
      }
      read.push({ row, body: parsed.data });
    }
    onProgress(Math.min(start + CHUNK, rows.length));
    await nextTurn();
  }
  return read;
}

/** Every unit code of the file in one query; codes may be alternative codes, as in registration. */
async function resolveUnits(ctx: ServiceContext, read: readonly ReadRow[], today: string) {
  const codes = new Set<string>();
  for (const { body } of read) {
    for (const residence of [body.currentResidence, body.permanentResidence, body.temporaryResidence]) {
      if (residence) codes.add(residence.unitCode);
    }
  }
  const units = await repo.findUnitsByCodes(ctx.db, [...codes], today);
  const byCode = new Map<string, (typeof units)[number]>();
  for (const unit of units) for (const alt of unit.alt_codes) if (!byCode.has(alt)) byCode.set(alt, unit);
  for (const unit of units) byCode.set(unit.code, unit);
  return byCode;
}

/**
 * Checks every row of an import. `prepared` holds the rows that passed everything; a commit writes
 * them only when `errors` is empty.
 */
export async function checkRows(
  ctx: ServiceContext,
  actor: Actor,
  rows: readonly ParsedRow[],
  onProgress: (processed: number) => void = () => {},
): Promise<CheckResult> {
  const today = todayInVietnam(ctx.clock());
  const errors = new RowIssues();
  const read = await readRows(rows, errors, today, onProgress);

  const units = await resolveUnits(ctx, read, today);
  const area = areaOf(actor.roles, actor.unitPath);
  const located: PreparedRow[] = [];
  for (const { row, body } of read) {
    const residences: Residences = { current: null, permanent: null, temporary: null };
    for (const [kind, columns] of Object.entries(RESIDENCE_COLUMNS) as [
      keyof Residences,
      (typeof RESIDENCE_COLUMNS)['current'],
    ][]) {
      const input = body[columns.field];
      if (!input) continue;
      const unit = units.get(input.unitCode);
      if (!unit) errors.add({ row, field: columns.code, message: fieldMessage('IMPORT_UNIT_UNKNOWN') });
      else if (unit.level !== 'commune') errors.add({ row, field: columns.code, message: fieldMessage('COMMUNE_REQUIRED') });
      else residences[kind] = { unitId: unit.id, path: unit.path, address: input.address ? input.address : null };
    }
    const current = residences.current;
    if (!current) continue;
    // As in createPerson: the officer registers only in their own area (row-level security agrees).
    if (ctx.enforcement !== 'database-only' && !(area === '*' || current.path === area || current.path.startsWith(`${area}.`))) {
      errors.add({ row, field: 'currentUnitCode', message: fieldMessage('IMPORT_OUTSIDE_AREA') });
      continue;
    }
    located.push({ row, body, residences });
  }

  markRepeatsInFile(read, errors);
  const warnings = new RowIssues();
  await findRegistryDuplicates(ctx, located, errors, warnings);
  onProgress(rows.length);
  return {
    prepared: located.filter((r) => !errors.has(r.row)),
    errors: errors.list(),
    warnings: warnings.list(),
    errorRows: errors.rowCount,
    warningRows: warnings.rowCount,
  };
}

/** The same ID number twice in one file: the later rows are errors (one file per person). */
function markRepeatsInFile(read: readonly ReadRow[], errors: RowIssues): void {
  for (const field of ['personalId', 'oldIdNumber'] as const) {
    const first = new Map<string, number>();
    for (const { row, body } of read) {
      const value = body[field];
      if (!value) continue;
      const earlier = first.get(value);
      if (earlier === undefined) first.set(value, row);
      else errors.add({ row, field, message: fieldMessage('IMPORT_DUPLICATE_IN_FILE', { row: earlier }) });
    }
  }
}

/**
 * Against the whole registry, whatever the officer's area (one file per person), as registration
 * does: the same ID number is an error; a similar folded name with the same birth year in the same
 * province is a warning the officer must confirm.
 */
async function findRegistryDuplicates(
  ctx: ServiceContext,
  rows: readonly PreparedRow[],
  errors: RowIssues,
  warnings: RowIssues,
): Promise<void> {
  if (rows.length === 0) return;
  const envelope = envelopeOf(ctx);
  const personalIdIndex = new Map<string, PreparedRow[]>();
  const oldIdIndex = new Map<string, PreparedRow[]>();
  const remember = (index: Map<string, PreparedRow[]>, key: string, row: PreparedRow) => {
    const list = index.get(key);
    if (list) list.push(row);
    else index.set(key, [row]);
  };
  for (const row of rows) {
    if (row.body.personalId) remember(personalIdIndex, envelope.blindIndex('personal_id', row.body.personalId), row);
    if (row.body.oldIdNumber) remember(oldIdIndex, envelope.blindIndex('old_id', row.body.oldIdNumber), row);
  }
  const provinceOf = (row: PreparedRow) => row.residences.current?.path.split('.')[0] ?? '';
  const { registered, names } = await inScope(ctx.db, { kind: 'system', reason: 'import duplicate check' }, async (trx) => ({
    registered: await repo.findByIdNumbers(trx, [...personalIdIndex.keys()], [...oldIdIndex.keys()]),
    names: await repo.listNamesByProvinceAndYear(
      trx,
      [...new Set(rows.map(provinceOf))],
      [...new Set(rows.map((row) => row.body.birthYear))],
    ),
  }));

  const sameId = new Set<number>();
  for (const person of registered) {
    for (const [index, field, key] of [
      [personalIdIndex, 'personalId', person.personal_id_idx],
      [oldIdIndex, 'oldIdNumber', person.old_id_idx],
    ] as const) {
      for (const row of (key && index.get(key)) || []) {
        sameId.add(row.row);
        errors.add({ row: row.row, field, message: fieldMessage('IMPORT_ALREADY_REGISTERED'), candidateIds: [person.id] });
      }
    }
  }

  const similar = similarNames(
    rows
      .filter((row) => !sameId.has(row.row))
      .map((row) => ({
        ref: String(row.row),
        nameKey: searchWords(row.body.fullName).join(' '),
        group: `${provinceOf(row)}|${row.body.birthYear}`,
      })),
    names.map((person) => ({ ref: person.id, nameKey: person.name_key, group: `${person.province_code}|${person.birth_year}` })),
    { limit: CANDIDATES_PER_ROW },
  );
  for (const [row, ids] of similar) {
    warnings.add({
      row: Number(row),
      field: 'fullName',
      message: fieldMessage('IMPORT_SIMILAR_NAME'),
      candidateIds: ids,
    });
  }
}

import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PersonImportDto, PersonImportStatus } from '@shared/contracts/person-imports';
import type { ErrorCode } from '@shared/errors';
import type { Insertable } from 'kysely';
import type { PersonTable } from '../../db/types';
import { auditCall } from '../../platform/authz';
import type { Actor, ServiceContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { auditPersons, envelopeOf, requirePersonAccess, scoped } from '../persons/person-access';
import { personColumns } from '../persons/persons.service';
import { type ParsedFile, readImportFile } from './person-imports.parse';
import { presentImport } from './person-imports.presenter';
import * as repo from './person-imports.repo';
import { personImportTemplate, type TemplateFile } from './person-imports.template';
import { type CheckResult, checkRows, type PreparedRow } from './person-imports.validate';

/**
 * Bulk registration from a spreadsheet (issue #4): a dry run reports every bad row; a commit checks
 * again and writes every row in one transaction, or nothing. The file is read in the request (a
 * file that is not a spreadsheet is refused at once) and the rest runs as a job whose progress the
 * owner polls. Nothing of the file is kept: the job row holds counts, row numbers, column keys and
 * messages, and the ids of possible duplicates.
 */

/** Rows one import takes: twice the 100,000 the issue sizes it for; beyond, split the file. */
export const IMPORT_MAX_ROWS = 200_000;
/** Rows per INSERT statement. */
const BATCH = 1000;
/** Rows encrypted between two turns of the event loop. */
const ENCRYPT_SLICE = 100;
/**
 * A job that says it is running but has not moved for this long, in a process that is not running
 * it, was cut off by a restart (its transaction rolled back). Longer than the largest commit.
 */
const STALE_AFTER_MS = 10 * 60_000;

/** The template, for those who may import (it holds no data, but it is part of a write). */
export function getPersonImportTemplate(ctx: ServiceContext, format: 'xlsx' | 'csv'): Promise<TemplateFile> {
  requirePersonAccess(ctx, 'write');
  return personImportTemplate(format);
}

/** The report's first page, as a job is first shown. */
export const FIRST_PAGE: repo.ReportPage = { errorsFrom: 0, warningsFrom: 0, limit: 200 };

export interface ImportOptions {
  dryRun: boolean;
  confirmDuplicates: boolean;
}

/** Progress of a running job: which phase, how many rows of `total` so far. */
export type ImportProgress = (status: 'validating' | 'committing', processed: number, total: number) => void;

interface LiveImport {
  ownerUserId: string;
  status: 'validating' | 'committing';
  processed: number;
}

/** Jobs this process is running (live progress, and one import at a time per officer). */
const running = new Map<string, LiveImport>();
/** Officers whose file is being read, before their job exists. */
const starting = new Set<string>();

function refuseIfBusy(actor: Actor): void {
  if (starting.has(actor.userId)) throw new AppError('PERSON_IMPORT_BUSY');
  for (const job of running.values()) if (job.ownerUserId === actor.userId) throw new AppError('PERSON_IMPORT_BUSY');
}

/** Reads the file and records the job, holding the officer's one slot meanwhile. */
async function openImport(ctx: ServiceContext, actor: Actor, file: Buffer, options: ImportOptions) {
  refuseIfBusy(actor);
  starting.add(actor.userId);
  try {
    const parsed = await readImportFile(file, { maxRows: IMPORT_MAX_ROWS, locale: ctx.locale });
    return { parsed, job: await openJob(ctx, actor, parsed, options) };
  } finally {
    starting.delete(actor.userId);
  }
}

async function openJob(ctx: ServiceContext, actor: Actor, file: ParsedFile, options: ImportOptions) {
  const now = ctx.clock();
  const id = randomUUID();
  const job = await scoped(ctx, actor, async (trx) => {
    await repo.insertJob(trx, {
      id,
      owner_user_id: actor.userId,
      file_type: file.fileType,
      dry_run: options.dryRun,
      confirm_duplicates: options.confirmDuplicates,
      status: 'validating',
      total_rows: file.rows.length,
      started_at: now,
      updated_at: now,
    });
    return repo.findJobPage(trx, id, FIRST_PAGE);
  });
  if (!job) throw new Error('import job not recorded');
  running.set(job.id, { ownerUserId: actor.userId, status: 'validating', processed: 0 });
  return job;
}

/**
 * `POST /api/person-imports`: reads the file (4xx when it is not a usable spreadsheet), records the
 * job and returns it; checking (and committing) goes on after the answer. `onError` hears of
 * failures nobody is waiting for (the route logs them).
 */
export async function startPersonImport(
  ctx: ServiceContext,
  file: Buffer,
  options: ImportOptions,
  onError: (error: unknown, importId: string) => void = () => {},
): Promise<PersonImportDto> {
  const actor = requirePersonAccess(ctx, 'write');
  const { parsed, job } = await openImport(ctx, actor, file, options);
  void runImport(ctx, actor, job.id, parsed, options, () => {}).catch((error: unknown) => onError(error, job.id));
  return presentImport(ctx, actor, job, running.get(job.id), FIRST_PAGE);
}

/**
 * The whole import, waiting for its end (the CLI, benchmarks): same checks, same job record, same
 * audit as over HTTP. Returns the finished job with its report.
 */
export async function importPersons(
  ctx: ServiceContext,
  file: Buffer,
  options: ImportOptions,
  onProgress: ImportProgress = () => {},
): Promise<PersonImportDto> {
  const actor = requirePersonAccess(ctx, 'write');
  const { parsed, job } = await openImport(ctx, actor, file, options);
  await runImport(ctx, actor, job.id, parsed, options, onProgress);
  return getPersonImport(ctx, job.id);
}

/**
 * One import of the caller's own: live progress while this process runs it, the report once
 * checked. Reading a finished report is audited (it names possible duplicates); the progress polls
 * before that carry counts only and are not.
 */
export async function getPersonImport(
  ctx: ServiceContext,
  id: string,
  page: repo.ReportPage = FIRST_PAGE,
): Promise<PersonImportDto> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED');
  const live = running.get(id);
  const job = await scoped(ctx, actor, async (trx) => {
    let found = await repo.findJobPage(trx, id, page);
    // Someone else's import answers as one that does not exist (docs/ACCESS.md).
    if (!found || (ctx.enforcement !== 'database-only' && found.owner_user_id !== actor.userId))
      throw new AppError('PERSON_IMPORT_NOT_FOUND');
    if (!live && isRunning(found.status) && ctx.clock().getTime() - found.updated_at.getTime() > STALE_AFTER_MS) {
      await finishJob(trx, ctx, found.id, 'failed', 'IMPORT_INTERRUPTED');
      found = (await repo.findJobPage(trx, id, page)) ?? found;
    }
    if (!isRunning(found.status)) {
      await auditCall(trx, ctx, actor, {
        action: 'person.import_read',
        outcome: 'success',
        recordKind: 'person_import',
        recordId: id,
      });
    }
    return found;
  });
  return presentImport(ctx, actor, job, live, page);
}

function isRunning(status: PersonImportStatus): status is 'validating' | 'committing' {
  return status === 'validating' || status === 'committing';
}

function finishJob(
  trx: Parameters<typeof repo.updateJob>[0],
  ctx: ServiceContext,
  id: string,
  status: 'done' | 'failed',
  failure: ErrorCode | null,
  changes: Parameters<typeof repo.updateJob>[2] = {},
) {
  const now = ctx.clock();
  return repo.updateJob(trx, id, { ...changes, status, failure_code: failure, updated_at: now, finished_at: now });
}

/** Checks, then commits when asked and allowed; always leaves the job done or failed. */
async function runImport(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  file: ParsedFile,
  options: ImportOptions,
  onProgress: ImportProgress,
): Promise<void> {
  const total = file.rows.length;
  const live = running.get(id);
  const progress: ImportProgress = (status, processed) => {
    if (live) Object.assign(live, { status, processed });
    onProgress(status, processed, total);
  };
  try {
    const check = await checkRows(ctx, actor, file.rows, (processed) => progress('validating', processed, total));
    const report = {
      processed_rows: total,
      valid_rows: check.prepared.length,
      error_rows: check.errorRows,
      warning_rows: check.warningRows,
      row_errors: JSON.stringify(check.errors),
      row_warnings: JSON.stringify(check.warnings),
    };
    const refusal: ErrorCode | null =
      check.errorRows > 0
        ? 'IMPORT_ROWS_INVALID'
        : check.warningRows > 0 && !options.confirmDuplicates
          ? 'IMPORT_DUPLICATES_UNCONFIRMED'
          : null;
    if (options.dryRun || refusal) {
      await scoped(ctx, actor, async (trx) => {
        await finishJob(trx, ctx, id, options.dryRun ? 'done' : 'failed', options.dryRun ? null : refusal, report);
        await auditCall(trx, ctx, actor, {
          action: options.dryRun ? 'person.import_dry_run' : 'person.import_refused',
          outcome: options.dryRun ? 'success' : 'failure',
          recordKind: 'person_import',
          recordId: id,
          details: summaryOf(file, check, refusal),
        });
      });
      return;
    }
    await scoped(ctx, actor, (trx) =>
      repo.updateJob(trx, id, { ...report, processed_rows: 0, status: 'committing', updated_at: ctx.clock() }),
    );
    progress('committing', 0, total);
    await commitRows(ctx, actor, id, file, check, (processed) => progress('committing', processed, total));
  } catch (error) {
    const code: ErrorCode = error instanceof AppError ? error.code : 'INTERNAL';
    // The commit's transaction rolled back: the job says so, in a transaction of its own.
    await scoped(ctx, actor, (trx) => finishJob(trx, ctx, id, 'failed', code)).catch(() => {});
    throw error;
  } finally {
    running.delete(id);
  }
}

function summaryOf(file: ParsedFile, check: CheckResult, refusal: ErrorCode | null) {
  return {
    fileType: file.fileType,
    rows: file.rows.length,
    validRows: check.prepared.length,
    errorRows: check.errorRows,
    warningRows: check.warningRows,
    ...(refusal ? { refusal } : {}),
  };
}

/**
 * Writes persons, their `file_opened` events and one audit event each, in batches, inside one
 * transaction in the officer's own scope, so row-level security checks every row it inserts. The
 * next batch is encrypted (the CPU-heavy part) while the database writes the current one.
 */
async function commitRows(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  file: ParsedFile,
  check: CheckResult,
  onProgress: (processed: number) => void,
): Promise<void> {
  const now = ctx.clock();
  const batches: PreparedRow[][] = [];
  for (let start = 0; start < check.prepared.length; start += BATCH) batches.push(check.prepared.slice(start, start + BATCH));
  const encrypt = async (rows: PreparedRow[] | undefined) => {
    const records: Insertable<PersonTable>[] = [];
    for (let start = 0; rows && start < rows.length; start += ENCRYPT_SLICE) {
      for (const row of rows.slice(start, start + ENCRYPT_SLICE)) records.push(personRecord(ctx, actor, row, now));
      // Lets the database's answers in between, so that writing and encrypting overlap.
      await nextTurn();
    }
    return records;
  };
  let written = 0;
  await scoped(ctx, actor, async (trx) => {
    let next = encrypt(batches[0]);
    for (let index = 0; index < batches.length; index++) {
      const records = await next;
      next = encrypt(batches[index + 1]);
      await repo.insertPersons(trx, records);
      await repo.insertEvents(
        trx,
        records.map((person) => ({
          person_id: person.id,
          at: now,
          kind: 'file_opened',
          actor_user_id: actor.userId,
          actor_username: actor.username,
          summary: 'Lập hồ sơ quản lý (nhập từ tệp)',
        })),
      );
      await auditPersons(
        trx,
        ctx,
        actor,
        'person.import',
        records.map((person) => person.id),
        { importId: id },
      );
      written += records.length;
      onProgress(written);
    }
    await auditCall(trx, ctx, actor, {
      action: 'person.import_committed',
      outcome: 'success',
      recordKind: 'person_import',
      recordId: id,
      details: { ...summaryOf(file, check, null), created: written, confirmedDuplicates: check.warningRows > 0 },
    });
    await finishJob(trx, ctx, id, 'done', null, { created_rows: written, processed_rows: written });
  });
}

function personRecord(ctx: ServiceContext, actor: Actor, row: PreparedRow, now: Date): Insertable<PersonTable> {
  const envelope = envelopeOf(ctx);
  const id = randomUUID();
  const { dek, wrapped } = envelope.newDataKey('person', id);
  return {
    id,
    data_key: wrapped,
    ...personColumns(envelope, id, dek, row.body, row.residences),
    file_opened_at: now,
    file_opened_by: actor.userId,
    created_by: actor.userId,
    updated_by: actor.userId,
  };
}

import type { PersonImportDto, PersonImportRowIssueDto } from '@shared/contracts/person-imports';
import type { DuplicateCandidateDto } from '@shared/contracts/persons';
import { ERRORS, type ErrorCode, errorMessage } from '@shared/errors';
import { importColumn, type PersonImportColumnKey } from '@shared/person-import/columns';
import type { z } from 'zod';
import type { Actor, ServiceContext } from '../../platform/context';
import { inScope } from '../../platform/db-scope';
import { auditPersons } from '../persons/person-access';
import * as repo from './person-imports.repo';
import type { StoredRowIssue } from './person-imports.validate';

type DuplicateCandidate = Omit<z.infer<typeof DuplicateCandidateDto>, 'reason'>;

/**
 * An import job as the API shows it: the report in the request's language, possible duplicates
 * with the least that lets the officer decide (name, birth year, managing commune: as registration
 * shows them), each candidate shown audited as `person.duplicate_candidate`.
 */
export async function presentImport(
  ctx: ServiceContext,
  actor: Actor,
  job: repo.PersonImportPage,
  live: { status: 'validating' | 'committing'; processed: number } | undefined,
  page: repo.ReportPage,
): Promise<PersonImportDto> {
  // The report is shown once the job is finished (a commit refused for bad rows still lists them).
  const finished = job.status === 'done' || job.status === 'failed';
  const errors = finished ? (job.errors_page as StoredRowIssue[]) : [];
  const warnings = finished ? (job.warnings_page as StoredRowIssue[]) : [];
  const candidates = await candidatesOf(ctx, actor, [...errors, ...warnings]);
  const failure = job.failure_code && job.failure_code in ERRORS ? (job.failure_code as ErrorCode) : null;
  return {
    id: job.id,
    fileType: job.file_type,
    dryRun: job.dry_run,
    confirmDuplicates: job.confirm_duplicates,
    // Live progress while this process runs the job; the stored state once it is finished.
    status: finished ? job.status : (live?.status ?? job.status),
    total: job.total_rows,
    processed: live?.processed ?? job.processed_rows,
    validRows: job.valid_rows,
    errorRows: job.error_rows,
    warningRows: job.warning_rows,
    created: job.created_rows,
    // An error names the file holding the same ID number; a warning, files with a similar name.
    errors: errors.map((issue) => presentIssue(ctx, issue, candidates, 'same_id_number')),
    errorCount: finished ? job.error_count : 0,
    errorsFrom: page.errorsFrom,
    warnings: warnings.map((issue) => presentIssue(ctx, issue, candidates, 'similar_name')),
    warningCount: finished ? job.warning_count : 0,
    warningsFrom: page.warningsFrom,
    failure: failure
      ? {
          code: failure,
          // An unexpected failure is logged with the import's id (person-imports.routes.ts).
          message: errorMessage(failure, ctx.locale, { count: job.error_rows || job.warning_rows, requestId: job.id }),
        }
      : null,
    startedAt: job.started_at.toISOString(),
    finishedAt: job.finished_at?.toISOString() ?? null,
  };
}

function presentIssue(
  ctx: ServiceContext,
  issue: StoredRowIssue,
  candidates: Map<string, DuplicateCandidate>,
  reason: 'same_id_number' | 'similar_name',
): PersonImportRowIssueDto {
  return {
    row: issue.row,
    field: issue.field,
    column: importColumn(issue.field as PersonImportColumnKey).header,
    message: issue.message[ctx.locale],
    candidates: (issue.candidateIds ?? []).flatMap((id) => {
      const candidate = candidates.get(id);
      return candidate ? [{ ...candidate, reason }] : [];
    }),
  };
}

/** The persons named as possible duplicates, read across the registry (as registration does), audited. */
async function candidatesOf(ctx: ServiceContext, actor: Actor, issues: StoredRowIssue[]) {
  const ids = [...new Set(issues.flatMap((issue) => issue.candidateIds ?? []))];
  const found = new Map<string, DuplicateCandidate>();
  if (ids.length === 0) return found;
  await inScope(ctx.db, { kind: 'system', reason: 'import duplicate candidates' }, async (trx) => {
    const rows = await repo.findCandidates(trx, ids);
    for (const row of rows) {
      found.set(row.id, {
        id: row.id,
        fullName: row.full_name,
        birthYear: row.birth_year,
        managingUnit: { code: row.unit_code, fullName: row.unit_full_name },
      });
    }
    // In slices: one statement's parameters are limited (65,535), and a large file names many.
    for (let start = 0; start < rows.length; start += 1000) {
      await auditPersons(
        trx,
        ctx,
        actor,
        'person.duplicate_candidate',
        rows.slice(start, start + 1000).map((row) => row.id),
      );
    }
  });
  return found;
}
